// A Pyodide worker writing main's document through the proxy, in Node with
// a stand-in document (the Python suite in python.test.mjs covers the rest).
import { test } from "node:test";
import assert from "node:assert/strict";
import { PyWorker } from "../../npm/dist/index.js";

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
