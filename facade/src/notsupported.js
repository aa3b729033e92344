// NotSupported: a name that does not work in this context. Any use of it
// throws an Error with the exact message PyScript uses; only `name`,
// `message`, `toString` (the original's repr) and `then` (undefined, so
// that awaiting it does not throw) can be read.

const inspect = Symbol.for("nodejs.util.inspect.custom");

/** @returns {object} a NotSupported value */
export function notSupported(name, message) {
  const repr = `<NotSupported ${name} [${message}]>`;
  const readable = {
    name,
    message,
    toString: () => repr,
    then: undefined,
    [Symbol.toPrimitive]: () => repr,
    [Symbol.toStringTag]: "NotSupported",
    [inspect]: () => repr,
  };
  const fail = () => {
    throw new Error(message);
  };
  return new Proxy(function NotSupported() {}, {
    get: (_, key) => (Object.hasOwn(readable, key) ? readable[key] : fail()),
    has: (_, key) => Object.hasOwn(readable, key),
    set: fail,
    deleteProperty: fail,
    defineProperty: fail,
    apply: fail,
    construct: fail,
  });
}

/** Reports whether v was made by notSupported. */
export const isNotSupported = (v) => typeof v === "function" && v[Symbol.toStringTag] === "NotSupported";
