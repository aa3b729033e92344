// The sync buffer's wire format (PROTOCOL.md, "The sync buffer") on its
// own: every kind of answer main writes, read back as the worker reads it,
// the header slots each kind sets, answers that grow the buffer or do not
// fit it, and the spin a worker may do before it blocks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newSyncBuffer, writeAnswer, readAnswer, waitForAnswer } from "../../npm/dist/protocol/syncbuffer.js";
import { Spinner, SPIN_BOUND_MS } from "../../npm/dist/protocol/spin.js";
import { encode, decode, errorData, toError } from "../../npm/dist/protocol/wire.js";

// References stand in for objects as PROTOCOL.md's $r and $c: here a
// main object and a worker function are plain markers with an id.
class MainObject {
  constructor(id) {
    this.id = id;
  }
}
const codec = {
  ref: (v) => (v instanceof MainObject ? { $r: v.id } : { $c: v.fnId }),
  remote: () => undefined,
};
const resolve = (w) => ("$r" in w ? new MainObject(w.$r) : { fnId: w.$c });

let lastId = 0;
/** roundTrip writes value as main's answer and returns what the worker reads, and the header slots. */
function roundTrip(sab, value) {
  const id = ++lastId;
  assert.equal(writeAnswer(sab, id, { ok: true, value: encode(value, codec) }), true);
  const { id: answered, answer } = readAnswer(sab);
  assert.equal(answered, id);
  assert.equal(answer.ok, true);
  const [, length, kind, ref] = new Int32Array(sab, 0, 4);
  return { value: decode(answer.value, resolve), length, kind, ref };
}

const fn = () => {};
fn.fnId = 7;

// value, the kind PROTOCOL.md gives it, its payload's byte length (undefined: whatever JSON takes), its ref slot
const cases = [
  ["undefined", undefined, 1, 0],
  ["null", null, 2, 0],
  ["false", false, 3, 0],
  ["true", true, 4, 0],
  ["an integer", 42, 5, 8],
  ["a fraction", -1.5, 5, 8],
  ["-0", -0, 5, 8],
  ["NaN", NaN, 5, 8],
  ["Infinity", Infinity, 5, 8],
  ["-Infinity", -Infinity, 5, 8],
  ["the largest number", Number.MAX_VALUE, 5, 8],
  ["the empty string", "", 6, 0],
  ["an ASCII string", "benchmark", 6, 9],
  ["a non-ASCII string", "é€😀", 6, 2 + 3 + 4],
  ["a string with a NUL", "a\0b", 6, 3],
  ["a lone high surrogate", "\ud800", 9, undefined],
  ["a lone low surrogate between letters", "a\udc00b", 9, undefined],
  ["a pair and a lone surrogate", "😀\ud83d", 9, undefined],
  ["an array", [1, "two", null, undefined, -0, NaN], 9, undefined],
  ["an object", { a: 1, nested: { b: [true] } }, 9, undefined],
  ["a BigInt", 12345678901234567890n, 9, undefined],
  ["an error as a value", new TypeError("a value"), 9, undefined],
];

for (const [label, value, kind, length] of cases) {
  test(`an answer that is ${label} is kind ${kind} and reads back as itself`, () => {
    const sab = newSyncBuffer();
    const got = roundTrip(sab, value);
    assert.equal(got.kind, kind);
    if (length !== undefined) assert.equal(got.length, length);
    if (value instanceof Error) {
      assert.equal(got.value.name, value.name);
      assert.equal(got.value.message, value.message);
      assert.equal(got.value.stack, value.stack);
    } else {
      assert.deepStrictEqual(got.value, value); // Object.is: -0 and NaN too
    }
  });
}

test("a reference to main's object is kind 7 and a worker function kind 8, the id in the ref slot", () => {
  const sab = newSyncBuffer();
  const obj = roundTrip(sab, new MainObject(123456));
  assert.deepEqual([obj.kind, obj.ref], [7, 123456]);
  assert.deepEqual(obj.value, new MainObject(123456));
  const f = roundTrip(sab, fn);
  assert.deepEqual([f.kind, f.ref, f.value], [8, 7, { fnId: 7 }]);
});

test("a thrown error is kind 10 and reads back with its name, message and stack", () => {
  const sab = newSyncBuffer();
  const thrown = new SyntaxError("main says nö \ud800");
  assert.equal(writeAnswer(sab, 5, { ok: false, error: errorData(thrown) }), true);
  const { id, answer } = readAnswer(sab);
  assert.equal(id, 5);
  assert.equal(new Int32Array(sab, 0, 4)[2], 10);
  assert.equal(answer.ok, false);
  const e = toError(answer.error);
  assert.ok(e instanceof SyntaxError);
  assert.deepEqual([e.name, e.message, e.stack], [thrown.name, thrown.message, thrown.stack]);
});

test("each answer replaces the previous one entirely, whatever their kinds", () => {
  const sab = newSyncBuffer();
  const order = ["a long string that leaves bytes behind", 1, new MainObject(9), "", [1], null, "é", undefined, -0];
  for (const value of order) assert.deepStrictEqual(roundTrip(sab, value).value, value);
});

