// The floors under a new worker's start in the Chromium benchmark
// (browser-bench.mjs), timed as execctx's and coincident's are: from the
// moment the page starts the worker to the moment the worker can answer.
// By default the worker is a bare module worker, which only says it runs:
// what any worker costs here. With ?core, main has compiled execctx's
// core module before the timer starts, as execctx's main has, and posts
// it to the worker, which instantiates it with stubbed imports and runs
// Go's _initialize: what execctx's Go code costs in a worker before any
// JavaScript of execctx's runs.
const core = new URLSearchParams(location.search).has("core");
const module = core ? await WebAssembly.compileStreaming(fetch("../../execctx/dist/component/execctx.core.wasm")) : null;
const mainReady = performance.now();
const worker = new Worker("./worker-floor-worker.js", { type: "module" });
worker.postMessage({ module });
const { readyAt, started } = await new Promise((resolve, reject) => {
  worker.onmessage = ({ data }) => resolve(data);
  worker.onerror = (e) => reject(new Error(`worker-floor: ${e.message}`));
});
worker.terminate();
window.results = { mainReady, workerReady: readyAt - performance.timeOrigin, started };
console.info("execctx-bench: ready"); // what the benchmark waits for (tests/bench/ready.mjs)
