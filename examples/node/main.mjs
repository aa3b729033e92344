// The Node demo: a main thread and a worker thread print what each sees of
// the execctx context, and a sync call crosses each way.
//
//   make demo   (or: make npm && node examples/node/main.mjs)
import { RUNNING_IN_WORKER, config, window, sync, createContext } from "../../npm/dist/bundle/index.js";

console.log("== Node main thread");
console.log("RUNNING_IN_WORKER:", RUNNING_IN_WORKER);
console.log("config:           ", JSON.stringify(config));
console.log("window:           ", String(window));
console.log("sync:             ", String(sync));

// A context whose workers give up on a call to main after 2 s (by default
// a call waits as long as main takes).
const bounded = await createContext({ timeout: 2000 });
const worker = bounded.PyWorker(new URL("./worker.mjs", import.meta.url), {
  type: "module",
  config: { name: "node demo worker" },
});
// main offers a function; the worker's call to it blocks until main answers
worker.sync.greet = (who) => `hello ${who}, from the main thread`;
await worker.ready;

const answer = await worker.sync.describe(); // main → worker: always a promise
console.log("\n== worker thread (as it answered main's call)");
for (const [k, v] of Object.entries(answer)) console.log(`${k}:`.padEnd(19), v);

console.log("\n== a bad config, as createContext reports it");
try {
  await createContext({ config: 'name = "broken"\npackages = ["numpy"' });
} catch (e) {
  console.log(e.message);
}
await worker.terminate();
