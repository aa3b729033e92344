// Loads the transpiled component. Each realm compiles the core modules
// once; instantiating them again (a new context, or a fresh instance after
// a trap) is synchronous and cheap.

import { instantiate } from "./component/execctx.js";
import cores, { inlined } from "./component/cores.js";
import { wasiImports } from "./wasi.js";
import { load } from "./load.js";

let compiled; // Promise<{ wasi, modules: Map<name, WebAssembly.Module> }>, once per realm
let modulesNow; // the modules, once compiled: what workers are given

// compile compiles one core module; over HTTP it compiles while it
// downloads when the server sends the wasm MIME type. The small modules
// come inlined in cores.js: a request each would cost more than they do.
async function compile(name) {
  const bytes = inlined(name);
  if (bytes) return WebAssembly.compile(bytes);
  const url = new URL(`./component/${name}`, import.meta.url);
  if (url.protocol === "file:") return WebAssembly.compile(await load(url, "bytes", "the component"));
  const response = await (startedDownload(url) ?? fetch(url));
  if (!response.ok) throw new Error(`execctx: fetching ${url} failed with ${response.status} ${response.statusText}`);
  if (response.headers.get("content-type")?.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer()); // a server without the wasm MIME type
}

// The bundle's index.js starts the core's download on a page's main
// thread before it loads the rest (facade/bundle/core-first.js): compile
// takes that response, once, instead of fetching again.
const CORE_DOWNLOAD = Symbol.for("execctx.coreDownload");

function startedDownload(url) {
  const started = globalThis[CORE_DOWNLOAD];
  if (started?.href !== url.href) return undefined;
  delete globalThis[CORE_DOWNLOAD];
  return started.response;
}

/** Compiles the component's core modules and loads the WASI shim, once per realm. */
export function compileComponent() {
  compiled ??= Promise.all([wasiImports(), ...cores.map(async (name) => [name, await compile(name)])]).then(
    ([wasi, ...pairs]) => adopt(wasi, new Map(pairs)),
  );
  return compiled;
}

function adopt(wasi, modules) {
  modulesNow = modules;
  return { wasi, modules };
}

/**
 * compiledModules returns this realm's compiled core modules, or
 * undefined before they are. Main sends them to every worker it starts,
 * so that a worker neither downloads nor compiles the component again.
 */
export const compiledModules = () => modulesNow;

/**
 * useCompiledModules makes this realm use modules (main's, from the
 * worker's init message) instead of compiling its own. It must run before
 * the realm's first compileComponent; a Map with another set of names
 * (another build of the package) is ignored.
 */
export function useCompiledModules(modules) {
  const complete = modules instanceof Map && cores.every((name) => modules.get(name) instanceof WebAssembly.Module);
  if (compiled || !complete) return;
  compiled = wasiImports().then((wasi) => adopt(wasi, modules));
}

/**
 * instantiateComponent makes a fresh instance with the given execctx host
 * imports (environment, window, document, worker, fetch) and returns its
 * context interface. compileComponent must have resolved.
 */
export function instantiateComponent({ wasi, modules }, hosts) {
  const imports = { ...wasi };
  for (const [name, impl] of Object.entries(hosts)) imports[`execctx:context/${name}`] = impl;
  const exports = instantiate((name) => modules.get(name), imports);
  return exports.context;
}
