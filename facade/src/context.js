// createContext: one execution context. The component decides what every
// name is here; this file supplies the realm's hosts, turns the
// component's answers into JS values, and restarts the component after a
// trap.

import { compileComponent } from "./component.js";
import { Guest } from "./guest.js";
import { runtimeKind, nodeWorkers, inWorker, defaultBaseURL, interpreterName, pageConfigSources, explicitSource, syncBufferAllowed, WORKER_STATE } from "./env.js";
import { hostImports, localHandles, remoteHandles } from "./hosts.js";
import { prefetch } from "./fetch.js";
import { notSupported } from "./notsupported.js";
import { syncObject } from "./sync.js";
import { ObjectTable } from "./protocol/objects.js";
import { startWorker } from "./workers.js";

let realmObjects; // main's object table, shared by every context and worker of the realm

/**
 * createContext builds a context. options (all optional): config (text,
 * URL or object), interpreter ("micropython", "pyodide" or their aliases
 * "mpy", "py"), baseURL, timeout (ms a worker's blocking call to main may
 * wait before it fails, for the workers this context starts and, in a
 * worker, for this worker; default: no bound), readyTimeout (ms before
 * the `ready` of a worker this context starts rejects; default 60000,
 * negative: no bound), currentScript (a function returning the
 * main-thread script running now), and hostOverrides (tests: replace host
 * import functions, e.g. { environment: { describe } }).
 *
 * The config's experimental_ffi_timeout is no deadline: in PyScript it is
 * how long a worker caches main's values, and a blocking call waits as
 * long as main takes. It stays in the config, with no effect here.
 */
export async function createContext(options = {}) {
  const worker = globalThis[WORKER_STATE];
  const runtime = runtimeKind();
  const workerThreads = await nodeWorkers(runtime);
  const interpreter = interpreterName(options.interpreter ?? worker?.init.interpreter);
  const baseURL = String(options.baseURL ?? worker?.init.context.baseURL ?? (await defaultBaseURL()));
  const isWorker = inWorker(workerThreads);
  const channel = worker?.channel;
  const readyTimeout = milliseconds("readyTimeout", options.readyTimeout, READY_TIMEOUT);
  const timeout = milliseconds("timeout", options.timeout, NO_BOUND);
  realmObjects ??= new ObjectTable();

  const sources = options.config !== undefined ? explicitSource(options.config)
    : worker ? workerSources(worker.init.context)
    : pageConfigSources(interpreter);
  const realm = {
    report: {
      inWorker: isWorker,
      mainChannel: Boolean(channel),
      hasDocument: worker ? worker.init.context.mainHasDocument : typeof globalThis.document !== "undefined",
      syncUsable: isWorker ? Boolean(channel?.blocking) : syncBufferAllowed(),
      runtime,
      interpreter,
      baseUrl: baseURL,
      workerScriptId: worker?.init.context.scriptId,
    },
    sources,
    handles: channel ? remoteHandles(channel) : localHandles(realmObjects),
    fetched: new Map(),
    currentScript: options.currentScript ?? (() => globalThis.document?.currentScript ?? null),
    // A started worker waits here only until PyWorker returns its handle:
    // the realm keeps no worker alive (the caller's handle does).
    spawn: (url, opts) => {
      const handle = startWorker(url, opts, { workerThreads, objects: realmObjects, context: { baseURL, timeout, readyTimeout } });
      realm.spawned.set(++realm.lastSpawned, handle);
      return realm.lastSpawned;
    },
    spawned: new Map(),
    lastSpawned: 0,
  };
  const imports = merge(hostImports(realm), options.hostOverrides);
  const guest = new Guest(await compileComponent(), imports);

  const url = guest.call("config-url", (c) => c.configUrl());
  if (url) realm.fetched.set(url, await prefetch(url));
  const config = JSON.parse(guest.call("config", (c) => c.config()));
  if (channel && options.timeout !== undefined) channel.setTimeout(timeout);
  return build(guest, realm, channel, config);
}

const READY_TIMEOUT = 60_000; // ms: generous for an interpreter's start-up; a script that runs longer at top level raises it
const NO_BOUND = -1;

