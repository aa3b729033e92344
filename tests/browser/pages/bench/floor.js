// The raw transport floor in Chromium (floor-loops.js): a bare module
// worker posts requests that this page answers in a SharedArrayBuffer.
import { floorAnswerer } from "./floor-loops.js";

const n = Number(new URLSearchParams(location.search).get("n") ?? 10000);
const sab = new SharedArrayBuffer(8);
const answer = floorAnswerer(sab);
const worker = new Worker("./floor-worker.js", { type: "module" });
window.results = await new Promise((resolve) => {
  worker.onmessage = ({ data }) => (typeof data === "number" ? answer(data) : resolve(data));
  worker.postMessage({ sab, n });
});
worker.terminate();
console.info("execctx-bench: ready"); // what the benchmark waits for (tests/bench/ready.mjs)
