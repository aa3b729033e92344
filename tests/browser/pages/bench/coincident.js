// coincident 4.1.1's side of the Chromium benchmark (its own bundled dist).
// Times are ms since navigation; "ready" is where each library's main side
// can start a worker: here once coincident() has run, for execctx once its
// context exists.
import coincident from "../../coincident/window/main.js";

const n = Number(new URLSearchParams(location.search).get("n") ?? 10000);
const { Worker } = coincident();
const mainReady = performance.now();
const resources = performance.getEntriesByType("resource").map((r) => r.name);
const worker = new Worker("./coincident-worker.js", { type: "module" });
worker.proxy.add = (a, b) => a + b;
const workerReadyAt = await new Promise((resolve) => {
  worker.proxy.ready = resolve;
});
window.results = { mainReady, workerReady: workerReadyAt - performance.timeOrigin, resources, ...(await worker.proxy.run(n)) };
console.info("execctx-bench: ready"); // what the benchmark waits for (tests/bench/ready.mjs)
