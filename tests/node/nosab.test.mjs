// Workers without a usable SharedArrayBuffer (a page that is not
// cross-origin isolated): NotSupported window and document, one warning
// unless sync_main_only is set, and sync calls that return promises.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { PyWorker } from "../../npm/dist/index.js";

const SAB_MESSAGE = "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer";
const started = [];
after(() => Promise.all(started.map((w) => w.terminate())));

function startIsolationless(config) {
  globalThis.crossOriginIsolated = false; // what a browser says on such a page
  try {
    const w = PyWorker(new URL("./fixtures/no-sab-worker.mjs", import.meta.url), { type: "module", config });
    started.push(w);
    w.sync.add = (a, b) => a + b;
    return w;
  } finally {
    delete globalThis.crossOriginIsolated;
  }
}

test("C38 C39 C40 window and document are NotSupported, with exactly one warning", async () => {
  const w = startIsolationless(undefined);
  await w.ready;
  const r = await w.sync.report();
  assert.equal(r.window, SAB_MESSAGE);
  assert.equal(r.document, "pyscript.document");
  assert.deepEqual(r.warnings, [SAB_MESSAGE]);
});

test("C41 sync_main_only silences the warning", async () => {
  const w = startIsolationless({ sync_main_only: true });
  await w.ready;
  assert.deepEqual((await w.sync.report()).warnings, []);
});

test("C54 without SharedArrayBuffer a worker's sync call returns a promise", async () => {
  const w = startIsolationless(undefined);
  await w.ready;
  assert.deepEqual(await w.sync.callMainAsync(41), { isPromise: true, value: 42 });
});

// Node and Deno have no service workers, and their workers always get a
// sync buffer: PyWorker's service_worker option is accepted and changes
// nothing, with SharedArrayBuffer or without it.
test("service_worker changes nothing in Node or Deno: a worker with a sync buffer blocks", async () => {
  const w = PyWorker(new URL("./fixtures/no-sab-worker.mjs", import.meta.url), { type: "module", service_worker: "./service-worker.js" });
  started.push(w);
  w.sync.add = (a, b) => a + b;
  await w.ready;
  assert.deepEqual(await w.sync.callMainAsync(41), { isPromise: false, value: 42 });
  assert.deepEqual((await w.sync.report()).warnings, []);
});

test("service_worker changes nothing in Node or Deno: without SharedArrayBuffer, promises and the one warning", async () => {
  globalThis.crossOriginIsolated = false;
  let w;
  try {
    w = PyWorker(new URL("./fixtures/no-sab-worker.mjs", import.meta.url), { type: "module", serviceWorker: "./service-worker.js" });
  } finally {
    delete globalThis.crossOriginIsolated;
  }
  started.push(w);
  w.sync.add = (a, b) => a + b;
  await w.ready;
  assert.deepEqual(await w.sync.callMainAsync(41), { isPromise: true, value: 42 });
  assert.deepEqual((await w.sync.report()).warnings, [SAB_MESSAGE]);
});
