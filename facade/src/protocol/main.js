// The main thread's side of the protocol: it owns the objects a worker
// reaches through proxies and runs the worker's requests.

import { encode, decode, errorData, toError } from "./wire.js";
import { ours, ANSWERED, LENGTH, HEADER } from "./port.js";
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

  let awaited = 0; // the sync call the worker waits on: the last one it sent
  // codecFor encodes for one message, noting in refs every reference it
  // holds for the worker, so that a message never delivered gives them back.
  const codecFor = (refs) => ({
    ref: (v) => {
      const id = held.hold(v);
      refs.push(id);
      return { $r: id };
    },
    remote: (v) => (wrappers.has(v) ? { $c: wrappers.get(v) } : undefined),
  });
  const codec = codecFor([]);
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
    if (sync) awaited = id;
    const refs = [];
    let reply;
    try {
      if (!Object.hasOwn(ops, op)) throw new TypeError(`execctx: unknown operation ${op}`);
      reply = { ok: true, value: encode(await ops[op](args), codecFor(refs)) };
    } catch (e) {
      reply = { ok: false, error: errorData(e) };
    }
    if (!sync) port.post({ execctx: "reply", id, ...reply });
    else if (id !== awaited || !write(id, reply)) for (const ref of refs) held.release(ref, 1);
  }

  // write puts the answer to call id in the sync buffer and wakes the
  // worker. It returns false when the answer did not fit, and an error
  // saying so was written instead.
  function write(id, reply) {
    let bytes = encoder.encode(JSON.stringify(reply));
    let fits = true;
    if (HEADER + bytes.length > sab.byteLength) {
      fits = HEADER + bytes.length <= sab.maxByteLength;
      if (fits) sab.grow(HEADER + bytes.length);
      else {
        const error = { name: "RangeError", message: `execctx: result of ${bytes.length} bytes exceeds the ${sab.maxByteLength}-byte sync buffer`, stack: "" };
        bytes = encoder.encode(JSON.stringify({ ok: false, error }));
      }
    }
    new Uint8Array(sab, HEADER, bytes.length).set(bytes);
    const i32 = new Int32Array(sab, 0, 2);
    Atomics.store(i32, LENGTH, bytes.length);
    Atomics.store(i32, ANSWERED, id);
    Atomics.notify(i32, ANSWERED);
    return fits;
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
