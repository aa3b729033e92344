// @pyscript/core 0.7.31's side of the PyWorker benchmark, from its bundled
// dist (mounted at /pyscript/ by the driver): ?type=micropython|pyodide.
//
// Its worker would import the interpreter from jsDelivr. polyscript's
// XWorker takes the interpreter from the `version` option, and a version
// that is a URL is imported as the module itself; the worker is a blob, so
// the URL must be absolute. The `interpreter` config key feeds only
// <script type="mpy" worker> and main-thread scripts, not MPWorker/PyWorker.
// It is the same URL execctx loads: the package beside execctx's own
// folder, where examples/server serves the repository's npm/node_modules.
const type = new URLSearchParams(location.search).get("type");
const interpreters = {
  micropython: ["mpy", "MPWorker", "@micropython/micropython-webassembly-pyscript/micropython.mjs"],
  pyodide: ["py", "PyWorker", "pyodide/pyodide.mjs"],
};
try {
  const [tag, factory, module] = interpreters[type];
  const core = await import("../../pyscript/core.js");
  // <mpy-script>/<py-script> is defined once the default plugins have
  // loaded: only then is the library as settled as execctx is when its
  // import resolves. (core.whenDefined waits for a main-thread script.)
  await customElements.whenDefined(`${tag}-script`);
  const libraryReady = performance.now();
  const version = new URL(`../../${module}`, location.href).href;
  const start = performance.now();
  const worker = await core[factory]("./pyworker-worker.py", { version });
  window.results = { libraryReady, ready: performance.now() - start };
  worker.terminate();
} catch (e) {
  window.results = { error: String(e?.stack ?? e) };
}
console.info("execctx-bench: ready"); // what the benchmark waits for (tests/bench/ready.mjs)
