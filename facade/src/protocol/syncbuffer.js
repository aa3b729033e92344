// The sync buffer (PROTOCOL.md, "The sync buffer"): a growable
// SharedArrayBuffer in which main writes the answer to the call a blocked
// worker waits on, marked with that call's id. An answer is a kind and a
// payload: the common ones (a primitive, a reference) are a few bytes
// written and read in place, and only a structured value or an error goes
// through JSON, whose stringify, parse and copies cost microseconds.

const ANSWERED = 0; // Int32 slot: id of the call whose answer the buffer holds (0: none yet)
const LENGTH = 1; // Int32 slot: byte length of the payload
const KIND = 2; // Int32 slot: what the answer is (the kinds below)
const REF = 3; // Int32 slot: the id a reference answer names
const HEADER = 16; // bytes before the payload

// The kinds of answer. Every one but ERROR is the value of a call that returned.
const UNDEFINED = 1;
const NULL = 2;
const FALSE = 3;
const TRUE = 4;
const NUMBER = 5; // a float64 payload: any number, NaN, ±Infinity and -0 too
const STRING = 6; // a UTF-8 payload (a string without lone surrogates)
const OBJECT = 7; // main's object REF (wire $r)
const FUNCTION = 8; // the worker's function REF (wire $c)
const JSON_VALUE = 9; // a UTF-8 JSON payload: any other wire value
const ERROR = 10; // a UTF-8 JSON payload: the thrown error's { name, message, stack }

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const wellFormed = String.prototype.isWellFormed
  ? (s) => s.isWellFormed()
  : (s) => !/\p{Surrogate}/u.test(s);

/** A new sync buffer, or null where SharedArrayBuffer is missing or cannot grow. */
export function newSyncBuffer() {
  try {
    return new SharedArrayBuffer(64 << 10, { maxByteLength: 64 << 20 });
  } catch {
    return null; // no SharedArrayBuffer (not cross-origin isolated), or not growable
  }
}

/** The call id after id: positive Int32s, wrapping, so that the ANSWERED slot can hold it. */
export const nextCallId = (id) => (id >= 0x7fffffff ? 1 : id + 1);

// The views of a sync buffer, made once per buffer. payload is remade
// when the buffer has grown: V8 reads and writes a view of fixed length
// several times faster than one that tracks a growable buffer's length.
const views = new WeakMap();
function viewsOf(sab) {
  let v = views.get(sab);
  if (!v) views.set(sab, (v = makeViews(sab)));
  return v;
}

function makeViews(sab) {
  const v = { sab, i32: new Int32Array(sab, 0, HEADER / 4), f64: new Float64Array(sab, HEADER, 1), payload: null };
  payloadOf(v, 0);
  return v;
}

/** payloadOf returns a view of at least length payload bytes, the buffer having grown to hold them. */
function payloadOf(v, length) {
  if (v.payload === null || v.payload.length < length) v.payload = new Uint8Array(v.sab, HEADER, v.sab.byteLength - HEADER);
  return v.payload;
}

/**
 * writeAnswer puts answer ({ ok, value } or { ok, error }, value in its
 * wire form) to call id in sab and wakes the worker. It returns false when
 * the answer did not fit and a RangeError saying so was written instead.
 */
export function writeAnswer(sab, id, answer) {
  const v = viewsOf(sab);
  const fits = fill(v, answer);
  Atomics.store(v.i32, ANSWERED, id); // last: the worker reads the rest once it sees its id
  Atomics.notify(v.i32, ANSWERED);
  return fits;
}

/**
 * answerFrame writes answer to call id into buffer (a resizable
 * ArrayBuffer that main reuses) in the sync buffer's layout, and returns
 * { fits, frame }: a copy of the bytes written, header and payload, which
 * the service-worker relay carries to the worker (readFrame reads it).
 */
export function answerFrame(buffer, id, answer) {
  const v = viewsOf(buffer);
  const fits = fill(v, answer);
  v.i32[ANSWERED] = id;
  return { fits, frame: buffer.slice(0, HEADER + v.i32[LENGTH]) };
}

/** fill writes answer, or the RangeError saying it did not fit; false for the latter. */
function fill(v, answer) {
  const fits = put(v, answer);
  if (fits === true) return true;
  const message = `execctx: result of ${fits} bytes exceeds the ${v.sab.maxByteLength}-byte sync buffer`;
  put(v, { ok: false, error: { name: "RangeError", message, stack: "" } });
  return false;
}

/** put writes answer's kind and payload; true, or the payload's byte length when it does not fit. */
function put(v, answer) {
  if (!answer.ok) return putBytes(v, ERROR, encoder.encode(JSON.stringify(answer.error)));
  const w = answer.value;
  switch (typeof w) {
    case "boolean":
      return head(v, w ? TRUE : FALSE);
    case "number":
      v.f64[0] = w;
      return head(v, NUMBER, 8);
    case "string":
      return putString(v, w);
  }
  if (w === null) return head(v, NULL);
  if ("$u" in w) return head(v, UNDEFINED);
  if ("$n" in w) {
    v.f64[0] = Number(w.$n);
    return head(v, NUMBER, 8);
  }
  if ("$r" in w) return head(v, OBJECT, 0, w.$r);
  if ("$c" in w) return head(v, FUNCTION, 0, w.$c);
  return putBytes(v, JSON_VALUE, encoder.encode(JSON.stringify(w)));
}

