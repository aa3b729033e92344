// The main thread's side of the protocol: it runs one worker's calls on
// main's objects, which the worker reaches by reference, and calls the
// functions the worker exposes. See PROTOCOL.md.

import { encode, decode } from "./wire.js";
import { errorData, toError } from "./errors.js";
import { ours } from "./port.js";
import { writeAnswer } from "./syncbuffer.js";
import { ObjectTable } from "./objects.js";
import { RemoteRefs } from "./remote.js";

// Whether await would wait for v: the answer to an operation that returns
// one is written once it settles. Reading then is what await does too.
const thenable = (v) => (typeof v === "object" || typeof v === "function") && v !== null && typeof v.then === "function";

/**
 * serve answers one worker's requests on port. expose holds the functions
 * main offers the worker through sync; sab is the worker's sync buffer or
 * null; relay, without a sync buffer, is main's end of the service-worker
 * relay (relay.js) or null; objects is the realm's ObjectTable; onMessage
 * gets the messages that are not the protocol's own (ready, failed).
 */
export function serve(port, { sab, relay = null, expose, objects = new ObjectTable(), onMessage = () => {} }) {
  return new WorkerServer(port, sab, relay, expose, objects, onMessage);
}

class WorkerServer {
  #port;
  #sab;
  #relay;
  #expose;
  #objects;
  #held; // main's objects this worker holds references to
  #functions; // main's wrappers of the worker's functions, by id (RemoteRefs)
  #wrappers = new WeakMap(); // wrapper → worker function id
  #pending = new Map(); // invocation id → { name, resolve, reject }
  #nextInvoke = 1;
  #awaited = 0; // the sync call the worker waits on: the last one it sent
  #ended = null; // once the worker is gone: (what) => the Error saying so

