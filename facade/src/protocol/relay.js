// The worker's side of the service-worker relay (PROTOCOL.md, "The
// service-worker relay"): on a page that is not cross-origin isolated,
// a worker has no SharedArrayBuffer to block on, but it may block in a
// synchronous XMLHttpRequest. Its blocking call is posted to main as
// usual; the worker then asks the relay (execctx's service worker,
// service-worker.js) for the answer with a synchronous GET, which the
// service worker holds until main has sent it the answer's frame: the
// sync buffer's bytes (syncbuffer.js), read with the same code.

import { readFrame } from "./syncbuffer.js";

/** The query parameter that marks a request to the relay; its value is the worker's key. */
export const RELAY_PARAM = "execctx-relay";
/** The relay protocol's version: the service worker says it in a header on every answer. */
export const RELAY_VERSION = "1";
/** The response header the relay's answers carry (its value: RELAY_VERSION). */
export const RELAY_HEADER = "x-execctx-relay";
/** The longest the service worker holds one request before it answers "not yet" (an empty body). */
export const HOLD_MS = 2000;
// A request the service worker has not answered this long after its hold
// has lost the relay (a service worker that stopped, or hangs).
const GRACE_MS = 10000;

/**
 * openRelay checks that the relay at url answers this worker (the service
 * worker controls it and speaks this version) and returns the waiter for
 * key, or { error } saying why not.
 */
export function openRelay({ url, key }) {
  const waiter = new RelayWaiter(url, key);
  try {
    const text = new TextDecoder().decode(waiter.request("&ping", 0));
    if (text !== `execctx-relay ${RELAY_VERSION}`) throw new Error(`it answered ${JSON.stringify(text.slice(0, 40))}`);
    return { waiter };
  } catch (e) {
    return { error: `the service-worker relay ${url} does not answer this worker: ${e.message}` };
  }
}

class RelayWaiter {
  #url;
  #base;

  constructor(url, key) {
    this.#url = url;
    const u = new URL(url);
    u.searchParams.set(RELAY_PARAM, key);
    this.#base = u.href;
  }

  /**
   * wait blocks until main's answer to call id arrives and returns it, or
   * returns undefined once timeout ms (negative: no bound) have passed.
   * An answer "not yet" (the service worker's hold ran out) is asked
   * again; a relay that fails or stops answering throws, naming op.
   */
  wait(id, timeout, op) {
    const deadline = timeout >= 0 ? performance.now() + timeout : Infinity;
    for (;;) {
      const hold = Math.max(0, Math.min(HOLD_MS, Math.ceil(deadline - performance.now())));
      let frame;
      try {
        frame = this.request(`&call=${id}&wait=${hold}`, hold);
      } catch (e) {
        throw new Error(`execctx: the service-worker relay ${this.#url} failed while ${op} waited for main's answer: ${e.message}`);
      }
      if (frame.byteLength > 0) return answerOf(frame, id);
      if (performance.now() >= deadline) return undefined;
    }
  }

  /** request GETs the relay with query (after the key), synchronously, and returns the body. */
  request(query, hold) {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", this.#base + query, false);
    xhr.responseType = "arraybuffer";
    xhr.timeout = hold + GRACE_MS;
    xhr.send(); // throws on a network error or a timeout
    const version = xhr.getResponseHeader(RELAY_HEADER);
    if (version !== RELAY_VERSION) {
      const what = version === null ? "without the relay's header: no execctx service worker controls this worker" : `relay version ${version}, not ${RELAY_VERSION}`;
      throw new Error(`HTTP ${xhr.status} ${what}`);
    }
    return xhr.response;
  }
}

/** answerOf reads main's answer to call id from a frame. */
function answerOf(frame, id) {
  if (frame.byteLength < 16) throw new Error(`execctx: the service-worker relay sent a frame of ${frame.byteLength} bytes`);
  const { id: answered, answer } = readFrame(frame);
  if (answered !== id) throw new Error(`execctx: the service-worker relay answered call ${answered} while call ${id} waited`);
  return answer;
}
