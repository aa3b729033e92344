# The demo's MicroPython worker: it writes to the page through pyscript.document.
import sys
from pyscript import RUNNING_IN_WORKER, document, config

el = document.getElementById("from-python")
el.textContent = "MicroPython " + sys.version.split(";")[1].strip().split(" ")[1] + " wrote this from a worker (RUNNING_IN_WORKER = " + str(RUNNING_IN_WORKER) + ", config type " + config["type"] + ")"
