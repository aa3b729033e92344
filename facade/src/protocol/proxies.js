// The worker's proxies of main's objects. A proxy turns every get, set,
// has, call and construct into a blocking call to main. When one is
// garbage collected, main is told how many of its references it stood for
// (see RemoteRefs and PROTOCOL.md).

import { RemoteRefs } from "./remote.js";

const REF = Symbol("execctx.ref");

/** The main object id behind a proxy made here, or undefined. */
export const idOf = (v) => ((typeof v === "function" || (v !== null && typeof v === "object")) ? v[REF] : undefined);

/**
 * remoteObjects keeps the worker's proxies of main's objects, at most one
 * live proxy per id. call(op, args) is a blocking call to main;
 * encodeAll(values) the values' wire forms, for one message; port carries
 * the release messages.
 */
export function remoteObjects(port, call, encodeAll) {
  const handler = proxyHandler(call, encodeAll);
  return new RemoteRefs((id) => {
    const target = function remote() {};
    target[REF] = id;
    return new Proxy(target, handler);
  }, (message) => port.post(message));
}

/** The Proxy handler shared by every proxy: the target carries the id. */
function proxyHandler(call, encodeAll) {
  return {
    get(target, key) {
      if (key === REF) return target[REF];
      if (key === "then" || typeof key === "symbol") return undefined;
      return call("get", [target[REF], key]);
    },
    set: (target, key, value) => call("set", [target[REF], key, ...encodeAll([value])]),
    has: (target, key) => typeof key === "string" && call("has", [target[REF], key]),
    apply: (target, self, list) => {
      const [wireSelf, ...args] = encodeAll([self, ...list]);
      return call("apply", [target[REF], wireSelf, args]);
    },
    construct: (target, list) => call("construct", [target[REF], encodeAll(list)]),
  };
}
