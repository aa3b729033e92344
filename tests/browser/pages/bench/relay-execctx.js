// execctx's side of the relay benchmark (tests/bench/relay-bench.mjs), on
// a page that is not cross-origin isolated: the worker's calls to main
// block through the service-worker relay. The floor is a synchronous GET
// the service worker answers at once (the relay's ping), without main.
const n = Number(new URLSearchParams(location.search).get("n") ?? 1000);
const ctx = await import("../../execctx/dist/bundle/index.js");
const worker = ctx.PyWorker("./execctx-worker.js", { type: "module", service_worker: "../../execctx/dist/service-worker.js" });
worker.sync.add = (a, b) => a + b;
await worker.ready;
window.results = { crossOriginIsolated, ...(await worker.sync.run(n)), floor: await worker.sync.relayFloor(n) };
