// The floor side of the Node benchmark: a bare worker_threads worker
// whose requests main answers in a SharedArrayBuffer (floor-loops.js).
import { parentPort } from "node:worker_threads";
import { floorLoops } from "../browser/pages/bench/floor-loops.js";

parentPort.on("message", ({ sab, n }) => {
  parentPort.postMessage({ result: floorLoops(n, sab, (id) => parentPort.postMessage(id)) });
});
