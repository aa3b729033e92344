// A page that imports execctx as the package exports it (its bundle) and
// nothing else: what it requested by the time its context is ready, then
// a module worker's view (tests/browser/bundle.test.mjs).
import { PyWorker } from "../execctx/dist/bundle/index.js";

const before = ["navigation", "resource"].flatMap((type) => performance.getEntriesByType(type)).map((r) => ({ url: r.name, bytes: r.encodedBodySize, start: r.startTime }));
const worker = PyWorker("./ready-worker.js", { type: "module" });
await worker.ready;
window.results = { before, started: await worker.sync.started() };
