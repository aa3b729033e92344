// A worker that execctx did not start has no channel to a main thread.
// Its window, document, sync and js_import must all say so, with one
// reason, and nothing about SharedArrayBuffer, which Node and Deno have.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Worker as NodeWorker } from "node:worker_threads";

const NO_CHANNEL = "This worker has no channel to a main thread: only workers started by PyWorker have one.";
const fixture = new URL("./fixtures/foreign-worker.mjs", import.meta.url);

/** What the fixture saw, in a worker_threads Worker (Node) or a Web Worker (Deno). */
function seenIn(kind) {
  return new Promise((resolve, reject) => {
    const w = kind === "worker_threads" ? new NodeWorker(fixture) : new Worker(fixture, { type: "module" });
    const done = (fn) => (arg) => {
      w.terminate();
      fn(arg);
    };
    if (kind === "worker_threads") {
      w.on("message", done(resolve));
      w.on("error", done(reject));
    } else {
      w.onmessage = done((e) => resolve(e.data));
      w.onerror = done((e) => reject(e.error ?? new Error(e.message)));
    }
  });
}

const kinds = ["worker_threads", ...(typeof globalThis.Deno !== "undefined" ? ["Web Worker"] : [])];
for (const kind of kinds) {
  test(`a ${kind} worker execctx did not start: one true reason for window, document, sync and js_import, and no warning`, async () => {
    const seen = await seenIn(kind);
    assert.equal(seen.RUNNING_IN_WORKER, true);
    assert.deepEqual(seen.window, { name: "pyscript.window", message: `Unable to use \`window\` or \`document\` in worker. ${NO_CHANNEL}` });
    assert.deepEqual(seen.document, { name: "pyscript.document", message: `Unable to use \`window\` or \`document\` in worker. ${NO_CHANNEL}` });
    assert.deepEqual(seen.sync, { name: "pyscript.sync", message: `Unable to use \`sync\` in worker. ${NO_CHANNEL}` });
    assert.deepEqual(seen.js_import, { name: "pyscript.js_import", message: `Unable to use \`js_import\` in worker. ${NO_CHANNEL}` });
    assert.deepEqual(seen.PyWorker, { name: "pyscript.PyWorker", message: "pyscript.PyWorker works only when running in the main thread" });
    assert.deepEqual(seen.warnings, [], "the SharedArrayBuffer warning would be false here");
  });
}