// A string is encoded into scratch, then copied: browsers refuse to
// encodeInto shared memory, and encode's new array costs more than the
// copy. Strings too long for scratch are encoded on their own. JSON keeps
// lone surrogates, which UTF-8 cannot carry.
const scratch = new Uint8Array(16 << 10);
function putString(v, s) {
  if (!wellFormed(s)) return putBytes(v, JSON_VALUE, encoder.encode(JSON.stringify(s)));
  if (s.length * 3 > scratch.length) return putBytes(v, STRING, encoder.encode(s));
  const { written } = encoder.encodeInto(s, scratch);
  return putBytes(v, STRING, scratch.subarray(0, written));
}

function putBytes(v, kind, bytes) {
  const size = HEADER + bytes.length;
  if (size > v.sab.maxByteLength) return bytes.length;
  if (size > v.sab.byteLength) grow(v.sab, size);
  payloadOf(v, bytes.length).set(bytes);
  return head(v, kind, bytes.length);
}

// grow enlarges a growable SharedArrayBuffer or a resizable ArrayBuffer.
const grow = (buffer, size) => (typeof buffer.grow === "function" ? buffer.grow(size) : buffer.resize(size));

function head(v, kind, length = 0, ref = 0) {
  v.i32[KIND] = kind;
  v.i32[LENGTH] = length;
  v.i32[REF] = ref;
  return true;
}

/**
 * waitForAnswer blocks until sab holds the answer to call id and returns
 * it, or returns undefined when timeout ms (negative: no bound) passed
 * first. spinner, when given, may watch for the answer a little before
 * the worker blocks (spin.js); sent is when the call was posted.
 */
export function waitForAnswer(sab, id, timeout, spinner, sent) {
  const v = viewsOf(sab);
  const block = () => blockUntil(v.i32, id, timeout);
  const answered = spinner ? spinner.wait(v.i32, ANSWERED, id, block, sent) : block();
  return answered ? answerIn(v) : undefined;
}

// blockUntil waits in Atomics.wait until the ANSWERED slot holds id; false
// when timeout ms passed first. No reset between calls: an answer to
// another call has another id, so waiting on the slot's current value
// never misses or takes it.
function blockUntil(i32, id, timeout) {
  const deadline = timeout >= 0 ? Date.now() + timeout : Infinity;
  for (let seen = Atomics.load(i32, ANSWERED); seen !== id; seen = Atomics.load(i32, ANSWERED)) {
    const left = deadline === Infinity ? undefined : Math.max(0, deadline - Date.now());
    if (Atomics.wait(i32, ANSWERED, seen, left) === "timed-out") return false;
  }
  return true;
}

/** readAnswer returns, without waiting, the answer sab holds and the id of its call. */
export function readAnswer(sab) {
  const v = viewsOf(sab);
  return { id: Atomics.load(v.i32, ANSWERED), answer: answerIn(v) };
}

/**
 * readFrame returns the answer in a frame (answerFrame's) and the id of
 * its call. A frame without a payload is shorter than the views need,
 * hence the padded copy.
 */
export function readFrame(frame) {
  const fixed = frame.byteLength >= HEADER + 8 ? frame : padded(frame, HEADER + 8);
  const v = makeViews(fixed);
  return { id: v.i32[ANSWERED], answer: answerIn(v) };
}

function padded(frame, size) {
  const copy = new Uint8Array(size);
  copy.set(new Uint8Array(frame));
  return copy.buffer;
}

// answerIn reads the answer as { ok, value } with value in its wire form
// (a number may be NaN or infinite), or { ok: false, error }.
function answerIn(v) {
  const kind = v.i32[KIND];
  switch (kind) {
    case UNDEFINED:
      return { ok: true, value: { $u: 1 } };
    case NULL:
      return { ok: true, value: null };
    case FALSE:
    case TRUE:
      return { ok: true, value: kind === TRUE };
    case NUMBER:
      return { ok: true, value: v.f64[0] };
    case STRING:
      return { ok: true, value: text(v) };
    case OBJECT:
      return { ok: true, value: { $r: v.i32[REF] } };
    case FUNCTION:
      return { ok: true, value: { $c: v.i32[REF] } };
    case JSON_VALUE:
      return { ok: true, value: JSON.parse(text(v)) };
    case ERROR:
      return { ok: false, error: JSON.parse(text(v)) };
  }
  throw new TypeError(`execctx: the sync buffer holds an answer of unknown kind ${kind}`);
}

// The payload as text. TextDecoder refuses views of shared memory in
// browsers, hence the copy.
function text(v) {
  const length = v.i32[LENGTH];
  return decoder.decode(payloadOf(v, length).slice(0, length));
}
