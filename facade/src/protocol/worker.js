// The worker's side of the protocol: proxies of main's objects, blocking
// calls over the sync buffer, and the functions the worker exposes to main.

import { encode, decode, errorData, toError } from "./wire.js";
import { ours, ANSWERED, LENGTH, HEADER, nextCallId } from "./port.js";

const decoder = new TextDecoder();
const REF = Symbol("execctx.ref");

/**
 * connect sets up the worker's end. sab is the sync buffer main sent, or
 * null (then only async calls work); timeout bounds a blocking call in ms
 * (negative: no bound).
 */
export function connect(port, { sab, timeout = -1 }) {
  const proxies = new Map(); // main object id → { id, ref: WeakRef(proxy), received }
  const callbacks = new Map(); // id → worker function passed to main
  const callbackIds = new WeakMap();
  const exposed = new Map(); // name → worker function main may call
  const pending = new Map(); // async calls
  let lastCall = 0;
  let nextCallback = 1;
  let released = [];

  // A proxy's entry counts the references main sent for it; when the proxy
  // is collected, main is told to drop exactly that many, so a reference
  // sent again meanwhile (to a new proxy) stays held.
  const registry = new FinalizationRegistry((entry) => {
    if (proxies.get(entry.id) === entry) proxies.delete(entry.id);
    if (entry.received === 0) return;
    released.push([entry.id, entry.received]);
    if (released.length === 1) {
      setTimeout(() => {
        port.post({ execctx: "release", refs: released });
        released = [];
      }, 0);
    }
  });

  const codec = {
    remote: (v) => (v && v[REF] !== undefined ? { $r: v[REF] } : undefined),
    ref: (v) => {
      if (typeof v !== "function") throw new TypeError("execctx: only plain data, functions and main's own objects can be sent to main");
      if (!callbackIds.has(v)) {
        callbackIds.set(v, nextCallback);
        callbacks.set(nextCallback++, v);
      }
      return { $c: callbackIds.get(v) };
    },
  };
  const resolve = (w) => {
    if ("$r" in w) return received(w.$r);
    if ("$c" in w) return callbacks.get(w.$c);
    throw new TypeError(`execctx: unknown wire value ${JSON.stringify(w)}`);
  };

  function callSync(op, args) {
    if (!sab) throw new Error("execctx: synchronous calls to main need SharedArrayBuffer (a cross-origin isolated page)");
    const i32 = new Int32Array(sab, 0, 2);
    const id = (lastCall = nextCallId(lastCall));
    port.post({ execctx: "call", id, op, args, sync: true });
    waitForAnswer(i32, id, op);
    const bytes = new Uint8Array(sab, HEADER, Atomics.load(i32, LENGTH)).slice();
    return settle(JSON.parse(decoder.decode(bytes)));
  }

  // Main writes only the answer to the call the worker waits on, and marks
  // it with that call's id, so waiting for the id never takes another's.
  function waitForAnswer(i32, id, op) {
    const deadline = timeout >= 0 ? Date.now() + timeout : Infinity;
    for (let seen = Atomics.load(i32, ANSWERED); seen !== id; seen = Atomics.load(i32, ANSWERED)) {
      const left = deadline === Infinity ? undefined : Math.max(0, deadline - Date.now());
      if (Atomics.wait(i32, ANSWERED, seen, left) === "timed-out") {
        throw new Error(`execctx: the main thread did not answer ${op} within ${timeout} ms (experimental_ffi_timeout)`);
      }
    }
  }

  function callAsync(op, args) {
    const id = (lastCall = nextCallId(lastCall));
    return new Promise((resolvePromise, reject) => {
      pending.set(id, { resolve: resolvePromise, reject });
      port.post({ execctx: "call", id, op, args, sync: false });
    });
  }

  const settle = (reply) => {
    if (!reply.ok) throw toError(reply.error);
    return decode(reply.value, resolve);
  };
  const call = (op, args) => (sab ? callSync(op, args) : callAsync(op, args));
  const enc = (v) => encode(v, codec);

  /** The proxy of main's object id and its entry, made when there is no live one. */
  function entryFor(id) {
    const entry = proxies.get(id);
    const cached = entry?.ref.deref();
    if (cached) return [cached, entry];
    const proxy = newProxy(id);
    const fresh = { id, ref: new WeakRef(proxy), received: 0 };
    proxies.set(id, fresh);
    registry.register(proxy, fresh);
    return [proxy, fresh];
  }

  /** A proxy of main's object id, for a reference main sent. */
  function received(id) {
    const [proxy, entry] = entryFor(id);
    entry.received++;
    return proxy;
  }

  /** A proxy of main's object id, for the worker's own use (0: globalThis, 1: document). */
  const proxyFor = (id) => entryFor(id)[0];

  function newProxy(id) {
    return new Proxy(function remote() {}, {
      get(_, key) {
        if (key === REF) return id;
        if (key === "then" || typeof key === "symbol") return undefined;
        return callSync("get", [id, key]);
      },
      set: (_, key, value) => callSync("set", [id, key, enc(value)]),
      has: (_, key) => typeof key === "string" && callSync("has", [id, key]),
      apply: (_, self, args) => callSync("apply", [id, enc(self), args.map(enc)]),
      construct: (_, args) => callSync("construct", [id, args.map(enc)]),
    });
  }

  port.listen(async (data) => {
    if (!ours(data)) return;
    switch (data.execctx) {
      case "reply": {
        const p = pending.get(data.id);
        pending.delete(data.id);
        if (p) {
          try {
            p.resolve(settle(data));
          } catch (e) {
            p.reject(e);
          }
        }
        break;
      }
      case "invoke":
        port.post({ execctx: "result", id: data.id, ...(await runExposed(data)) });
        break;
      case "callback":
        callbacks.get(data.id)?.(...data.args.map((a) => decode(a, resolve)));
        break;
    }
  });

  async function runExposed({ name, args }) {
    try {
      const values = args.map((a) => decode(a, resolve)); // first: it counts the references main sent
      const fn = exposed.get(name);
      if (typeof fn !== "function") throw new TypeError(`execctx: the worker exposes no sync function "${name}"`);
      return { ok: true, value: enc(await fn(...values)) };
    } catch (e) {
      return { ok: false, error: errorData(e) };
    }
  }

  return {
    /** Bounds later blocking calls to ms milliseconds (negative: no bound). */
    setTimeout: (ms) => {
      timeout = ms;
    },
    /** Whether calls to main block and return values (SharedArrayBuffer). */
    blocking: sab !== null,
    /** A proxy of main's object id (0: globalThis, 1: document). */
    proxyFor,
    /** Calls main's function id-less by name: sync when blocking, else a promise. */
    sync: (name, args) => call("sync", [name, args.map(enc)]),
    /** Imports urls on main and returns proxies of the namespaces. */
    importOnMain: (urls) => call("import", [urls]),
    /** Runs a raw operation (get, set, apply, has, construct) synchronously. */
    op: (name, args) => callSync(name, args),
    /** The wire form of a value, for op arguments. */
    encode: enc,
    /** The main object id behind a proxy, or undefined. */
    idOf: (v) => (v ? v[REF] : undefined),
    /** Makes fn callable from main as sync.<name>. */
    expose: (name, fn) => exposed.set(name, fn),
  };
}
