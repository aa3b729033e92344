// execctx's side of the PyWorker benchmark: ?type=micropython|pyodide.
// Times are ms; the clock starts once the library has loaded, so that
// PyWorker → ready is the worker's startup alone.
const type = new URLSearchParams(location.search).get("type");
try {
  const { PyWorker } = await import("../../execctx/dist/bundle/index.js");
  const libraryReady = performance.now();
  const start = performance.now();
  const worker = PyWorker("./pyworker-worker.py", { type });
  await worker.ready;
  window.results = { libraryReady, ready: performance.now() - start };
  worker.terminate();
} catch (e) {
  window.results = { error: String(e?.stack ?? e) };
}
console.info("execctx-bench: ready"); // what the benchmark waits for (tests/bench/ready.mjs)
