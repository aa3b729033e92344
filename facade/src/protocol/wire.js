// Encoding of values that cross between a worker and its main thread.
// See facade/PROTOCOL.md for the format. Primitives and plain data travel
// by value; every other object, and every function, travels as a reference
// to the side that owns it.

const OBJECT_PROTO = Object.prototype;

/** Whether v is plain data: an array or an object of the Object prototype. */
const isPlain = (v) =>
  Array.isArray(v) || (v !== null && typeof v === "object" && [OBJECT_PROTO, null].includes(Object.getPrototypeOf(v)));

/**
 * encode turns v into JSON-safe data. ref(v) names a local object or
 * function as a reference and returns its wire form; remote(v) returns the
 * wire form of a proxy of the other side's object, or undefined.
 */
export function encode(v, { ref, remote }, seen = new Set()) {
  switch (typeof v) {
    case "undefined":
      return { $u: 1 };
    case "number":
      return Number.isFinite(v) ? v : { $n: String(v) };
    case "bigint":
      return { $b: String(v) };
    case "string":
    case "boolean":
      return v;
    case "symbol":
      throw new TypeError("execctx: symbols cannot cross between threads");
  }
  if (v === null) return null;
  const r = remote(v);
  if (r !== undefined) return r;
  if (v instanceof Error) return { $e: errorData(v) };
  if (typeof v !== "function" && isPlain(v) && !seen.has(v)) {
    seen.add(v);
    if (Array.isArray(v)) return { $a: v.map((x) => encode(x, { ref, remote }, seen)) };
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = encode(x, { ref, remote }, seen);
    return { $o: o };
  }
  return ref(v);
}

/** decode is encode's inverse; resolve(wire) maps a reference to a value. */
export function decode(w, resolve) {
  if (w === null || typeof w !== "object") return w;
  if ("$u" in w) return undefined;
  if ("$n" in w) return Number(w.$n);
  if ("$b" in w) return BigInt(w.$b);
  if ("$a" in w) return w.$a.map((x) => decode(x, resolve));
  if ("$o" in w) {
    const o = {};
    for (const [k, x] of Object.entries(w.$o)) o[k] = decode(x, resolve);
    return o;
  }
  if ("$e" in w) return toError(w.$e);
  return resolve(w);
}

/** The parts of an error that cross: name, message and stack. */
export function errorData(e) {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack ?? "" };
  return { name: "Error", message: String(e), stack: "" };
}

/** Rebuilds an error with the other side's name, message and stack. */
export function toError({ name, message, stack }) {
  const Ctor = globalThis[name] && globalThis[name].prototype instanceof Error ? globalThis[name] : Error;
  const e = new Ctor(message);
  if (e.name !== name) Object.defineProperty(e, "name", { value: name, configurable: true, writable: true });
  if (stack) e.stack = stack;
  return e;
}
