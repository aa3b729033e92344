// Main's side of the service-worker relay (PROTOCOL.md, "The
// service-worker relay"): it registers the service worker a PyWorker's
// service_worker option names, once per URL and page, and carries each
// answer to a relayed worker's blocking call to it. The worker's side is
// protocol/relay.js; the service worker is service-worker.js.

import { answerFrame } from "./protocol/syncbuffer.js";

const ACTIVATE_MS = 10000; // a service worker not installed or active by then will not be
const SETTLE_MS = 500; // an installed update activates at once unless the active version is in use
const CONTROL_MS = 3000; // how long a first visit waits for clients.claim()

let scratch; // the frame an answer is written in before it is copied out: one per realm

/**
 * relayFor is main's end of the relay through the service worker at url
 * (openRelay), or null where there is none: outside a browser page (Node
 * and Deno have no service workers, and give workers SharedArrayBuffer),
 * and on a page without service workers (not a secure context), which a
 * warning says.
 */
export function relayFor(url) {
  if (typeof globalThis.document === "undefined") return null;
  if (typeof globalThis.navigator?.serviceWorker?.register !== "function") {
    console.warn(`execctx: the service-worker relay ${url} is not available: this page has no service workers (they need a secure context: https, or localhost)`);
    return null;
  }
  return openRelay(url);
}

/**
 * openRelay sets up the relay through the service worker at url for one
 * worker. ready resolves to what the worker's init carries ({ url, key })
 * once the service worker is active, or to null when it cannot be (with a
 * console warning saying why); the worker then has no blocking calls.
 * answer(id, answer) sends main's answer to the worker's call id, and
 * returns false when it did not fit and a RangeError went instead;
 * close() tells the service worker the worker is gone.
 */
function openRelay(url) {
  const key = crypto.randomUUID(); // per worker, and so per page: answers never reach another tab's worker
  let link = null;
  const ready = linked(url).then(
    (l) => {
      link = l;
      return { url, key };
    },
    (e) => {
      console.warn(`execctx: the service-worker relay ${url} is not available: ${e.message}`);
      return null;
    },
  );
  return {
    ready,
    answer(id, answer) {
      scratch ??= new ArrayBuffer(64 << 10, { maxByteLength: 64 << 20 });
      const { fits, frame } = answerFrame(scratch, id, answer);
      link?.answer(key, id, frame);
      return fits;
    },
    close: () => link?.drop(key),
  };
}

const links = new Map(); // service worker URL → Promise<Link>, one per page

/** linked registers the service worker at url, once per page, and resolves to the link to it once it can serve. */
function linked(url) {
  let l = links.get(url);
  if (!l) {
    l = register(url).then((registration) => new Link(registration));
    links.set(url, l);
    l.catch(() => links.delete(url)); // a later worker tries again
    listen();
  }
  return l;
}

/**
 * Link is a page's line to one service worker: a MessagePort, which
 * reaches the service worker's thread directly (its postMessage goes
 * through the browser, slower, and is dropped once the registration is
 * gone, while the service worker still serves its workers). A service
 * worker that stopped (idle) and started again has lost the port: it
 * says so when it starts (relay-started), and the link makes a new one
 * and sends again the last answer of each worker, which may have gone
 * to the old port.
 */
class Link {
  #registration;
  #port = null;
  #last = new Map(); // worker key → its last answer { id, frame }

  constructor(registration) {
    this.#registration = registration;
    this.connect();
  }

  /** connect gives the active service worker a new port; false when there is none. */
  connect() {
    const sw = this.#registration.active;
    if (!sw) return false;
    const { port1, port2 } = new MessageChannel();
    sw.postMessage({ execctx: "relay-port" }, [port2]);
    this.#port?.close();
    this.#port = port1;
    for (const [key, { id, frame }] of this.#last) this.#port.postMessage({ execctx: "relay-answer", key, id, frame });
    return true;
  }

  answer(key, id, frame) {
    this.#last.set(key, { id, frame });
    this.#port?.postMessage({ execctx: "relay-answer", key, id, frame }); // a copy: the link keeps its own
  }

  drop(key) {
    this.#last.delete(key);
    this.#port?.postMessage({ execctx: "relay-drop", key });
  }
}

let listening = false;
/** listen reconnects every link when a service worker says it (re)started. */
function listen() {
  if (listening) return;
  listening = true;
  const container = navigator.serviceWorker;
  container.addEventListener("message", async (event) => {
    if (event.data?.execctx !== "relay-started") return;
    for (const l of links.values()) (await l.catch(() => null))?.connect();
  });
  container.startMessages();
}

async function register(url) {
  const container = navigator.serviceWorker;
  const registration = await container.register(url);
  await settled(registration);
  // A first visit: the page is in the service worker's scope but not yet
  // controlled; clients.claim() (service-worker.js) makes it so. (Workers
  // are controlled as their own script's URL says, and start only now.)
  if (!container.controller && location.href.startsWith(registration.scope)) await controlled(container);
  return registration;
}

/**
 * settled resolves once registration's version that new workers get is
 * active: a first install, or an update, goes through installing,
 * installed and activating first. An update that waits (pages or workers
 * still use the active version) leaves the active one in place.
 */
async function settled(registration) {
  const installing = registration.installing;
  if (installing && !(await leaves(installing, "installing", ACTIVATE_MS))) throw new Error(`it did not install within ${ACTIVATE_MS} ms`);
  const waiting = registration.waiting;
  if (waiting) await leaves(waiting, "installed", SETTLE_MS); // it activates now, unless the active one is in use
  const active = registration.active;
  if (active?.state === "activating" && !(await leaves(active, "activating", ACTIVATE_MS))) throw new Error(`it was not active within ${ACTIVATE_MS} ms`);
  if (!registration.active) throw new Error(installing?.state === "redundant" ? "it failed to install" : "it has no active version");
}

/** leaves resolves to true once sw's state is no longer state, or to false after ms. */
function leaves(sw, state, ms) {
  if (sw.state !== state) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (left) => {
      clearTimeout(timer);
      sw.removeEventListener("statechange", changed);
      resolve(left);
    };
    const changed = () => sw.state !== state && done(true);
    const timer = setTimeout(() => done(false), ms);
    sw.addEventListener("statechange", changed);
  });
}

/** controlled resolves once container has a controller, or after CONTROL_MS: the worker's ping then tells. */
function controlled(container) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CONTROL_MS);
    container.addEventListener("controllerchange", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
