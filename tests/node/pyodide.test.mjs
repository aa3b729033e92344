// Pyodide smoke tests (core only; loading it takes seconds, so they are few).
import { test } from "node:test";
import assert from "node:assert/strict";
import { runPython, PyWorker } from "../../npm/dist/index.js";

test("Pyodide on the main thread sees the context", async () => {
  const lines = [];
  await runPython(`
from pyscript import RUNNING_IN_WORKER, config, sync
try:
    sync.sleep
except AttributeError as e:
    print(RUNNING_IN_WORKER, config["type"], e)
`, { type: "py", stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  assert.deepEqual(lines, ["False py pyscript.sync works only when running in a worker"]);
});

test("a Pyodide worker: RUNNING_IN_WORKER, type py, a proxied document.title write, a sync call", async () => {
  globalThis.document = { title: "" }; // a stand-in DOM on main, so the worker's document is a proxy
  const w = PyWorker(new URL("./fixtures/worker-pyodide.py", import.meta.url), { type: "pyodide" });
  w.sync.add = (a, b) => a + b;
  try {
    await w.ready;
    assert.deepEqual(JSON.parse(await w.sync.report()), { inWorker: true, type: "py", add: 3 });
    assert.equal(globalThis.document.title, "set by Pyodide");
  } finally {
    delete globalThis.document;
    await w.terminate();
  }
});
