// A worker's life as main sees it. `ready` settles exactly once: the
// script ran, failed, took longer than its bound, or the worker ended
// first. The end is final and has a reason, which every error about the
// worker's later calls repeats: "terminated", "exited with code N",
// "exited" (a Web Worker that closed itself), or "failed: …" (an uncaught
// error, which ends a worker in every runtime; see PROTOCOL.md).

/**
 * readiness is a worker's `ready` promise with functions that settle it;
 * the first call wins. Unless settled sooner, it rejects after ms
 * milliseconds (negative: no bound).
 */
export function readiness(url, ms) {
  let resolve;
  let reject;
  const ready = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  ready.catch(() => {}); // a caller that never awaits ready must not see an unhandled rejection
  const timer = ms >= 0 ? setTimeout(() => reject(tooSlow(url, ms)), ms) : undefined;
  const settle = (fn) => (arg) => {
    clearTimeout(timer);
    fn(arg);
  };
  return { ready, resolve: settle(resolve), fail: settle(reject) };
}

// The worker is not ended: it may still finish its script, and answer
// calls; only the caller knows whether to wait longer or terminate it.
const tooSlow = (url, ms) =>
  new Error(`execctx: worker ${url} was not ready within ${ms} ms (createContext's readyTimeout); it runs until terminate()`);

/** The error that rejects `ready` when the worker ended for reason. */
export const endedBeforeReady = (url, reason) => new Error(`execctx: worker ${url} ${reason === "terminated" ? "was terminated" : reason}`);

/** ended(what) is the error for what could not happen because the worker ended for reason. */
export const endedError = (url, reason) => (what) => new Error(`execctx: worker ${url} has ended (${reason}); ${what}`);

/**
 * watch reports what the runtime tells about raw: fail(error) for a
 * message that could not be read (the worker lives on), end(reason) for a
 * worker that is gone or must go. A Web Worker reports no exit: one that
 * closes itself says so in an `exit` message (worker-entry.js), and one
 * with an uncaught error is terminated here, as Node and Deno do.
 */
export function watch(raw, url, { fail, end }) {
  const uncaught = (detail) => {
    end(`failed: ${detail}`);
    raw.terminate();
  };
  if (typeof raw.on === "function") {
    raw.on("error", (e) => uncaught(e instanceof Error ? e.message : String(e)));
    raw.on("exit", (code) => end(`exited with code ${code}`));
    return;
  }
  raw.addEventListener("error", (event) => {
    event.preventDefault?.(); // handled here: it must not reach main's global error handler
    uncaught(event.message || "the worker script could not be loaded");
  });
  raw.addEventListener("messageerror", () => fail(new Error(`execctx: worker ${url} sent a message that could not be read`)));
}
