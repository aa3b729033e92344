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

const GC = { skip: typeof globalThis.gc !== "function" && "needs --expose-gc" };
class Shared {
  n = 7;
}
const shared = new Shared(); // not plain data: it crosses as a reference

function holder() {
  const w = PyWorker(new URL("./fixtures/holder-worker.mjs", import.meta.url), { type: "module" });
  w.sync.shared = () => shared; // the same object every time
  return w;
}

/** Collects garbage in w until it has collected `want` borrowed proxies. */
async function collectIn(w, want) {
  for (let round = 0; round < 20; round++) {
    if ((await w.sync.collect()) >= want) return;
  }
  assert.fail(`the worker collected fewer than ${want} proxies`);
}

test("an object sent again after the worker's proxy was collected keeps its id and works", GC, async () => {
  const w = holder();
  try {
    await w.ready;
    assert.equal(await w.sync.borrow("shared"), 7);
    await collectIn(w, 1); // its release has reached main before the next call
    assert.equal(await w.sync.borrow("shared"), 7, "a new proxy of the same object must reach it");
  } finally {
    await w.terminate();
  }
});

test("one object shared by two workers: one releasing it leaves the other's proxy working", GC, async () => {
  const a = holder();
  const b = holder();
  try {
    await Promise.all([a.ready, b.ready]);
    assert.equal(await a.sync.keep("shared"), 7);
    assert.equal(await b.sync.borrow("shared"), 7);
    await collectIn(b, 1);
    assert.equal(await a.sync.readKept(), 7);
  } finally {
    await Promise.all([a.terminate(), b.terminate()]);
  }
});

test("a terminated worker's references are released", GC, async () => {
  let collected = false;
  const registry = new FinalizationRegistry(() => {
    collected = true;
  });
  const w = holder();
  w.sync.lonely = () => {
    const obj = new Shared(); // referenced by the worker's proxy only
    registry.register(obj, "lonely");
    return obj;
  };
  await w.ready;
  assert.equal(await w.sync.keep("lonely"), 7);
  await w.terminate();
  for (let round = 0; round < 20 && !collected; round++) {
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(collected, "main still holds the object a terminated worker had");
});
