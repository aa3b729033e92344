# The demo's MicroPython worker: it writes into its display target, the
# element current_target() names, through pyscript.document.
import sys
from pyscript import RUNNING_IN_WORKER, document, config, current_target

version = sys.version.split(";")[1].strip().split(" ")[1]
target = document.getElementById(current_target())
target.textContent = "MicroPython " + version + " wrote this from a worker into #" + current_target() + " (RUNNING_IN_WORKER = " + str(RUNNING_IN_WORKER) + ", config type " + config["type"] + ")"
