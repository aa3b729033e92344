// Named workers: PyScript's `workers` registry (spec §7.3). A worker
// started with a name (PyWorker's name option; create_named_worker in
// Python) is registered here, and workers[name] is a promise of its sync
// once it is ready, pending until a worker of that name appears, as in
// polyscript. The registry is the realm's (main thread's) own.

// Names that never name a worker, as polyscript guards them: awaiting the
// registry, or probing it as a dict or iterator, must not create entries.
const RESERVED = new Set(["__dict__", "constructor", "get", "has", "includes", "next", "set", "then"]);

const entries = new Map(); // name → { promise, resolve, named, handle }

/**
 * workers[HANDLES]: the handles of the named workers, for tests to end
 * them (a Node or Deno process lives as long as its workers; the registry
 * keeps them, as PyScript's keeps them for the page's life).
 */
export const HANDLES = Symbol.for("execctx.namedWorkers");

function entry(name) {
  let e = entries.get(name);
  if (!e) {
    e = { named: false };
    e.promise = new Promise((resolve) => (e.resolve = resolve));
    // A named worker whose start fails rejects its entry; that must not be
    // an unhandled rejection when nobody asked for it (Node exits on one).
    e.promise.catch(() => {});
    entries.set(name, e);
  }
  return e;
}

/** nameWorker registers handle under name; the first worker of a name wins, as in polyscript. */
export function nameWorker(name, handle) {
  const e = entry(name);
  if (e.named) return;
  e.named = true;
  e.handle = handle;
  e.resolve(handle.ready.then(() => handle.sync));
}

/** workers[name]: a promise of the named worker's sync; undefined for reserved and non-string names. */
export const workers = Object.freeze(
  new Proxy(Object.create(null), {
    get: (_, name) => {
      if (name === HANDLES) return [...entries.values()].flatMap((e) => (e.handle ? [e.handle] : []));
      return typeof name !== "string" || RESERVED.has(name) ? undefined : entry(name).promise;
    },
    has: (_, name) => typeof name === "string" && entries.get(name)?.named === true,
    set: () => false,
  }),
);
