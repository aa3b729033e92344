// Main's side of the service-worker relay (PROTOCOL.md, "The
// service-worker relay"): a worker started with PyWorker's service_worker
// option, on a page without a sync buffer, gets its blocking calls
// answered through the service worker. The code that registers it and
// carries the answers (relay-link.js) loads only when a page asks for the
// relay: most pages never do, and it would be bytes on every page's way to
// ready. The worker's side is protocol/relay.js; the service worker is
// service-worker.js.

import { answerFrame } from "./protocol/syncbuffer.js";

let scratch; // the frame an answer is written in before it is copied out: one per realm

/**
 * relayFor is main's end of the relay through the service worker at url
 * (relay-link.js, openRelay), or null where there is none: outside a
 * browser page (Node and Deno have no service workers, and give workers
 * SharedArrayBuffer), and on a page without service workers (not a secure
 * context), which a warning says. answer(id, answer) sends main's answer
 * to the worker's call id, once ready has resolved to the relay's part of
 * the worker's init, and returns false when it did not fit and a
 * RangeError went instead.
 */
export function relayFor(url) {
  if (typeof globalThis.document === "undefined") return null;
  if (typeof globalThis.navigator?.serviceWorker?.register !== "function") {
    console.warn(`execctx: the service-worker relay ${url} is not available: this page has no service workers (they need a secure context: https, or localhost)`);
    return null;
  }
  const opened = import("./relay-link.js").then((m) => m.openRelay(url));
  let relay = null;
  return {
    ready: opened.then(
      (r) => {
        relay = r;
        return r.ready;
      },
      (e) => {
        console.warn(`execctx: the service-worker relay ${url} is not available: its code did not load: ${e.message}`);
        return null;
      },
    ),
    answer(id, answer) {
      scratch ??= new ArrayBuffer(64 << 10, { maxByteLength: 64 << 20 });
      const { fits, frame } = answerFrame(scratch, id, answer);
      relay?.send(id, frame);
      return fits;
    },
    close: () => void opened.then((r) => r.close(), () => {}),
  };
}
