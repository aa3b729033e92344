// The worker's proxies of main's objects. A proxy turns every get, set,
// has, call and construct into a blocking call to main. When one is
// garbage collected, main is told how many of its references it stood for
// (see PROTOCOL.md), in one batched `release` message.

const REF = Symbol("execctx.ref");

/** The main object id behind a proxy made here, or undefined. */
export const idOf = (v) => ((typeof v === "function" || (v !== null && typeof v === "object")) ? v[REF] : undefined);

/** RemoteObjects keeps at most one live proxy per main object id. */
export class RemoteObjects {
  #entries = new Map(); // id → { id, ref: WeakRef(proxy), received }
  #released = []; // [id, count] pairs not yet sent
  #registry = new FinalizationRegistry((entry) => this.#collected(entry));
  #port;
  #handler;

  /** call(op, args) is a blocking call to main; encode(v) a value's wire form. */
  constructor(port, call, encode) {
    this.#port = port;
    this.#handler = proxyHandler(call, encode);
  }

  /** proxyFor returns a proxy of main's object id, for the worker's own use (0: globalThis, 1: document). */
  proxyFor(id) {
    return this.#entryFor(id)[0];
  }

  /** received returns the proxy for a reference main sent, and counts that reference. */
  received(id) {
    const [proxy, entry] = this.#entryFor(id);
    entry.received++;
    return proxy;
  }

  #entryFor(id) {
    const entry = this.#entries.get(id);
    const cached = entry?.ref.deref();
    if (cached) return [cached, entry];
    const target = function remote() {};
    target[REF] = id;
    const proxy = new Proxy(target, this.#handler);
    const fresh = { id, ref: new WeakRef(proxy), received: 0 };
    this.#entries.set(id, fresh);
    this.#registry.register(proxy, fresh);
    return [proxy, fresh];
  }

  // A reference main sends after the proxy died gets a new entry, so the
  // old entry's count is exactly what main must drop for it.
  #collected(entry) {
    if (this.#entries.get(entry.id) === entry) this.#entries.delete(entry.id);
    if (entry.received === 0) return;
    this.#released.push([entry.id, entry.received]);
    if (this.#released.length > 1) return;
    setTimeout(() => {
      this.#port.post({ execctx: "release", refs: this.#released });
      this.#released = [];
    }, 0);
  }
}

/** The Proxy handler shared by every proxy: the target carries the id. */
function proxyHandler(call, encode) {
  const args = (list) => list.map(encode);
  return {
    get(target, key) {
      if (key === REF) return target[REF];
      if (key === "then" || typeof key === "symbol") return undefined;
      return call("get", [target[REF], key]);
    },
    set: (target, key, value) => call("set", [target[REF], key, encode(value)]),
    has: (target, key) => typeof key === "string" && call("has", [target[REF], key]),
    apply: (target, self, list) => call("apply", [target[REF], encode(self), args(list)]),
    construct: (target, list) => call("construct", [target[REF], args(list)]),
  };
}
