// tests/bench/load-bench.mjs: one cold load of execctx, from its bundle or
// (load-unbundled.html) the files it is made of. Times are ms; mainReady
// is since navigation, workerReady since PyWorker was called.
const unbundled = location.pathname.endsWith("/load-unbundled.html");
const ctx = await import(unbundled ? "../../execctx/dist/index.js" : "../../execctx/dist/bundle/index.js");
const mainReady = performance.now();
const fetched = ["navigation", "resource"].flatMap((type) => performance.getEntriesByType(type))
  .filter((r) => !r.name.endsWith("/favicon.ico")).map((r) => r.encodedBodySize);
const t0 = performance.now();
const worker = ctx.PyWorker("./load-worker.js", { type: "module" });
await worker.ready;
window.results = { mainReady, workerReady: performance.now() - t0, fetched };
