// A page that imports execctx as the package exports it (its bundle) and
// nothing else: what it requested by the time its context is ready, then
// a module worker's view (tests/browser/bundle.test.mjs).
import { PyWorker } from "../execctx/dist/bundle/index.js";

const entries = () => ["navigation", "resource"].flatMap((type) => performance.getEntriesByType(type)).map((r) => ({ url: r.name, bytes: r.encodedBodySize, start: r.startTime }));
const before = entries();
const worker = PyWorker("./ready-worker.js", { type: "module" });
await worker.ready;
// Chromium may add a fetch's entry a task after its body was read, so the
// core's can be missing from before (it was once, in CI); by now it is there.
window.results = { before, later: entries(), started: await worker.sync.started() };
