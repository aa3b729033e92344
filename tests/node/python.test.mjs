// The Python suite (tests/python) in Node, under MicroPython and Pyodide,
// on the main thread and in a worker_threads worker: every spec case that
// applies without a DOM, run by harness.py and checked case by case here.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as execctx from "../../npm/dist/index.js";
import { runOnMain, runInWorker, EXPECTED } from "../python/driver.mjs";

const base = new URL("../python/", import.meta.url);
const quiet = { stdout: () => {}, stderr: (line) => console.error(line) };

/** check asserts that results hold exactly the expected cases, all passing. */
function check(results, label) {
  assert.deepEqual(results.map((r) => r.ids).sort(), [...EXPECTED[label]].sort(), "the cases that ran");
  for (const r of results) assert.ok(r.ok, `${label} ${r.ids} (${r.name}): ${r.error}`);
}

for (const type of ["micropython", "pyodide"]) {
  test(`${type}: the Python suite on the Node main thread`, async () => {
    check(await runOnMain(execctx, { label: "NM", base, type, output: quiet }), "NM");
  });

  test(`${type}: the Python suite in a worker thread`, async () => {
    check(await runInWorker(execctx, { label: "NW", base, type }), "NW");
  });
}

// PyScript's own test settings use experimental_ffi_timeout 0: it is how
// long a worker caches main's values, not a deadline on its calls.
test("experimental_ffi_timeout 0, -1 and 1: a MicroPython worker's call waits for main's slow answer", async () => {
  for (const ffiTimeout of [0, -1, 1]) {
    const w = execctx.PyWorker(new URL("../node/fixtures/slow-sync.py", base).href, { type: "micropython", config: { experimental_ffi_timeout: ffiTimeout } });
    w.sync.slow = () => new Promise((resolve) => setTimeout(() => resolve(`answered (${ffiTimeout})`), 50));
    try {
      await w.ready;
      assert.equal(await w.sync.answer(), `answered (${ffiTimeout})`);
    } finally {
      await w.terminate();
    }
  }
});

test("window is NotSupported without a DOM, with the component's message", async () => {
  const lines = [];
  await execctx.runPython("from pyscript import window\nprint(repr(window))", { type: "mpy", stdout: (l) => lines.push(l) });
  assert.match(lines[0], /^<NotSupported pyscript.window \[Unable to use `window` or `document`: the (node|deno) runtime has no DOM/);
});

test("a Python exception fails runPython with the traceback text", async () => {
  await assert.rejects(execctx.runPython("raise ValueError('boom')", { type: "mpy", stdout: () => {}, stderr: () => {} }), /ValueError: boom/);
});
