// runPython: run Python source in MicroPython or Pyodide with execctx's
// `pyscript` module registered, on the main thread or in a worker. The
// interpreters are the npm packages @micropython/micropython-webassembly-pyscript
// and pyodide, optional peer dependencies.

import { createContext } from "../context.js";
import { isNotSupported } from "../notsupported.js";

let layer; // the Python layer's source, read once per realm

async function pyscriptSource() {
  const url = new URL("./pyscript.py", import.meta.url);
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return readFile(url, "utf8");
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`execctx: fetching ${url} failed with ${response.status}`);
  return response.text();
}

async function loadInterpreter(type, output) {
  if (type === "pyodide") return loadPyodideCore(output);
  if (type !== "micropython") {
    throw new Error(`execctx: runPython runs "micropython" or "pyodide" (aliases "mpy", "py"); got ${JSON.stringify(type)}`);
  }
  const mp = await importFirst([
    "@micropython/micropython-webassembly-pyscript",
    // an unbundled page: the package beside execctx, or in the repository's npm/
    new URL("../../../@micropython/micropython-webassembly-pyscript/micropython.mjs", import.meta.url).href,
    new URL("../../node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs", import.meta.url).href,
  ]).catch((e) => {
    throw new Error("execctx: install @micropython/micropython-webassembly-pyscript 1.27.0 (and serve it) to run MicroPython", { cause: e });
  });
  return mp.loadMicroPython({ stdout: output.stdout, stderr: output.stderr });
}

// Pyodide's core only: no packages are downloaded at run time.
async function loadPyodideCore(output) {
  const pyodide = await importFirst([
    "pyodide",
    new URL("../../../pyodide/pyodide.mjs", import.meta.url).href,
    new URL("../../node_modules/pyodide/pyodide.mjs", import.meta.url).href,
  ]).catch((e) => {
    throw new Error("execctx: install pyodide 314.0.7 (and serve it) to run Pyodide", { cause: e });
  });
  return pyodide.loadPyodide({ stdout: output.stdout, stderr: output.stderr });
}

/** importFirst imports the first specifier that loads. */
async function importFirst(specifiers) {
  let last;
  for (const s of specifiers) {
    try {
      return await import(s);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

/**
 * loadModules imports the js_modules this realm loads itself, by name.
 * Modules a worker would take from main are not loaded yet (see README).
 */
async function loadModules(ctx) {
  const loaded = {};
  for (const m of ctx.js_modules) {
    if (m.realm === "local" && !m.stylesheet) loaded[m.name] = await import(m.url);
  }
  return loaded;
}

/** The JS module `_execctx` that pyscript.py adapts. */
function bridge(ctx, modules) {
  const module = {
    RUNNING_IN_WORKER: ctx.RUNNING_IN_WORKER,
    config_json: JSON.stringify(ctx.config),
    current_target: () => ctx.current_target(),
    js_modules: modules,
    js_module_names: Object.keys(modules),
  };
  for (const name of ["window", "document", "sync", "js_import", "PyWorker"]) {
    const value = ctx[name];
    if (isNotSupported(value)) module[`notsupported_${name}`] = { name: value.name, message: value.message };
    else module[name] = value;
  }
  return module;
}

/**
 * runPython runs source with `pyscript` importable. options: type
 * ("micropython", alias "mpy"), context (an execctx context; default: one
 * made for that interpreter), async (run with top-level await allowed),
 * stdout and stderr (line callbacks). It returns
 * what the last expression evaluates to, and throws a Python error as an
 * Error whose message is the traceback text.
 */
export async function runPython(source, options = {}) {
  const type = { mpy: "micropython", py: "pyodide" }[options.type] ?? options.type ?? "micropython";
  const ctx = options.context ?? (await createContext({ interpreter: type }));
  const output = { stdout: options.stdout ?? console.log, stderr: options.stderr ?? console.error };
  const interpreter = await loadInterpreter(type, output);
  interpreter.registerJsModule("_execctx", bridge(ctx, await loadModules(ctx)));
  layer ??= pyscriptSource();
  interpreter.runPython(await layer);
  return options.async ? interpreter.runPythonAsync(source) : interpreter.runPython(source);
}
