// The sync buffer's wire format (PROTOCOL.md, "The sync buffer") on its
// own: every kind of answer main writes, read back as the worker reads it,
// the header slots each kind sets, and answers that grow the buffer or do
// not fit it; and the same answers as the frames the service-worker relay
// carries. spin.test.mjs has the worker's spin before it blocks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newSyncBuffer, writeAnswer, readAnswer, waitForAnswer, answerFrame, readFrame } from "../../npm/dist/protocol/syncbuffer.js";
import { Spinner } from "../../npm/dist/protocol/spin.js";
import { encode, decode } from "../../npm/dist/protocol/wire.js";
import { errorData, toError } from "../../npm/dist/protocol/errors.js";

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

// The service-worker relay's frames (PROTOCOL.md, "The service-worker
// relay"): the sync buffer's bytes, written into a resizable ArrayBuffer
// main reuses and copied out, exactly as long as header and payload.
const relayBuffer = () => new ArrayBuffer(64 << 10, { maxByteLength: 64 << 20 });

for (const [label, value, kind, length] of [...cases, ["main's object", new MainObject(123456), 7, 0], ["a worker function", fn, 8, 0]]) {
  test(`a relay frame of ${label} is kind ${kind}, header and payload long, and reads back as itself`, () => {
    const { fits, frame } = answerFrame(relayBuffer(), 77, { ok: true, value: encode(value, codec) });
    assert.equal(fits, true);
    const [id, payload, frameKind] = new Int32Array(frame, 0, 3);
    assert.deepEqual([id, frameKind], [77, kind]);
    if (length !== undefined) assert.equal(payload, length);
    assert.equal(frame.byteLength, 16 + payload);
    const read = readFrame(frame);
    assert.equal(read.id, 77);
    const got = decode(read.answer.value, resolve);
    if (value instanceof Error) assert.deepEqual([got.name, got.message, got.stack], [value.name, value.message, value.stack]);
    else if (value === fn) assert.deepEqual(got, { fnId: 7 }); // the worker's function, as resolve stands for it
    else assert.deepStrictEqual(got, value);
  });
}

test("relay frames: a thrown error, a buffer reused and grown, and an answer too big for any", () => {
  const buffer = relayBuffer();
  const thrown = answerFrame(buffer, 1, { ok: false, error: errorData(new SyntaxError("main says no")) });
  assert.equal(toError(readFrame(thrown.frame).answer.error).message, "main says no");
  const big = "é".repeat(100000);
  assert.equal(readFrame(answerFrame(buffer, 2, { ok: true, value: big }).frame).answer.value, big);
  assert.ok(buffer.byteLength > 64 << 10, "the reused buffer grew");
  assert.equal(readFrame(answerFrame(buffer, 3, { ok: true, value: "small" }).frame).answer.value, "small");
  const tooBig = answerFrame(buffer, 4, { ok: true, value: "x".repeat(64 << 20) });
  assert.equal(tooBig.fits, false);
  assert.equal(readFrame(tooBig.frame).answer.error.name, "RangeError");
});
