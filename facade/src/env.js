// What the facade can tell about the realm it runs in, for the component's
// environment report. The decisions made from it are the component's.

/** Where the worker bootstrap leaves { channel, init } for the worker's contexts (worker-entry.js). */
export const WORKER_STATE = Symbol.for("execctx.worker");

/** The runtime kind, as the WIT enum names it. */
export function runtimeKind() {
  if (typeof globalThis.Deno !== "undefined") return "deno";
  if (typeof globalThis.process !== "undefined" && globalThis.process.versions?.node) return "node";
  if (typeof globalThis.window !== "undefined" || typeof globalThis.WorkerGlobalScope !== "undefined") return "browser";
  return "other";
}

/** Node's worker_threads, in runtimes that have it (Node, Deno). */
export async function nodeWorkers(runtime) {
  if (runtime !== "node") return null;
  return import("node:worker_threads");
}

/** Whether this realm is a worker thread (see README: a Node main thread is not). */
export function inWorker(workerThreads) {
  if (globalThis[WORKER_STATE]) return true;
  if (typeof globalThis.WorkerGlobalScope !== "undefined" && globalThis instanceof globalThis.WorkerGlobalScope) return true;
  return workerThreads ? !workerThreads.isMainThread : false;
}

/**
 * Whether this realm can give workers a sync buffer: Node and Deno have
 * SharedArrayBuffer; a browser only on a cross-origin isolated page.
 */
export const syncBufferAllowed = () => globalThis.crossOriginIsolated !== false;

/** The URL relative URLs resolve against: the page, or the working directory. */
export async function defaultBaseURL() {
  if (globalThis.location?.href) return globalThis.location.href;
  if (typeof globalThis.process?.cwd === "function") {
    const { pathToFileURL } = await import("node:url");
    return pathToFileURL(`${globalThis.process.cwd()}/`).href;
  }
  return "file:///";
}

/** "micropython", "pyodide" or "", from a type or its alias. */
export function interpreterName(type) {
  const names = { micropython: "micropython", mpy: "micropython", pyodide: "pyodide", py: "pyodide" };
  if (type === undefined || type === "" || type === "module") return "";
  if (!Object.hasOwn(names, type)) {
    throw new TypeError(`execctx: interpreter must be "micropython" or "pyodide" (aliases "mpy", "py"); got ${JSON.stringify(type)}`);
  }
  return names[type];
}

/**
 * The config candidates of a browser main thread (spec §3.1): <py-config>
 * or <mpy-config> elements, and config attributes of non-worker scripts.
 */
export function pageConfigSources(interpreter) {
  const doc = globalThis.document;
  if (!doc?.querySelectorAll) return [];
  const t = interpreter === "micropython" ? "mpy" : "py";
  const sources = [];
  for (const el of doc.querySelectorAll(`${t}-config`)) {
    const src = el.getAttribute("src");
    const type = el.getAttribute("type");
    sources.push({ origin: "tag", text: src || el.textContent, format: type === "json" || type === "toml" ? type : "auto" });
  }
  for (const el of doc.querySelectorAll(`script[type="${t}"][config]:not([worker]), ${t}-script[config]:not([worker])`)) {
    sources.push({ origin: "attribute", text: el.getAttribute("config"), format: "auto" });
  }
  return sources;
}

/** An explicit config (text, URL or object) as a config source. */
export function explicitSource(config) {
  if (config === undefined || config === null) return [];
  if (typeof config === "string") return [{ origin: "explicit", text: config, format: "auto" }];
  if (typeof config === "object") return [{ origin: "explicit", text: JSON.stringify(config), format: "json" }];
  throw new TypeError(`execctx: config must be text, a URL or an object; got ${typeof config}`);
}
