// The worker's side of the protocol: calls to main (blocking over the sync
// buffer or the service-worker relay, or promises without either),
// proxies of main's objects, and the functions the worker exposes to
// main. See PROTOCOL.md.

import { encode, decode } from "./wire.js";
import { errorData, toError } from "./errors.js";
import { ours } from "./port.js";
import { nextCallId, waitForAnswer } from "./syncbuffer.js";
import { Spinner } from "./spin.js";
import { remoteObjects, idOf } from "./proxies.js";
import { Callbacks } from "./callbacks.js";

/**
 * connect sets up the worker's end of port. sab is the sync buffer main
 * sent, or null; relay, without one, is the service-worker relay's waiter
 * (relay.js) or null; with neither, calls to main return promises.
 * timeout bounds a blocking call in ms (negative: no bound).
 */
export function connect(port, { sab, relay = null, timeout = -1 }) {
  return new WorkerChannel(port, sab, relay, timeout);
}

class WorkerChannel {
  #port;
  #sab;
  #relay;
  #timeout;
  #lastCall = 0;
  #pending = new Map(); // call id → { resolve, reject }, for calls without the sync buffer
  #exposed = new Map(); // name → worker function main may call
  #callbacks = new Callbacks();
  #spinner = new Spinner();
  #remote;

  constructor(port, sab, relay, timeout) {
    this.#port = port;
    this.#sab = sab;
    this.#relay = sab ? null : relay;
    this.#timeout = timeout;
    this.#remote = remoteObjects(port, (op, args) => this.#callSync(op, args), (values) => this.#encodeAll(values));
    port.listen((data) => this.#onMessage(data));
  }

  /** Bounds later blocking calls to ms milliseconds (negative: no bound). */
  setTimeout(ms) {
    this.#timeout = ms;
  }

  /**
   * Whether calls to main block and return values: there is a sync
   * buffer, or the service-worker relay answered this worker.
   */
  get blocking() {
    return this.#sab !== null || this.#relay !== null;
  }

  /** A proxy of main's object id (0: globalThis, 1: document). */
  proxyFor(id) {
    return this.#remote.get(id);
  }

  /** The main object id behind a proxy, or undefined. */
  idOf(v) {
    return idOf(v);
  }

  /** Calls the function main exposed as sync.<name>: its value when blocking, else a promise. */
  sync(name, args) {
    return this.#call("sync", [name, this.#encodeAll(args)]);
  }

  /** Imports urls on main and returns proxies of the namespaces (a promise when not blocking). */
  importOnMain(urls) {
    return this.#call("import", [urls]);
  }

  /** The sizes of the worker's protocol tables, for tests: calls awaiting a reply, functions main holds, proxies. */
  stats() {
    return { pending: this.#pending.size, callbacks: this.#callbacks.size, proxies: this.#remote.size };
  }

  /** What the spin before blocking cost so far, for benchmarks (Spinner.stats). */
  spinStats() {
    return this.#spinner.stats();
  }

  /** Makes fn callable from main as sync.<name>. */
  expose(name, fn) {
    this.#exposed.set(name, fn);
  }

  #call(op, args) {
    return this.blocking ? this.#callSync(op, args) : this.#callAsync(op, args);
  }

  #callSync(op, args) {
    if (!this.blocking) {
      throw new Error("execctx: synchronous calls to main need SharedArrayBuffer (a cross-origin isolated page) or the service-worker relay");
    }
    const id = (this.#lastCall = nextCallId(this.#lastCall));
    const sent = performance.now();
    this.#port.post({ execctx: "call", id, op, args, sync: true });
    const answer = this.#sab
      ? waitForAnswer(this.#sab, id, this.#timeout, this.#spinner, sent)
      : this.#relay.wait(id, this.#timeout, op);
    if (answer === undefined) {
      throw new Error(`execctx: the main thread did not answer ${op} within ${this.#timeout} ms (createContext's timeout)`);
    }
    return this.#settle(answer);
  }

  #callAsync(op, args) {
    const id = (this.#lastCall = nextCallId(this.#lastCall));
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#port.post({ execctx: "call", id, op, args, sync: false });
    });
  }

  /**
   * encodeAll encodes values for one message. Every function among them
   * counts a reference main will hold; when one value cannot be sent,
   * the message is not sent, so those references are given back.
   */
  #encodeAll(values) {
    const taken = [];
    const codec = {
      remote: (v) => {
        const id = idOf(v);
        return id === undefined ? undefined : { $r: id };
      },
      ref: (v) => {
        const wire = this.#callbacks.ref(v);
        taken.push(wire.$c);
        return wire;
      },
    };
    try {
      return values.map((v) => encode(v, codec));
    } catch (e) {
      for (const id of taken) this.#callbacks.release(id, 1);
      throw e;
    }
  }

  /** The value of an answer, or its error thrown. */
  #settle(answer) {
    if (!answer.ok) throw toError(answer.error);
    return this.#decode(answer.value);
  }

  #decode(wire) {
    return decode(wire, (w) => {
      if ("$r" in w) return this.#remote.received(w.$r);
      if ("$c" in w) return this.#callbacks.get(w.$c);
      throw new TypeError(`execctx: unknown wire value ${JSON.stringify(w)}`);
    });
  }

  async #onMessage(data) {
    if (!ours(data)) return;
    switch (data.execctx) {
      case "reply":
        this.#reply(data);
        break;
      case "invoke":
        this.#port.post({ execctx: "result", id: data.id, ...(await this.#runExposed(data)) });
        break;
      case "callback":
        this.#callbacks.get(data.id)?.(...data.args.map((a) => this.#decode(a)));
        break;
      case "release":
        for (const [id, n] of data.refs) this.#callbacks.release(id, n);
        break;
    }
  }

  #reply(data) {
    const p = this.#pending.get(data.id);
    this.#pending.delete(data.id);
    if (!p) return;
    try {
      p.resolve(this.#settle(data));
    } catch (e) {
      p.reject(e);
    }
  }

  async #runExposed({ name, args }) {
    try {
      const values = args.map((a) => this.#decode(a)); // first: it counts the references main sent
      const fn = this.#exposed.get(name);
      if (typeof fn !== "function") throw new TypeError(`execctx: the worker exposes no sync function "${name}"`);
      const [value] = this.#encodeAll([await fn(...values)]);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: errorData(e) };
    }
  }
}
