// runPython: run Python source in MicroPython or Pyodide with execctx's
// `pyscript` module registered, on the main thread or in a worker. The
// interpreters are the npm packages @micropython/micropython-webassembly-pyscript
// and pyodide, optional peer dependencies.

import { createContext, interpreterOf } from "../context.js";
import { isNotSupported } from "../notsupported.js";
import { load } from "../load.js";
import { loadInterpreter } from "./interpreters.js";
import { workers } from "../named.js";
import { WORKER_STATE } from "../env.js";

let layer; // the Python layer's source, read once per realm

/**
 * writeFiles fetches the config's files (already resolved by the
 * component) into the interpreter's file system, before any Python runs,
 * as PyScript does.
 */
async function writeFiles(interpreter, files) {
  const { FS } = interpreter;
  const bodies = await Promise.all(files.map((f) => load(f.url, "bytes", "the config file")));
  files.forEach(({ path }, i) => {
    const parts = path.split("/").slice(0, -1);
    for (let n = 1; n <= parts.length; n++) {
      const dir = parts.slice(0, n).join("/");
      if (dir && dir !== "." && !FS.analyzePath(dir).exists) FS.mkdir(dir);
    }
    FS.writeFile(path, bodies[i]);
  });
}

/**
 * loadModules imports the js_modules of this context, all at once, by
 * name: a realm's own modules here, and in a worker main's modules on
 * main, as proxies (spec §6.3; eager, where polyscript imports on first
 * use). The component lists main's modules only where js_import works.
 */
async function loadModules(ctx) {
  const scripts = ctx.js_modules.filter((m) => !m.stylesheet);
  const namespaces = await Promise.all(scripts.map((m) =>
    m.realm === "local" ? import(m.url) : ctx.js_import(m.url).then(([namespace]) => namespace)));
  // one entry per name: where several main URLs share a name, the last wins
  return Object.fromEntries(scripts.map((m, i) => [m.name, namespaces[i]]));
}

/**
 * guarded wraps fn for Python: MicroPython cannot catch a JS exception
 * thrown by a synchronous call (it unwinds through the interpreter), so
 * errors come back as values that pyscript.py raises as Python errors.
 */
function guarded(fn) {
  return (...args) => {
    try {
      return { ok: true, value: fn(...args), error: "" };
    } catch (e) {
      return { ok: false, value: undefined, error: e instanceof Error ? e.message : String(e) };
    }
  };
}

/**
 * fetcher is the fetch pyscript.fetch wraps. A worker resolves relative
 * URLs against main's base URL, as its other URLs (a worker's own base is
 * execctx's bootstrap module). It is async so that every failure is a
 * rejection, which MicroPython can catch.
 */
function fetcher() {
  const base = globalThis[WORKER_STATE]?.init.context.baseURL;
  return async (url, init) => fetch(base ? new URL(url, base) : url, init);
}

/**
 * The JS module `_execctx` that pyscript.py adapts. Values go out through
 * value(name), not as module attributes: MicroPython binds a callable
 * attribute (main's proxies are callable) to the module as a method.
 */
function bridge(ctx, modules) {
  const values = {
    js_modules: modules,
    current_target: guarded(() => ctx.current_target()),
    fetch: fetcher(),
    parse_json: guarded((text) => JSON.parse(text)),
    // wrapped: the interpreters read neither undefined nor null as None alike
    named_worker: (name) => ({ found: workers[name] !== undefined, promise: workers[name] }),
  };
  const unsupported = {};
  for (const name of ["window", "document", "sync", "js_import", "PyWorker"]) {
    const value = ctx[name];
    if (isNotSupported(value)) unsupported[name] = { name: value.name, message: value.message };
    else values[name] = name === "PyWorker" ? guarded(value) : value;
  }
  return {
    RUNNING_IN_WORKER: ctx.RUNNING_IN_WORKER,
    config_json: JSON.stringify(ctx.config),
    js_module_names: Object.keys(modules),
    value: (name) => values[name],
    not_supported: (name) => unsupported[name] ?? false, // null and undefined differ between the interpreters
  };
}

/**
 * startPython starts an interpreter with `pyscript` importable, for
 * several runs that share its globals (the scripts of one type on a
 * PyScript page do). options: type, context, script, stdout and stderr,
 * as runPython's. It resolves to { context, run(source, { async }),
 * exportNames() }: run returns what runPython returns; exportNames, in a
 * worker, offers the __export__ names to main (spec §5.3).
 */
export async function startPython(options = {}) {
  const type = options.type ?? "micropython";
  const script = options.script;
  const ctx = options.context ?? (await createContext({ interpreter: type, ...(script && { currentScript: () => script }) }));
  const output = { stdout: options.stdout ?? console.log, stderr: options.stderr ?? console.error };
  // fetched while the interpreter loads, not after
  layer ??= load(new URL("./pyscript.py", import.meta.url), "text", "execctx's Python layer");
  layer.catch(() => {}); // seen where it is awaited, below
  const interpreter = await loadInterpreter(interpreterOf(ctx, type).name, output); // the component knows the aliases
  await writeFiles(interpreter, ctx.files);
  interpreter.registerJsModule("_execctx", bridge(ctx, await loadModules(ctx)));
  interpreter.runPython(await layer);
  return {
    context: ctx,
    // async, so that a failure is a rejection; a run without top-level
    // await still runs before run returns
    run: async (source, { async } = {}) => (async ? interpreter.runPythonAsync(source) : interpreter.runPython(source)),
    exportNames: () => {
      if (ctx.RUNNING_IN_WORKER && !isNotSupported(ctx.sync)) interpreter.runPython("__import__('pyscript')._export(globals())");
    },
  };
}

/**
 * runPython runs source with `pyscript` importable. options: type
 * ("micropython" or "pyodide", aliases "mpy" and "py"; default
 * "micropython"), context (an execctx context; default: one made for that
 * interpreter), script (main thread: the <script> element the source
 * stands for, so that current_target() names its output element), async
 * (allow top-level await), stdout and stderr (line callbacks). It returns
 * what the last expression evaluates to (MicroPython's async runs return
 * undefined), and throws a Python error as an Error whose message is the
 * traceback text.
 */
export async function runPython(source, options = {}) {
  const python = await startPython(options);
  const result = await python.run(source, { async: options.async });
  python.exportNames(); // a worker offers its __export__ names to main before it is ready
  return result;
}