  // The operations a worker can ask for (PROTOCOL.md, "Operations").
  // Values are decoded first: decoding counts the worker's functions main
  // now holds, which must happen even when the operation then fails.
  #ops = {
    get: ([ref, key]) => Reflect.get(this.#objects.get(ref), key),
    set: ([ref, key, wire]) => {
      const value = this.#decode(wire);
      return Reflect.set(this.#objects.get(ref), key, value);
    },
    has: ([ref, key]) => Reflect.has(this.#objects.get(ref), key),
    apply: ([ref, self, args]) => {
      const [thisArg, ...values] = this.#decodeAll([self, ...args]);
      return Reflect.apply(this.#objects.get(ref), thisArg, values);
    },
    construct: ([ref, args]) => {
      const values = this.#decodeAll(args);
      return Reflect.construct(this.#objects.get(ref), values);
    },
    sync: ([name, args]) => {
      const values = this.#decodeAll(args);
      return this.#exposed(name)(...values);
    },
    import: ([urls]) => Promise.all(urls.map((url) => import(url))),
  };

  constructor(port, sab, relay, expose, objects, onMessage) {
    this.#port = port;
    this.#sab = sab;
    this.#relay = relay;
    this.#expose = expose;
    this.#objects = objects;
    this.#held = objects.holder();
    this.#functions = new RemoteRefs((id) => this.#wrapper(id), (message) => port.post(message));
    port.listen((data) => {
      if (ours(data) && !this.#ended && !this.#handle(data)) onMessage(data);
    });
  }

  /** Calls a function the worker exposed through sync; always a promise. */
  invoke(name, args) {
    if (this.#ended) return Promise.reject(this.#ended(`call "${name}" was not sent`));
    try {
      const message = { execctx: "invoke", id: this.#nextInvoke++, name, args: this.#encodeAll(args) };
      return new Promise((resolve, reject) => {
        this.#pending.set(message.id, { name, resolve, reject });
        this.#port.post(message);
      });
    } catch (e) {
      return Promise.reject(e); // an argument that cannot be sent
    }
  }

  /** Rejects every pending invocation, e.g. when the worker's script failed. */
  fail(error) {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }

  /**
   * close lets go of everything this worker had, for good: the worker is
   * gone. ended(what) makes the Error that rejects each pending call and
   * every later call, and that a later call of its functions throws.
   */
  close(ended) {
    if (this.#ended) return;
    this.#ended = ended;
    for (const p of this.#pending.values()) p.reject(ended(`call "${p.name}" got no answer`));
    this.#pending.clear();
    this.#held.releaseAll();
    this.#functions.close();
    this.#expose = Object.create(null);
    this.#sab = null;
    this.#relay?.close(); // the service worker lets go of the worker's call, if one waits
    this.#relay = null;
  }

  /** offer makes main's fn callable by the worker as sync.<name>; a worker that is gone gets nothing. */
  offer(name, fn) {
    if (!this.#ended) this.#expose[name] = fn;
  }

  /** The sizes of this worker's tables on main, for tests. */
  stats() {
    return {
      pending: this.#pending.size,
      callbacks: this.#functions.size,
      held: this.#held.size,
      syncBuffer: this.#sab?.byteLength ?? 0,
    };
  }

  /** Handles a protocol message; false for one that is not the protocol's. */
  #handle(data) {
    switch (data.execctx) {
      case "call":
        this.#run(data);
        return true;
      case "release":
        for (const [id, n] of data.refs) this.#held.release(id, n);
        return true;
      case "result":
        this.#result(data);
        return true;
    }
    return false;
  }

  async #run({ id, op, args, sync }) {
    if (sync) this.#awaited = id;
    const refs = [];
    let answer;
    try {
      if (!Object.hasOwn(this.#ops, op)) throw new TypeError(`execctx: unknown operation ${op}`);
      let value = this.#ops[op](args);
      if (thenable(value)) value = await value; // else answer now: an await would cost a turn of the microtask queue
      answer = { ok: true, value: encode(value, this.#codec(refs)) };
    } catch (e) {
      answer = { ok: false, error: errorData(e) };
      for (const ref of refs.splice(0)) this.#held.release(ref, 1); // an answer that could not be encoded
    }
    if (this.#ended) {
      this.#held.releaseAll(); // the worker went while the operation ran: nothing to answer
      return;
    }
    if (!sync) {
      this.#port.post({ execctx: "reply", id, ...answer });
    } else if (id !== this.#awaited || !this.#answerSync(id, answer)) {
      for (const ref of refs) this.#held.release(ref, 1); // never delivered
    }
  }

  // #answerSync delivers the answer to the sync call the worker waits on:
  // in its sync buffer, or through the relay. false: it was not delivered
  // (too big: a RangeError went instead).
  #answerSync(id, answer) {
    if (this.#sab) return writeAnswer(this.#sab, id, answer);
    return this.#relay ? this.#relay.answer(id, answer) : false;
  }

  // A result is decoded even when nobody awaits it any more: decoding
  // counts the worker's functions it carries, which main must give back.
  #result({ id, ok, value, error }) {
    const p = this.#pending.get(id);
    this.#pending.delete(id);
    try {
      const settled = ok ? this.#decode(value) : toError(error);
      if (p) ok ? p.resolve(settled) : p.reject(settled);
    } catch (e) {
      p?.reject(e); // a reference to an object main no longer holds
    }
  }

  // #codec encodes for one message, noting in refs every reference it holds
  // for the worker, so that a message that is never delivered gives them back.
  #codec(refs = []) {
    return {
      ref: (v) => {
        const id = this.#held.hold(v);
        refs.push(id);
        return { $r: id };
      },
      remote: (v) => (this.#wrappers.has(v) ? { $c: this.#wrappers.get(v) } : undefined),
    };
  }

  // #encodeAll encodes values for one message; when one cannot be sent, the
  // message is not sent, so the references the others took are given back.
  #encodeAll(values) {
    const refs = [];
    try {
      return values.map((v) => encode(v, this.#codec(refs)));
    } catch (e) {
      for (const ref of refs) this.#held.release(ref, 1);
      throw e;
    }
  }

  #decode(wire) {
    return decode(wire, (w) => {
      if ("$r" in w) return this.#objects.get(w.$r);
      if ("$c" in w) return this.#functions.received(w.$c);
      throw new TypeError(`execctx: unknown wire value ${JSON.stringify(w)}`);
    });
  }

  #decodeAll(wires) {
    return wires.map((w) => this.#decode(w));
  }

  /** The function main exposed as sync.<name>. */
  #exposed(name) {
    const fn = this.#expose[name];
    if (typeof fn !== "function") throw new TypeError(`execctx: the main thread exposes no sync function "${name}"`);
    return fn;
  }

  /** The main-side function for the worker's function id: calling it posts `callback`. */
  #wrapper(id) {
    const fn = (...args) => {
      if (this.#ended) throw this.#ended("its function was not called");
      this.#port.post({ execctx: "callback", id, args: this.#encodeAll(args) });
    };
    this.#wrappers.set(fn, id);
    return fn;
  }
}
