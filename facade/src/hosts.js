// The host imports the component calls: environment, window, document,
// worker and fetch. On the main thread handles name real objects; in a
// worker they name main's objects and resolve to proxies, so the same code
// serves both.

/**
 * Handles of the main thread's own objects, with the ids the protocol uses.
 * The guest holds what it was handed until it releases the handle.
 */
export function localHandles(table) {
  const held = table.holder();
  return { get: (h) => table.get(h), idOf: (v) => held.hold(v), release: (h) => held.release(h, 1) }; // one reference per release, as the WIT counts them
}

/** Handles of main's objects as a worker sees them, through its channel. */
export function remoteHandles(channel) {
  return {
    get: (h) => channel.proxyFor(h),
    idOf: (v) => {
      const id = channel.idOf(v);
      if (id === undefined) throw new TypeError("execctx: only main's objects can be handles in a worker");
      return id;
    },
    release: () => {}, // proxies are released when collected
  };
}

/** The WIT value of a JS value. */
export function toWIT(v, handles) {
  switch (typeof v) {
    case "undefined":
      return { tag: "undefined" };
    case "boolean":
      return { tag: "boolean", val: v };
    case "number":
      return { tag: "number", val: v };
    case "string":
      return { tag: "text", val: v };
    case "bigint":
      return { tag: "text", val: String(v) };
  }
  if (v === null) return { tag: "null" };
  return { tag: "object", val: handles.idOf(v) };
}

/** The JS value of a WIT value. */
export function fromWIT(w, handles) {
  switch (w.tag) {
    case "undefined":
      return undefined;
    case "null":
      return null;
    case "object":
      return handles.get(w.val);
  }
  return w.val;
}

// A thrown string becomes the WIT result's error; a thrown Error would
// escape through the guest instead, so every fallible import goes through this.
const asResult = (fn) => (...args) => {
  try {
    return fn(...args);
  } catch (e) {
    throw e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
};

/**
 * hostImports builds the import object. realm has: report, sources,
 * handles, fetched (url → prefetched response), spawn(url, options) and
 * currentScript() (a main-thread element or null).
 */
export function hostImports(realm) {
  return {
    environment: {
      describe: () => realm.report,
      configSources: () => realm.sources,
      warn: (message) => console.warn(message),
    },
    window: windowHost(realm.handles),
    document: documentHost(realm.handles, realm.currentScript),
    worker: {
      spawn: asResult((url, options) => realm.spawn(url, options)),
    },
    fetch: {
      fetchText: asResult((url) => prefetched(realm.fetched, url)),
    },
  };
}

/** The window import: property access on any handle's object. */
function windowHost(handles) {
  const el = (h) => handles.get(h);
  const wit = (v) => toWIT(v, handles);
  return {
    get: asResult((target, name) => wit(el(target)[name])),
    set: asResult((target, name, value) => {
      el(target)[name] = fromWIT(value, handles);
    }),
    call: asResult((target, method, args) => wit(el(target)[method](...args.map((a) => fromWIT(a, handles))))),
    release: (h) => handles.release(h),
  };
}

/** The document import: the little of the DOM the context logic needs. */
function documentHost(handles, currentScript) {
  const el = (h) => handles.get(h);
  const handleOf = (v) => (v ? handles.idOf(v) : undefined);
  return {
    getElementById: (id) => handleOf(el(1).getElementById(id)),
    createElement: asResult((tag) => handles.idOf(el(1).createElement(tag))),
    insertAfter: asResult((reference, element) => {
      el(reference).after(el(element));
    }),
    tagName: (h) => el(h).tagName,
    elementId: (h) => el(h).id,
    setElementId: (h, id) => {
      el(h).id = id;
    },
    currentScript: () => handleOf(currentScript()),
  };
}

/** The response fetched for url before the component asked (see fetch.js). */
function prefetched(fetched, url) {
  const r = fetched.get(url);
  if (!r) throw new Error(`execctx: ${url} was not fetched before config() asked for it`);
  if (r.error !== undefined) throw r.error;
  return r;
}
