// Python sees the context: MicroPython on a Node main thread, through
// runPython and the `pyscript` module it registers (the first step of the
// Python layer; workers and Pyodide come next).
import { test } from "node:test";
import assert from "node:assert/strict";
import { runPython } from "../../npm/dist/index.js";

const SYNC = "pyscript.sync works only when running in a worker";

async function python(source) {
  const lines = [];
  await runPython(source, { type: "mpy", stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  return lines;
}

test("C01 C08 the flag and the config with its type", async () => {
  assert.deepEqual(await python(`
from pyscript import RUNNING_IN_WORKER, config
import pyscript.context
print(RUNNING_IN_WORKER is False, config["type"], pyscript.context.config == config)
`), ["True mpy True"]);
});

test("C46 C47 sync on the main thread: AttributeError and TypeError with the exact message", async () => {
  assert.deepEqual(await python(`
from pyscript import sync
try:
    sync.sleep
except AttributeError as e:
    print("get", e)
try:
    sync()
except TypeError as e:
    print("call", e)
`), [`get ${SYNC}`, `call ${SYNC}`]);
});

test("C80 C81 C82 C83 C84 NotSupported behaves as the Python original", async () => {
  assert.deepEqual(await python(`
from pyscript.context import NotSupported
ns = NotSupported("test_feature", "This is not supported.")
print(repr(ns))
for op in (lambda: ns.some_attr, lambda: setattr(ns, "x", 1), lambda: ns(), lambda: ns(1, 2, 3)):
    try:
        op()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(ns.name, ns.error, bool(ns), hasattr(ns, "x"))
`), [
    "<NotSupported test_feature [This is not supported.]>",
    "AttributeError This is not supported.",
    "AttributeError This is not supported.",
    "TypeError This is not supported.",
    "TypeError This is not supported.",
    "test_feature This is not supported. True False",
  ]);
});

test("window is NotSupported without a DOM, with the component's message", async () => {
  const [line] = await python(`
from pyscript import window
print(repr(window))
`);
  assert.match(line, /^<NotSupported pyscript.window \[Unable to use `window` or `document`: the (node|deno) runtime has no DOM/);
});

test("a Python exception fails runPython with the traceback text", async () => {
  await assert.rejects(runPython("raise ValueError('boom')", { type: "mpy", stdout: () => {}, stderr: () => {} }), /ValueError: boom/);
});

test("C02 C11 C12 C66 a MicroPython worker sees its context and calls main synchronously", async () => {
  const { PyWorker } = await import("../../npm/dist/index.js");
  const w = PyWorker(new URL("./fixtures/worker.py", import.meta.url), { type: "micropython", config: { a: 1 } });
  w.sync.add = (a, b) => a + b;
  try {
    await w.ready;
    const r = JSON.parse(await w.sync.report());
    assert.equal(r.inWorker, true);
    assert.deepEqual(r.config, { a: 1, type: "mpy" });
    assert.equal(r.add, 42);
    assert.equal(r.PyWorker, "pyscript.PyWorker works only when running in the main thread");
    assert.match(r.window, /^<NotSupported pyscript.window \[/);
  } finally {
    await w.terminate();
  }
});

test("a Python exception in a worker rejects ready with the traceback; a missing script too", async () => {
  const { PyWorker } = await import("../../npm/dist/index.js");
  const raising = PyWorker(new URL("./fixtures/raises.py", import.meta.url), { type: "mpy" });
  const missing = PyWorker(new URL("./fixtures/nowhere.py", import.meta.url), { type: "mpy" });
  try {
    await assert.rejects(raising.ready, /Traceback[\s\S]*ValueError: the worker's Python failed/);
    await assert.rejects(missing.ready, /cannot read the worker's Python file .*nowhere\.py/);
  } finally {
    await raising.terminate();
    await missing.terminate();
  }
});

test("C57 C60 C61 js_modules: three import forms, and ImportError for a worker module on main", async () => {
  const { createContext } = await import("../../npm/dist/index.js");
  const context = await createContext({
    interpreter: "mpy",
    baseURL: new URL("./fixtures/", import.meta.url).href,
    config: { js_modules: { main: { "./greeting.mjs": "greeting" }, worker: { "./greeting.mjs": "greeting_worker" } } },
  });
  const lines = [];
  await runPython(`
from pyscript.js_modules import greeting
from pyscript.js_modules.greeting import hello
from pyscript import js_modules
print(greeting.hello(), hello() == js_modules.greeting.hello())
try:
    from pyscript.js_modules import greeting_worker
    print("imported")
except ImportError:
    print("ImportError")
`, { type: "mpy", context, stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  assert.deepEqual(lines, ["Hello from JavaScript! True", "ImportError"]);
});
