// coincident 4.1.1's side of the Chromium benchmark (its own bundled dist).
import coincident from "../../coincident/window/main.js";

const n = Number(new URLSearchParams(location.search).get("n") ?? 10000);
const mainReady = performance.now();
const resources = performance.getEntriesByType("resource").map((r) => r.name);
const { Worker } = coincident();
const worker = new Worker("./coincident-worker.js", { type: "module" });
worker.proxy.add = (a, b) => a + b;
let readyAt;
const ready = new Promise((resolve) => {
  worker.proxy.ready = (at) => resolve((readyAt = at));
});
await ready;
window.results = { mainReady, workerReady: readyAt - performance.timeOrigin, resources, ...(await worker.proxy.run(n)) };
