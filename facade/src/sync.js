// The `sync` object, the same on both sides of a worker: reading a name
// gives a function that calls the other side's function of that name, and
// assigning a function offers it to the other side under that name.

/**
 * syncObject builds a sync object. call(name, args) calls the other side's
 * function; offer(name, fn) makes fn callable from the other side. `then`
 * reads as undefined so that awaiting the object does not call the other
 * side, and assigning anything but a function is refused.
 */
export function syncObject(call, offer) {
  return new Proxy(Object.create(null), {
    get: (_, name) => (name === "then" || typeof name === "symbol" ? undefined : (...args) => call(name, args)),
    set: (_, name, fn) => {
      if (name === "then" || typeof name === "symbol" || typeof fn !== "function") return false;
      offer(name, fn);
      return true;
    },
  });
}
