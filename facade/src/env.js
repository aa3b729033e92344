// What the facade can tell about the realm it runs in, for the component's
// environment report. The decisions made from it are the component's.

import { builtin } from "./builtin.js";

/** Where the worker bootstrap leaves { channel, init } for the worker's contexts, a promise of it until then (worker-entry.js). */
export const WORKER_STATE = Symbol.for("execctx.worker");

/** The runtime kind, as the WIT enum names it. */
export function runtimeKind() {
  if (typeof globalThis.Deno !== "undefined") return "deno";
  if (typeof globalThis.process !== "undefined" && globalThis.process.versions?.node) return "node";
  if (typeof globalThis.window !== "undefined" || typeof globalThis.WorkerGlobalScope !== "undefined") return "browser";
  return "other";
}

/**
 * node:worker_threads in the runtimes that have it (Node, Deno), else
 * null. Deno has it too: a worker_threads Worker there is no Web Worker
 * (no WorkerGlobalScope), and only isMainThread tells it from a main
 * thread.
 */
export async function workerThreadsOf(runtime) {
  return runtime === "node" || runtime === "deno" ? builtin("node:worker_threads") : null;
}

/**
 * realmReport is the environment report of this realm: facts only. worker
 * is what the execctx bootstrap left (WORKER_STATE), if it started this
 * worker; interpreter is the component's name for it.
 */
export function realmReport({ worker, threads, runtime, interpreter, baseURL }) {
  const channel = worker?.channel;
  return {
    inWorker: inWorker(threads),
    mainChannel: Boolean(channel),
    hasDocument: worker ? worker.init.context.mainHasDocument : typeof globalThis.document !== "undefined",
    // with a channel: whether its calls to main block (main shared a sync buffer, or the
    // service-worker relay answered it); else whether this realm could
    syncUsable: channel ? channel.blocking : syncBufferAllowed(),
    runtime,
    interpreter,
    baseUrl: baseURL,
    workerScriptId: worker?.init.context.scriptId,
  };
}

/**
 * Whether this realm is a worker thread (see README: a Node main thread is
 * not). threads is node:worker_threads where the runtime has it; a Deno
 * Web Worker's isMainThread is true, hence the WorkerGlobalScope check.
 */
function inWorker(threads) {
  if (globalThis[WORKER_STATE]) return true;
  if (typeof globalThis.WorkerGlobalScope !== "undefined" && globalThis instanceof globalThis.WorkerGlobalScope) return true;
  return threads ? !threads.isMainThread : false;
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
    const { pathToFileURL } = await builtin("node:url");
    return pathToFileURL(`${globalThis.process.cwd()}/`).href;
  }
  return "file:///";
}

/**
 * The config candidates of a browser main thread (spec §3.1): <py-config>
 * or <mpy-config> elements, and config attributes of non-worker scripts,
 * for scripts of type t ("py" or "mpy", as the component names it).
 */
export function pageConfigSources(t) {
  const doc = globalThis.document;
  if (!doc?.querySelectorAll) return [];
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
