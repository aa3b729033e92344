// execctx's side of the Chromium benchmark. Times are ms since navigation;
// "ready" is where the main side can start a worker: once the realm's
// context exists (coincident.js: once coincident() has run).
const params = new URLSearchParams(location.search);
const n = Number(params.get("n") ?? 10000);
// ?dist=baseline: an earlier build the driver mounts at /baseline/, measured beside this one
const ctx = await import(params.get("dist") === "baseline" ? "../../baseline/dist/bundle/index.js" : "../../execctx/dist/bundle/index.js");
const mainReady = performance.now();
const resources = performance.getEntriesByType("resource").map((r) => r.name);
const worker = ctx.PyWorker("./execctx-worker.js", { type: "module" });
worker.sync.add = (a, b) => a + b;
await worker.ready;
const workerReady = await worker.sync.readyAt();
window.results = { mainReady, workerReady: workerReady - performance.timeOrigin, resources, ...(await worker.sync.run(n)) };
console.info("execctx-bench: ready"); // what the benchmark waits for (tests/bench/ready.mjs)
