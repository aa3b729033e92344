// The `sync` object, the same on both sides of a worker: reading a name
// gives a function that calls the other side's function of that name, and
// assigning a function offers it to the other side under that name.

// Names that code probes on any object it is handed (await, JSON.stringify,
// older inspectors): reading them must not call the other side, whose
// refusal would surface as an unhandled rejection or a blocked worker.
const PROBES = new Set(["then", "toJSON", "inspect"]);
const TAG = "execctx.sync";

/**
 * syncObject builds a sync object. call(name, args) calls the other side's
 * function; offer(name, fn) makes fn callable from the other side. The
 * probes and every symbol read as undefined, except that the object turns
 * into the string "[object execctx.sync]" without asking the other side.
 */
export function syncObject(call, offer) {
  return new Proxy(Object.create(null), {
    get: (_, name) => {
      if (name === Symbol.toPrimitive) return () => `[object ${TAG}]`;
      if (name === Symbol.toStringTag) return TAG;
      if (typeof name === "symbol" || PROBES.has(name)) return undefined;
      return (...args) => call(name, args);
    },
    set: (_, name, fn) => {
      if (typeof name === "symbol" || PROBES.has(name)) {
        throw new TypeError(`execctx: sync cannot offer a function named "${String(name)}": reading then, toJSON or inspect never calls the other side`);
      }
      if (typeof fn !== "function") throw new TypeError(`execctx: sync.${name} can only be assigned a function; got ${typeof fn}`);
      offer(name, fn);
      return true;
    },
  });
}
