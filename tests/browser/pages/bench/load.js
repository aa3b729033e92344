// tests/bench/load-bench.mjs: one cold load of execctx, from its bundle or
// (load-unbundled.html) the files it is made of. Times are ms; mainReady
// is since navigation, workerReady since PyWorker was called.
const unbundled = location.pathname.endsWith("/load-unbundled.html");
const ctx = await import(unbundled ? "../../execctx/dist/index.js" : "../../execctx/dist/bundle/index.js");
const mainReady = performance.now();
const t0 = performance.now();
const worker = ctx.PyWorker("./load-worker.js", { type: "module" });
await worker.ready;
const workerReady = performance.now() - t0;
// read after the worker is ready: Chromium may add a fetch's entry a task
// after its body was read, so at mainReady the core's could still be missing
const fetched = ["navigation", "resource"].flatMap((type) => performance.getEntriesByType(type))
  .filter((r) => r.startTime < mainReady && !r.name.endsWith("/favicon.ico")).map((r) => r.encodedBodySize);
window.results = { mainReady, workerReady, fetched };
console.info("execctx-bench: ready"); // what load-bench.mjs waits for (tests/bench/ready.mjs)
