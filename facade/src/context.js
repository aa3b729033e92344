// createContext: one execution context. The component decides what every
// name is here; this file supplies the realm's hosts, turns the
// component's answers into JS values, and restarts the component after a
// trap.

import { compileComponent } from "./component.js";
import { Guest } from "./guest.js";
import { runtimeKind, workerThreadsOf, realmReport, defaultBaseURL, pageConfigSources, explicitSource, WORKER_STATE } from "./env.js";
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
  // A worker's state is a promise until the bootstrap has connected it
  // (worker-entry.js), and only then has main's compiled component.
  const worker = await globalThis[WORKER_STATE];
  // Download and compile first: everything before the guest runs can
  // happen meanwhile. (A failure is seen where it is awaited, below.)
  const compiling = compileComponent();
  compiling.catch(() => {});
  const runtime = runtimeKind();
  const threads = await workerThreadsOf(runtime);
  const workerThreads = runtime === "node" ? threads : null; // what startWorker starts workers on; Deno and browsers use Worker
  const baseURL = String(options.baseURL ?? worker?.init.context.baseURL ?? (await defaultBaseURL()));
  const channel = worker?.channel;
  const readyTimeout = milliseconds("readyTimeout", options.readyTimeout, READY_TIMEOUT);
  const timeout = milliseconds("timeout", options.timeout, NO_BOUND);
  realmObjects ??= new ObjectTable();

  const realm = {
    report: undefined, // the guest asks only once the interpreter is known (below)
    sources: undefined,
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
  const guest = new Guest(await compiling, merge(hostImports(realm), options.hostOverrides));
  const interpreter = resolveInterpreter(guest, options.interpreter ?? worker?.init.interpreter);
  realm.report = realmReport({ worker, threads, runtime, interpreter: interpreter.name, baseURL });
  realm.sources = options.config !== undefined ? explicitSource(options.config)
    : worker ? workerSources(worker.init.context)
    : pageConfigSources(interpreter.scriptType);

  const url = guest.call("config-url", (c) => c.configUrl());
  if (url) realm.fetched.set(url, await prefetch(url));
  const config = JSON.parse(guest.call("config", (c) => c.config()));
  if (channel && options.timeout !== undefined) channel.setTimeout(timeout);
  const context = build(guest, realm, channel, config);
  internals.set(context, { guest, realm });
  return context;
}

const internals = new WeakMap(); // context → { guest, realm }: its component instance and hosts, for the functions below

/**
 * resolveInterpreter asks the component for an interpreter's name and
 * script type ({ name, scriptType }) from a name or alias; none ("" or
 * "module") is { name: "", scriptType: "py" }. An unknown name is a
 * TypeError with the component's message (a trap stays what it is).
 */
function resolveInterpreter(guest, name = "") {
  try {
    return guest.call("interpreter", (c) => c.interpreter(String(name)));
  } catch (e) {
    throw e.cause ? e : new TypeError(e.message);
  }
}

/** interpreterOf resolves an interpreter name or alias through context's component (see resolveInterpreter). */
export function interpreterOf(context, name) {
  return resolveInterpreter(internalsOf(context).guest, name);
}

/**
 * pageScript reads a tag of the page (<script type="py|mpy">,
 * <py-script>, <mpy-script>) through context's component, as PyScript
 * runs it: { scriptType, worker, id, src, code, runAsync, name, config,
 * serviceWorker } (WIT page-script). It throws PyScript's message for a
 * tag PyScript refuses. Worker ids count per context: read a page's tags
 * with one.
 */
export function pageScript(context, element) {
  const { guest, realm } = internalsOf(context);
  return guest.call("page-script", (c) => c.pageScript(realm.handles.idOf(element)));
}

function internalsOf(context) {
  const inner = internals.get(context);
  if (!inner) throw new TypeError("execctx: context must be a context made by createContext");
  return inner;
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
  // decided asks the component what a name is here: NotSupported with its
  // name and message, or what make builds for the mode it gave.
  const decided = (exportName, ask, make) => {
    const a = guest.call(exportName, ask);
    return a.tag === "not-supported" ? notSupported(a.val.name, a.val.message) : make(a.tag);
  };
  // In a worker the component says "proxied" or "async-only" only where
  // the host reported a channel to main; the channel blocks or not.
  const window = decided("window", (c) => c.window(), (mode) => (mode === "direct" ? globalThis : channel.proxyFor(0)));
  const document = decided("document", (c) => c.document(), (mode) => (mode === "direct" ? globalThis.document : channel.proxyFor(1)));
  const sync = decided("sync", (c) => c.sync(), () => syncObject((name, args) => channel.sync(name, args), (name, fn) => channel.expose(name, fn)));
  const js_import = decided("js-import-access", (c) => c.jsImportAccess(), (mode) => jsImport(guest, mode === "direct" ? null : channel));
  const PyWorker = decided("py-worker-access", (c) => c.pyWorkerAccess(), () => pyWorker(guest, realm));
  const RUNNING_IN_WORKER = guest.call("running-in-worker", (c) => c.runningInWorker());
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

/** js_import: it imports in this realm, or, given main's channel, on main. */
function jsImport(guest, channel) {
  return async (...urls) => {
    const resolved = guest.call("js-import", (c) => c.jsImport(urls));
    return channel ? channel.importOnMain(resolved) : Promise.all(resolved.map((u) => import(u)));
  };
}

/** PyWorker: the component validates the call and has the realm start the worker. */
function pyWorker(guest, realm) {
  return (url, options = {}) => {
    const id = guest.call("py-worker", (c) => c.pyWorker(String(url), JSON.stringify(options)));
    const handle = realm.spawned.get(id);
    realm.spawned.delete(id);
    return handle;
  };
}
