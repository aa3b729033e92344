// Encoding of values that cross between a worker and its main thread.
// See facade/PROTOCOL.md for the format. Primitives and plain data travel
// by value; every other object, and every function, travels as a reference
// to the side that owns it.

import { errorData, toError } from "./errors.js";

const OBJECT_PROTO = Object.prototype;

/** Whether v is plain data: an array or an object of the Object prototype. */
const isPlain = (v) =>
  Array.isArray(v) || (v !== null && typeof v === "object" && [OBJECT_PROTO, null].includes(Object.getPrototypeOf(v)));

/**
 * encode turns v into JSON-safe data. ref(v) names a local object or
 * function as a reference and returns its wire form; remote(v) returns the
 * wire form of a proxy of the other side's object, or undefined. A plain
 * array or object met again (shared, or a cycle) becomes a back-reference
 * to its first copy, seen numbering them in the order they were met.
 */
export function encode(v, { ref, remote }, seen = new Map()) {
  switch (typeof v) {
    case "undefined":
      return { $u: 1 };
    case "number":
      if (Object.is(v, -0)) return { $n: "-0" }; // JSON would make it 0
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
  if (typeof v === "function" || !isPlain(v)) return ref(v);
  if (seen.has(v)) return { $p: seen.get(v) };
  seen.set(v, seen.size);
  const inner = (x) => encode(x, { ref, remote }, seen);
  if (Array.isArray(v)) return { $a: v.map(inner) };
  const o = {};
  for (const [k, x] of Object.entries(v)) put(o, k, inner(x));
  return { $o: o };
}

/**
 * decode is encode's inverse; resolve(wire) maps a reference to a value.
 * made collects the arrays and objects decoded so far, for back-references.
 */
export function decode(w, resolve, made = []) {
  if (w === null || typeof w !== "object") return w;
  if ("$u" in w) return undefined;
  if ("$n" in w) return Number(w.$n);
  if ("$b" in w) return BigInt(w.$b);
  if ("$p" in w) return made[w.$p];
  if ("$a" in w) {
    const a = [];
    made.push(a); // before its items, in the order encode numbered it
    for (const x of w.$a) a.push(decode(x, resolve, made));
    return a;
  }
  if ("$o" in w) {
    const o = {};
    made.push(o);
    for (const [k, x] of Object.entries(w.$o)) put(o, k, decode(x, resolve, made));
    return o;
  }
  if ("$e" in w) return toError(w.$e);
  return resolve(w);
}

// put defines a data property, so that a "__proto__" key stays a key
// instead of replacing the prototype.
const put = (o, k, v) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
