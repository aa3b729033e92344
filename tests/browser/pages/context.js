// The main thread of the browser test page: what it sees, then a worker's
// view, collected in window.results for the test to read.
// the demo's probe (examples/web/probe.js, served at the root of each mode)
import { functionConstructor } from "../probe.js";

const evalBlocked = () => functionConstructor() !== "allowed";

const results = {};
try {
  // the package's bundle, as its "exports" give it; ?unbundled: the files it is made of
  const unbundled = new URLSearchParams(location.search).has("unbundled");
  const ctx = await import(unbundled ? "../execctx/dist/index.js" : "../execctx/dist/bundle/index.js");
  const [greeting] = await ctx.js_import("./greeting.js");
  results.main = {
    RUNNING_IN_WORKER: ctx.RUNNING_IN_WORKER,
    config: ctx.config,
    windowIsGlobal: ctx.window === globalThis,
    documentIsDocument: ctx.document === document,
    sync: String(ctx.sync),
    modules: ctx.js_modules.map((m) => `${m.name} ${m.realm}`),
    jsImport: greeting.hello(),
    crossOriginIsolated: globalThis.crossOriginIsolated,
  };
  const worker = ctx.PyWorker("./worker.js", { type: "module" });
  worker.sync.greet = (who) => `hello ${who}`;
  await worker.ready;
  results.worker = await worker.sync.report();
  results.started = await worker.sync.started();
  results.title = document.title;
  results.text = document.getElementById("out").textContent;
  // a second worker that asks for no warning (C41): the page still shows one at most
  const quiet = ctx.PyWorker("./worker.js", { type: "module", config: { sync_main_only: true } });
  quiet.sync.greet = (who) => `hello ${who}`;
  await quiet.ready;
  results.quiet = await quiet.sync.report();
  const broken = ctx.PyWorker("./missing.js", { type: "module" });
  results.missing = await broken.ready.then(() => "resolved", (e) => e.message);
} catch (e) {
  results.error = String(e?.stack ?? e);
}
results.evalBlocked = evalBlocked();
window.results = results;
