// A worker's proxies of main's objects release them when collected, so
// main can collect them too. Needs node --expose-gc (make test-node).
import { test } from "node:test";
import assert from "node:assert/strict";
import { PyWorker } from "../../npm/dist/index.js";

test("proxies collected in the worker release main's objects", { skip: typeof globalThis.gc !== "function" && "needs --expose-gc" }, async () => {
  const collected = new Set();
  const registry = new FinalizationRegistry((i) => collected.add(i));
  const w = PyWorker(new URL("./fixtures/release-worker.mjs", import.meta.url), { type: "module" });
  w.sync.make = (i) => {
    const obj = new (class Borrowed {})(); // not plain data: it crosses as a reference
    obj.n = i;
    registry.register(obj, i);
    return obj;
  };
  try {
    await w.ready;
    assert.equal(await w.sync.borrow(50), (49 * 50) / 2);
    for (let round = 0; round < 20 && collected.size < 50; round++) {
      await w.sync.collect();
      globalThis.gc();
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(collected.size, 50, `main collected ${collected.size} of 50 borrowed objects`);
  } finally {
    await w.terminate();
  }
});
