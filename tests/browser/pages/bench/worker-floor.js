// The floors under a new worker's start in the Chromium benchmark
// (browser-bench.mjs), timed as execctx's and coincident's are: from the
// moment the page starts the worker to the moment the worker can answer.
// By default the worker is a bare module worker, which only says it runs:
// what any worker costs here. With ?core, main has compiled execctx's
// core module and started it (Go's _initialize) before the timer starts,
// as execctx's main has, and posts it to the worker, which instantiates
// it with stubbed imports and runs _initialize: what execctx's Go code
// costs in a worker before any JavaScript of execctx's runs. Main's start
// matters: V8 compiles each function of the module on its first call,
// once for every thread, so a worker's _initialize after main's compiles
// little (in one probe 16 ms, against 40 with a module main never ran).
import { startGoModule } from "./gofloor-imports.js";

const core = new URLSearchParams(location.search).has("core");
const module = core ? await WebAssembly.compileStreaming(fetch("../../execctx/dist/component/execctx.core.wasm")) : null;
if (module) startGoModule(module);
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
