// The package's bundle (npm/dist/bundle, what `import "execctx"` gives in
// every runtime) in Node and Deno: a context, and a worker started on the
// bundle's own worker entry that uses main's compiled modules. The other
// suites here import the unbundled files it is made of.
import { test, after } from "node:test";
import assert from "node:assert/strict";

const BUNDLE = new URL("../../npm/dist/bundle/index.js", import.meta.url).href;
const { config, PyWorker, RUNNING_IN_WORKER } = await import(BUNDLE);
const started = [];
after(() => Promise.all(started.map((w) => w.terminate())));

test("the bundle makes the realm's context", () => {
  assert.equal(RUNNING_IN_WORKER, false);
  assert.deepEqual(config, { type: "py" });
});

test("a worker started from the bundle runs it, with main's compiled component, and calls main synchronously", async () => {
  const w = PyWorker(new URL("./fixtures/bundle-worker.mjs", import.meta.url), { type: "module" });
  started.push(w);
  w.sync.add = (a, b) => a + b;
  await w.ready;
  assert.deepEqual(await w.sync.started(), { by: BUNDLE, inWorker: true, compiles: 0, sum: 42 });
});
