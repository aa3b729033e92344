# A Pyodide worker: the smoke test of issue 5.
import json
from pyscript import RUNNING_IN_WORKER, config, document, sync

document.title = "set by Pyodide"


def report():
    return json.dumps({"inWorker": RUNNING_IN_WORKER, "type": config["type"], "add": sync.add(1, 2)})


sync.report = report
