// coincident 4.1.1's side of the relay benchmark (tests/bench/relay-bench.mjs),
// on a page that is not cross-origin isolated: its sabayon service worker
// relays the worker's calls. sabayon registers the service worker with
// its default scope and reloads the page until the page is controlled, so
// the service worker (relay-coincident-sw.js, which loads coincident's
// sw.js) sits beside this page.
import coincident from "../../coincident/window/main.js";

const n = Number(new URLSearchParams(location.search).get("n") ?? 1000);
const { Worker } = coincident();
const worker = new Worker("./coincident-worker.js", { type: "module", serviceWorker: "./relay-coincident-sw.js" });
worker.proxy.add = (a, b) => a + b;
await new Promise((resolve) => {
  worker.proxy.ready = resolve;
});
window.results = { crossOriginIsolated, ...(await worker.proxy.run(n)) };
