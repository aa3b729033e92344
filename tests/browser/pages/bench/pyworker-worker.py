# The worker script both sides of the PyWorker benchmark run: it imports
# the context and checks one value, so that ready measures startup, not work.
from pyscript import RUNNING_IN_WORKER

assert RUNNING_IN_WORKER
