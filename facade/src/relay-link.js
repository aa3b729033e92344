// The service-worker relay's link from main to the service worker
// (PROTOCOL.md, "The service-worker relay"): it registers the service
// worker once per URL and page, and carries each answer to a relayed
// worker's blocking call to it. relay.js loads it for a page's first
// relayed worker.

// It imports nothing: the bundle then keeps it in a file of its own
// (tools/bundle.mjs), and the shared chunk stays one.

const ACTIVATE_MS = 10000; // a service worker not installed or active by then will not be
const SETTLE_MS = 500; // an installed update activates at once unless the active version is in use
const CONTROL_MS = 3000; // how long a first visit waits for clients.claim()

/**
 * openRelay sets up the relay through the service worker at url for one
 * worker. ready resolves to what the worker's init carries ({ url, key })
 * once the service worker is active, or to null when it cannot be (with a
 * console warning saying why); the worker then has no blocking calls.
 * send(id, frame) sends the frame of main's answer to the worker's call
 * id; close() tells the service worker the worker is gone.
 */
export function openRelay(url) {
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
    send: (id, frame) => link?.answer(key, id, frame),
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
 * Link is a page's line to one service worker registration: a MessagePort
 * per version of it, which reaches that service worker's thread directly
 * (its postMessage goes through the browser, slower, and is dropped once
 * the registration is gone, while the service worker still serves its
 * workers). Every answer goes to every version the page has met: the one
 * that serves a worker may be the active one, an update that activated
 * and claimed it, or one replaced while it still serves it. A service
 * worker that stopped (idle) and started again has lost its port: it
 * says so when it starts (relay-started), and the link gives it a new one
 * and sends again the last answer of each worker, which may have gone to
 * the old port.
 */
class Link {
  #registration;
  #ports = new Map(); // ServiceWorker (a version) → the port to it
  #last = new Map(); // worker key → its last answer { id, frame }
  #astray = new Set(); // worker keys whose answers missed the ports: they take the channel too

  constructor(registration) {
    this.#registration = registration;
    this.connect(registration.active);
    // an update that activates later (one installing or waiting now, or found later)
    const follow = (sw) => sw?.addEventListener("statechange", () => sw.state === "activated" && this.connect(sw));
    follow(registration.installing);
    follow(registration.waiting);
    registration.addEventListener("updatefound", () => follow(registration.installing));
  }

  /** connect gives sw (a version of this registration) a new port, and the last answers. */
  connect(sw) {
    if (!sw) return;
    const { port1, port2 } = new MessageChannel();
    sw.postMessage({ execctx: "relay-port" }, [port2]);
    this.#ports.get(sw)?.close();
    this.#ports.set(sw, port1);
    for (const [key, { id, frame }] of this.#last) port1.postMessage({ execctx: "relay-answer", key, id, frame });
  }

  /**
   * resend posts the last answer to worker key on the relay's channel if
   * it is that to call id, which a service worker says still waits: the
   * ports missed it, and that worker's later answers take the channel too.
   */
  resend(key, id) {
    const last = this.#last.get(key);
    if (last?.id !== id) return;
    this.#astray.add(key);
    channel.postMessage({ execctx: "relay-answer", key, id, frame: last.frame });
  }

  /** Whether sw is a version of this link's registration. */
  owns(sw) {
    return this.#ports.has(sw) || [this.#registration.active, this.#registration.waiting, this.#registration.installing].includes(sw);
  }

  answer(key, id, frame) {
    this.#last.set(key, { id, frame });
    // the active version may have changed unseen (an update that activated
    // between two events the link watches): it gets a port, and the answers
    const active = this.#registration.active;
    if (active && !this.#ports.has(active)) this.connect(active);
    else this.#post({ execctx: "relay-answer", key, id, frame }); // copies: the link keeps its own
    if (this.#astray.has(key)) channel.postMessage({ execctx: "relay-answer", key, id, frame });
  }

  drop(key) {
    this.#last.delete(key);
    this.#astray.delete(key);
    this.#post({ execctx: "relay-drop", key });
  }

  #post(message) {
    for (const port of this.#ports.values()) port.postMessage(message);
  }
}

let listening = false;
let channel = null; // the relay's BroadcastChannel, once listen() has run
/**
 * listen reconnects a link to a service worker that says it (re)started,
 * and answers again, on the relay's BroadcastChannel, a call that a
 * service worker says still waits for an answer main has sent.
 */
function listen() {
  if (listening) return;
  listening = true;
  const container = navigator.serviceWorker;
  container.addEventListener("message", async (event) => {
    if (event.data?.execctx !== "relay-started" || !event.source) return;
    for (const l of links.values()) {
      const link = await l.catch(() => null);
      if (link?.owns(event.source)) link.connect(event.source);
    }
  });
  container.startMessages();
  channel = new BroadcastChannel("execctx-relay");
  channel.onmessage = async (event) => {
    const { execctx, key, id } = event.data ?? {};
    if (execctx !== "relay-want") return;
    for (const l of links.values()) (await l.catch(() => null))?.resend(key, id);
  };
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
