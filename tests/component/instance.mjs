// Instantiates the component transpiled into build/js (jco's async
// instantiation) with plain JS fakes of the execctx hosts, and watches the
// WASI adapter's allocations, for the component tests.
import { WASIShim } from "../../tools/node_modules/@bytecodealliance/preview2-shim/lib/common/instantiation.js";
import { readFile } from "node:fs/promises";

const out = new URL("../../build/js/", import.meta.url);
const { instantiate } = await import(new URL("execctx.js", out));

export const browserMain = { inWorker: false, hasDocument: true, syncUsable: true, runtime: "browser", interpreter: "micropython", baseUrl: "https://x.test/" };
// a worker PyWorker started (it has a channel to main), on a page without SharedArrayBuffer
export const workerNoSAB = { ...browserMain, inWorker: true, mainChannel: true, syncUsable: false };

function hosts(report, sources, wrapWasi) {
  const warnings = [];
  const title = { value: "" };
  const ours = {
    environment: {
      describe: () => report,
      configSources: () => sources,
      warn: (message) => warnings.push(message),
    },
    window: {
      get: (target, name) => (target === 1 && name === "title" ? { tag: "text", val: title.value } : { tag: "undefined" }),
      set: (target, name, value) => { if (target === 1 && name === "title") title.value = value.val; },
      call: () => { throw "not a function"; },
      release: () => {},
    },
    document: {
      getElementById: () => undefined, createElement: () => 2, insertAfter: () => {},
      tagName: () => "DIV", elementId: () => "", setElementId: () => {}, currentScript: () => undefined,
    },
    worker: { spawn: () => 7 },
    fetch: { fetchText: () => { throw "offline"; } },
  };
  const imports = wrapWasi({ ...new WASIShim().getImportObject(), ...new WASIShim().getImportObject({ asVersion: "0.2.3" }) });
  for (const [name, impl] of Object.entries(ours)) {
    imports[`execctx:context/${name}`] = impl;
    imports[`execctx:context/${name}@0.1.0`] = impl;
  }
  return { imports, warnings, title };
}

/**
 * start instantiates the component. It returns the context exports, the
 * fakes' state, the core module's memory, and the allocations the WASI
 * adapter made through cabi_realloc_adapter, in order. wrapWasi may
 * replace the WASI part of the import object (wasi.test.mjs traces it).
 */
export async function start(report, sources = [], { wrapWasi = (wasi) => wasi } = {}) {
  const h = hosts(report, sources, wrapWasi);
  const adapter = { allocations: [], memory: undefined };
  const getCoreModule = async (path) => WebAssembly.compile(await readFile(new URL(path, out)));
  const exports = await instantiate(getCoreModule, h.imports, (module, imports) => watch(adapter, module, imports));
  return { ctx: exports.context ?? exports["execctx:context/context@0.1.0"], adapter, ...h };
}

// watch instantiates a core module; for the main one, it wraps
// cabi_realloc_adapter to record what the adapter allocates.
async function watch(adapter, module, imports) {
  const instance = await WebAssembly.instantiate(module, imports);
  const realloc = instance.exports.cabi_realloc_adapter;
  if (!realloc) return instance;
  adapter.memory = instance.exports.memory;
  const recorded = (old, oldSize, align, size) => {
    const at = realloc(old, oldSize, align, size);
    adapter.allocations.push({ at, size });
    return at;
  };
  return { exports: { ...instance.exports, cabi_realloc_adapter: recorded } };
}
