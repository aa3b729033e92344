// The sync buffer (PROTOCOL.md, "The sync buffer"): a growable
// SharedArrayBuffer in which main writes the answer to the call a blocked
// worker waits on, marked with that call's id.

const ANSWERED = 0; // Int32 slot: id of the call whose answer the buffer holds (0: none yet)
const LENGTH = 1; // Int32 slot: byte length of the answer's JSON
const HEADER = 16; // bytes before the answer
const encoder = new TextEncoder();
const decoder = new TextDecoder();

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

/**
 * writeAnswer puts answer ({ ok, value } or { ok, error }) to call id in
 * sab and wakes the worker. It returns false when the answer did not fit
 * and a RangeError saying so was written instead.
 */
export function writeAnswer(sab, id, answer) {
  let bytes = encoder.encode(JSON.stringify(answer));
  const fits = HEADER + bytes.length <= sab.maxByteLength;
  if (!fits) {
    const message = `execctx: result of ${bytes.length} bytes exceeds the ${sab.maxByteLength}-byte sync buffer`;
    bytes = encoder.encode(JSON.stringify({ ok: false, error: { name: "RangeError", message, stack: "" } }));
  }
  if (HEADER + bytes.length > sab.byteLength) sab.grow(HEADER + bytes.length);
  new Uint8Array(sab, HEADER, bytes.length).set(bytes);
  const i32 = new Int32Array(sab, 0, 2);
  Atomics.store(i32, LENGTH, bytes.length);
  Atomics.store(i32, ANSWERED, id); // last: the worker reads the bytes once it sees its id
  Atomics.notify(i32, ANSWERED);
  return fits;
}

/**
 * waitForAnswer blocks until sab holds the answer to call id and returns
 * it, or returns undefined when timeout ms (negative: no bound) passed first.
 */
export function waitForAnswer(sab, id, timeout) {
  const i32 = new Int32Array(sab, 0, 2);
  const deadline = timeout >= 0 ? Date.now() + timeout : Infinity;
  // No reset between calls: an answer to another call has another id, so
  // waiting on the slot's current value never misses or takes it.
  for (let seen = Atomics.load(i32, ANSWERED); seen !== id; seen = Atomics.load(i32, ANSWERED)) {
    const left = deadline === Infinity ? undefined : Math.max(0, deadline - Date.now());
    if (Atomics.wait(i32, ANSWERED, seen, left) === "timed-out") return undefined;
  }
  return readAnswer(sab).answer;
}

/** readAnswer returns, without waiting, the answer sab holds and the id of its call. */
export function readAnswer(sab) {
  const i32 = new Int32Array(sab, 0, 2);
  const bytes = new Uint8Array(sab, HEADER, Atomics.load(i32, LENGTH)).slice();
  return { id: Atomics.load(i32, ANSWERED), answer: JSON.parse(decoder.decode(bytes)) };
}
