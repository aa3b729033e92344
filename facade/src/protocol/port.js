// A port is one end of the worker ↔ main channel, whatever the runtime:
// a browser or Deno Worker (or the worker's own globalThis) with
// message events, or a Node worker_threads Worker or parentPort.

/** Wraps target as { post(message), listen(handler) }. */
export function portOf(target) {
  const nodeStyle = typeof target.on === "function" && typeof target.addEventListener !== "function";
  return {
    post: (message) => target.postMessage(message),
    listen: nodeStyle
      ? (handler) => target.on("message", handler)
      : (handler) => target.addEventListener("message", (event) => handler(event.data)),
  };
}

/** Whether data is one of our messages (a page may post its own). */
export const ours = (data) => data !== null && typeof data === "object" && typeof data.execctx === "string";

/** Growable SharedArrayBuffers carry synchronous results; see PROTOCOL.md. */
export function newSyncBuffer() {
  try {
    return new SharedArrayBuffer(64 << 10, { maxByteLength: 64 << 20 });
  } catch {
    return null; // no SharedArrayBuffer (not cross-origin isolated), or not growable
  }
}

// Layout of the sync buffer, as Int32 slots, then the answer's bytes.
export const ANSWERED = 0; // id of the call whose answer is in the buffer (0: none yet); waited on
export const LENGTH = 1; // byte length of the answer's JSON
export const HEADER = 16; // bytes before the answer

/** The call id after id: positive Int32s, wrapping, so that ANSWERED can hold it. */
export const nextCallId = (id) => (id >= 0x7fffffff ? 1 : id + 1);
