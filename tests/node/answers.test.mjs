// Every kind of answer a blocked worker reads from the sync buffer, end to
// end through real workers: main answers a value, the worker hands it back,
// and main compares it with what it sent (PROTOCOL.md, "The sync buffer").
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { PyWorker } from "../../npm/dist/index.js";

const w = PyWorker(new URL("./fixtures/answers-worker.mjs", import.meta.url), { type: "module" });
after(() => w.terminate());
let values = [];
w.sync.value = (i) => values[i];
w.sync.giveBack = (fn) => fn;
w.sync.throws = () => {
  throw new SyntaxError("main says nö \ud800");
};
await w.ready;

class Thing {}
const thing = new Thing();
const primitives = [undefined, null, false, true, 0, -0, 42, -1.5, NaN, Infinity, -Infinity, 2 ** 53 + 2, 7n,
  "", "benchmark", "é€😀 ünïcødé", "\ud800", "a\udc00b", "😀\ud83d", "a\0b"];

test("primitives cross exactly: -0, NaN, infinities, BigInt, non-ASCII strings and lone surrogates", async () => {
  values = primitives;
  for (let i = 0; i < values.length; i++) assert.deepStrictEqual(await w.sync.fetch(i), values[i], `value ${i}`);
  assert.deepStrictEqual(await w.sync.fetchAll(values.length), values, "one after another in one worker task");
});

test("main's objects cross as references and come back as themselves; plain data by value", async () => {
  values = [thing, globalThis, Math.max, [1, { a: "é", zero: -0 }], { nested: { deep: [null] } }];
  assert.equal(await w.sync.fetch(0), thing);
  assert.equal(await w.sync.fetch(1), globalThis);
  assert.equal(await w.sync.fetch(2), Math.max);
  assert.deepStrictEqual(await w.sync.fetch(3), values[3]);
  assert.deepStrictEqual(await w.sync.fetch(4), values[4]);
});

test("a worker's function main answers with reaches the worker as the function itself", async () => {
  assert.equal(await w.sync.ownFunction(), true);
});

test("an error main throws reaches the worker with its class, name and message", async () => {
  assert.deepEqual(await w.sync.thrown(), { name: "SyntaxError", message: "main says nö \ud800", isSyntaxError: true });
});

test("answers larger than the sync buffer grow it; one larger than its bound is a RangeError", async () => {
  const big = "é€".repeat(100000); // 500,000 bytes of UTF-8, the buffer starts at 64 KiB
  const many = Array.from({ length: 20000 }, (_, i) => ({ i, s: `ü${i}` }));
  const huge = "x".repeat(64 << 20);
  values = [big, many, huge, "small again"];
  assert.equal(await w.sync.fetch(0), big);
  assert.deepStrictEqual(await w.sync.fetch(1), many);
  await assert.rejects(w.sync.fetch(2), { name: "RangeError", message: `execctx: result of ${huge.length} bytes exceeds the ${64 << 20}-byte sync buffer` });
  assert.equal(await w.sync.fetch(3), "small again");
});

test("the worker counts its calls and the spins before blocking", async () => {
  const before = await w.sync.spinStats();
  values = [1];
  await w.sync.fetchAll(50);
  const after = await w.sync.spinStats();
  assert.equal(after.calls - before.calls, 50);
  assert.ok(after.spins - before.spins <= 50);
  assert.ok(after.hits <= after.spins);
  assert.ok(after.spunMs >= before.spunMs);
});
