// The main thread's side of the protocol: it owns the objects a worker
// reaches through proxies and runs the worker's requests.

import { encode, decode, errorData, toError } from "./wire.js";
import { ours, STATE, LENGTH, CALL_ID, HEADER } from "./port.js";
import { ObjectTable } from "./objects.js";

const encoder = new TextEncoder();

/**
 * serve answers one worker's requests. expose holds the functions main
 * offers the worker through sync; sab is the worker's sync buffer or null.
 * It returns { invoke(name, args) } for calls from main into the worker.
 */
export function serve(port, { sab, expose, objects = new ObjectTable(), onMessage = () => {} }) {
  const callbacks = new Map(); // worker function id → main-side wrapper
  const wrappers = new WeakMap(); // wrapper → worker function id
  const pending = new Map(); // main → worker invocations
  const held = objects.holder(); // main's objects this worker has proxies of
  let nextInvoke = 1;

  const codec = {
    ref: (v) => ({ $r: held.hold(v) }),
    remote: (v) => (wrappers.has(v) ? { $c: wrappers.get(v) } : undefined),
  };
  const resolve = (w) => {
    if ("$r" in w) return objects.get(w.$r);
    if ("$c" in w) return callback(w.$c);
    throw new TypeError(`execctx: unknown wire value ${JSON.stringify(w)}`);
  };
  function callback(id) {
    if (!callbacks.has(id)) {
      const fn = (...args) => port.post({ execctx: "callback", id, args: args.map((a) => encode(a, codec)) });
      callbacks.set(id, fn);
      wrappers.set(fn, id);
    }
    return callbacks.get(id);
  }

  const ops = {
    get: ([ref, key]) => Reflect.get(objects.get(ref), key),
    set: ([ref, key, value]) => Reflect.set(objects.get(ref), key, decode(value, resolve)),
    has: ([ref, key]) => Reflect.has(objects.get(ref), key),
    apply: ([ref, self, args]) => Reflect.apply(objects.get(ref), decode(self, resolve), args.map((a) => decode(a, resolve))),
    construct: ([ref, args]) => Reflect.construct(objects.get(ref), args.map((a) => decode(a, resolve))),
    sync: ([name, args]) => {
      const fn = expose[name];
      if (typeof fn !== "function") throw new TypeError(`execctx: the main thread exposes no sync function "${name}"`);
      return fn(...args.map((a) => decode(a, resolve)));
    },
    import: ([urls]) => Promise.all(urls.map((url) => import(url))),
  };

  async function run({ id, op, args, sync }) {
    let reply;
    try {
      if (!Object.hasOwn(ops, op)) throw new TypeError(`execctx: unknown operation ${op}`);
      reply = { ok: true, value: encode(await ops[op](args), codec) };
    } catch (e) {
      reply = { ok: false, error: errorData(e) };
    }
    if (sync) write(id, reply);
    else port.post({ execctx: "reply", id, ...reply });
  }

  function write(id, reply) {
    let bytes = encoder.encode(JSON.stringify(reply));
    if (HEADER + bytes.length > sab.byteLength) {
      if (HEADER + bytes.length > sab.maxByteLength) {
        const error = { name: "RangeError", message: `execctx: result of ${bytes.length} bytes exceeds the ${sab.maxByteLength}-byte sync buffer`, stack: "" };
        bytes = encoder.encode(JSON.stringify({ ok: false, error }));
      } else {
        sab.grow(HEADER + bytes.length);
      }
    }
    new Uint8Array(sab, HEADER, bytes.length).set(bytes);
    const i32 = new Int32Array(sab, 0, 4);
    Atomics.store(i32, LENGTH, bytes.length);
    Atomics.store(i32, CALL_ID, id);
    Atomics.store(i32, STATE, 1);
    Atomics.notify(i32, STATE);
  }

  port.listen((data) => {
    if (!ours(data)) return;
    switch (data.execctx) {
      case "call":
        run(data);
        break;
      case "release":
        for (const [id, n] of data.refs) held.release(id, n);
        break;
      case "result": {
        const p = pending.get(data.id);
        pending.delete(data.id);
        if (p) data.ok ? p.resolve(decode(data.value, resolve)) : p.reject(toError(data.error));
        break;
      }
      default:
        onMessage(data);
    }
  });

  return {
    /** Calls a function the worker exposed through sync; always a promise. */
    invoke(name, args) {
      const id = nextInvoke++;
      return new Promise((resolvePromise, reject) => {
        pending.set(id, { resolve: resolvePromise, reject });
        port.post({ execctx: "invoke", id, name, args: args.map((a) => encode(a, codec)) });
      });
    },
    /** Rejects every pending invocation, e.g. when the worker died. */
    fail(error) {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    },
    /** Rejects pending invocations and releases the worker's references: it is gone. */
    close(error) {
      this.fail(error);
      held.releaseAll();
    },
  };
}