/** milliseconds validates createContext's option name: milliseconds, negative for no bound; fallback when not given. */
function milliseconds(name, ms, fallback) {
  if (ms === undefined) return fallback;
  if (typeof ms !== "number" || Number.isNaN(ms)) {
    throw new TypeError(`execctx: ${name} must be a number of milliseconds (negative: no bound); got ${typeof ms === "string" ? JSON.stringify(ms) : String(ms)}`);
  }
  return ms > 0x7fffffff ? NO_BOUND : ms; // past setTimeout's limit: no bound, as Infinity means
}

function workerSources({ config, configIsURL }) {
  if (config === null || config === undefined) return [];
  return [{ origin: "explicit", text: config, format: configIsURL ? "auto" : "json" }];
}

function merge(imports, overrides = {}) {
  for (const [name, fns] of Object.entries(overrides)) imports[name] = { ...imports[name], ...fns };
  return imports;
}

/** build turns the component's answers into the public context object. */
function build(guest, realm, channel, config) {
  const access = (name, what) => {
    const a = guest.call(name, (c) => c[name]());
    if (a.tag === "not-supported") return notSupported(a.val.name, a.val.message);
    return what(a.tag);
  };
  const window = access("window", (mode) => (mode === "direct" ? globalThis : channel.proxyFor(0)));
  const document = access("document", (mode) => (mode === "direct" ? globalThis.document : channel.proxyFor(1)));
  const sync = access("sync", () =>
    channel ? syncObject((name, args) => channel.sync(name, args), (name, fn) => channel.expose(name, fn)) : notSupported("pyscript.sync", "pyscript.sync works only in workers started by execctx (PyWorker)"));
  const RUNNING_IN_WORKER = guest.call("running-in-worker", (c) => c.runningInWorker());

  const js_import = jsImport(guest, RUNNING_IN_WORKER && channel);
  const PyWorker = RUNNING_IN_WORKER ? workerPyWorker(guest) : (url, options = {}) => {
    const id = guest.call("py-worker", (c) => c.pyWorker(String(url), JSON.stringify(options)));
    const handle = realm.spawned.get(id);
    realm.spawned.delete(id);
    return handle;
  };
  const current_target = () => guest.call("current-target", (c) => c.currentTarget());
  const js_modules = guest.call("js-modules", (c) => c.jsModules());
  const files = guest.call("files", (c) => c.files());

  return Object.freeze({
    RUNNING_IN_WORKER,
    config: Object.freeze(config),
    window,
    document,
    sync,
    js_import,
    PyWorker,
    current_target,
    js_modules: Object.freeze(js_modules.map((m) => Object.freeze({ ...m }))),
    /** The runtime the context runs in: "browser", "node", "deno" or "other". */
    runtime: realm.report.runtime,
    /** config files resolved: [{ url, path }] for an interpreter to fetch before it runs. */
    files: Object.freeze(files.map((f) => Object.freeze({ ...f }))),
  });
}

/**
 * refusal asks the component once, with a harmless call, whether an export
 * works here: the NotSupported value named name, with the component's own
 * message, where it does not; null where it does.
 */
function refusal(guest, exportName, probe, name) {
  try {
    guest.call(exportName, probe);
    return null;
  } catch (e) {
    return notSupported(name, e.message);
  }
}

/** js_import, or NotSupported where it does not work (a worker without SharedArrayBuffer). */
function jsImport(guest, channel) {
  return refusal(guest, "js-import", (c) => c.jsImport([]), "pyscript.js_import") ?? (async (...urls) => {
    const resolved = guest.call("js-import", (c) => c.jsImport(urls));
    return channel ? channel.importOnMain(resolved) : Promise.all(resolved.map((u) => import(u)));
  });
}

/** In a worker, PyWorker is NotSupported with the component's own message. */
function workerPyWorker(guest) {
  const ns = refusal(guest, "py-worker", (c) => c.pyWorker("worker.py", "{}"), "pyscript.PyWorker");
  if (!ns) throw new Error("execctx: the component allowed PyWorker in a worker");
  return ns;
}