test("answers larger than the buffer grow it, and later small answers still read right", () => {
  const sab = newSyncBuffer();
  const initial = sab.byteLength;
  roundTrip(sab, "before"); // the views are made at the initial size
  const ascii = "x".repeat(initial * 2);
  assert.equal(roundTrip(sab, ascii).value, ascii);
  assert.ok(sab.byteLength > initial);
  const wide = "€😀".repeat(sab.byteLength); // non-ASCII, 7 bytes for every 3 UTF-16 units
  assert.equal(roundTrip(sab, wide).value, wide);
  const structured = Array.from({ length: 50000 }, (_, i) => ({ i, s: `é${i}` }));
  assert.deepEqual(roundTrip(sab, structured).value, structured);
  assert.equal(roundTrip(sab, "after").value, "after");
  assert.equal(roundTrip(sab, 3).value, 3);
});

test("strings around the length main encodes through a scratch array read back whole", () => {
  const sab = newSyncBuffer();
  for (const n of [5460, 5461, 5462, 5463]) {
    for (const s of ["€".repeat(n), `${"a".repeat(n - 1)}😀`, `${"€".repeat(n - 1)}\ud800`]) {
      assert.equal(roundTrip(sab, s).value, s, `${s.length} UTF-16 units`);
    }
  }
});

test("an answer larger than the buffer can grow is answered with a RangeError instead", () => {
  const sab = newSyncBuffer();
  const big = "x".repeat(sab.maxByteLength);
  assert.equal(writeAnswer(sab, 11, { ok: true, value: big }), false);
  const { id, answer } = readAnswer(sab);
  assert.equal(id, 11);
  assert.deepEqual(answer, {
    ok: false,
    error: { name: "RangeError", message: `execctx: result of ${big.length} bytes exceeds the ${sab.maxByteLength}-byte sync buffer`, stack: "" },
  });
  assert.equal(sab.byteLength, 64 << 10, "a refused answer does not grow the buffer");
  assert.equal(roundTrip(sab, "next").value, "next");
});

test("an unknown kind in the buffer is an error, not a value", () => {
  const sab = newSyncBuffer();
  writeAnswer(sab, 1, { ok: true, value: 1 });
  new Int32Array(sab, 0, 4)[2] = 99;
  assert.throws(() => readAnswer(sab), { name: "TypeError", message: "execctx: the sync buffer holds an answer of unknown kind 99" });
});

test("waitForAnswer returns an answer already there, and times out on one that never comes", () => {
  const sab = newSyncBuffer();
  writeAnswer(sab, 3, { ok: true, value: "here" });
  assert.deepEqual(waitForAnswer(sab, 3, -1, new Spinner()), { ok: true, value: "here" });
  assert.deepEqual(waitForAnswer(sab, 3, 0), { ok: true, value: "here" });
  assert.equal(waitForAnswer(sab, 4, 0, new Spinner()), undefined);
  assert.equal(waitForAnswer(sab, 4, 0), undefined);
});

/** A spinner on a fake clock that advances a hundredth of a ms per reading. */
function fakeSpinner() {
  let t = 0;
  return new Spinner({ now: () => (t += 0.01) });
}

test("a spin that sees the answer says so and counts it", () => {
  const s = fakeSpinner();
  const i32 = new Int32Array(new SharedArrayBuffer(4));
  i32[0] = 1;
  assert.equal(s.spin(i32, 0, 1), true);
  const { calls, spins, hits, spunMs } = s.stats();
  assert.deepEqual([calls, spins, hits], [1, 1, 1]);
  assert.ok(spunMs > 0 && spunMs <= SPIN_BOUND_MS, `spun ${spunMs} ms`);
});

test("spins that never see the answer stop at the bound and back off: 1, 4, 16 … calls without spinning", () => {
  const s = fakeSpinner();
  const i32 = new Int32Array(new SharedArrayBuffer(4));
  const spun = []; // for each call, whether it spun
  for (let call = 0; call < 1 + 1 + 1 + 4 + 1 + 16 + 1; call++) {
    const before = s.stats().spins;
    assert.equal(s.spin(i32, 0, 1), false);
    spun.push(s.stats().spins > before);
  }
  const expected = [true, false, true, ...Array(4).fill(false), true, ...Array(16).fill(false), true];
  assert.deepEqual(spun, expected);
  const { spins, hits, spunMs } = s.stats();
  assert.deepEqual([spins, hits], [4, 0]);
  assert.ok(spunMs >= 4 * SPIN_BOUND_MS, "each spin ran to the bound");
  assert.ok(spunMs <= 4 * (SPIN_BOUND_MS + 0.01) + 1e-9, `spun ${spunMs} ms in 4 spins, more than the bound allows`);
});

test("the backoff never skips more than 1024 calls, and answers seen while spinning shorten it again", () => {
  const s = fakeSpinner();
  const i32 = new Int32Array(new SharedArrayBuffer(4));
  const skipsBeforeNextSpin = () => {
    for (let skipped = 0; ; skipped++) {
      const before = s.stats().spins;
      s.spin(i32, 0, 1);
      if (s.stats().spins > before) return skipped;
    }
  };
  s.spin(i32, 0, 1); // the first call spins and misses
  const skips = Array.from({ length: 8 }, skipsBeforeNextSpin);
  assert.deepEqual(skips, [1, 4, 16, 64, 256, 1024, 1024, 1024]);
  i32[0] = 1; // main now answers at once: every spin hits, and the backoff halves each time
  const after = Array.from({ length: 3 }, skipsBeforeNextSpin);
  assert.deepEqual(after, [1024, 0, 0], "the skip set by the last miss runs out, then every call spins");
  i32[0] = 0;
  s.spin(i32, 0, 1); // a miss now skips what the three hits left of the backoff: 1024 halved three times
  assert.equal(skipsBeforeNextSpin(), 1024 / 8);
});
