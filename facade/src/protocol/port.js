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
