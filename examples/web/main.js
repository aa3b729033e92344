// The demo's main thread: show what this context sees, start a worker, and
// show what the worker reports.
import * as ctx from "./execctx/dist/index.js";

const isolated = globalThis.crossOriginIsolated;
document.getElementById("mode").innerHTML = isolated
  ? `This page is cross-origin isolated (COOP/COEP), so the worker reaches this document synchronously. <a href="${location.pathname.replace("/coi/", "/plain/")}">Open it without isolation</a>.`
  : `This page is <em>not</em> cross-origin isolated: the worker's window and document are NotSupported and its sync calls return promises. <a href="${location.pathname.replace("/plain/", "/coi/")}">Open it isolated</a>.`;

function show(id, entries) {
  const dl = document.getElementById(id);
  for (const [k, v] of Object.entries(entries)) {
    dl.append(Object.assign(document.createElement("dt"), { textContent: k }));
    dl.append(Object.assign(document.createElement("dd"), { textContent: typeof v === "string" ? v : JSON.stringify(v) }));
  }
}

const [local] = await ctx.js_import("./local.js");
show("main", {
  RUNNING_IN_WORKER: ctx.RUNNING_IN_WORKER,
  "config (from <py-config>, TOML)": ctx.config,
  window: ctx.window === globalThis ? "globalThis (direct)" : String(ctx.window),
  sync: String(ctx.sync),
  'js_import("./local.js")': local.greeting(),
  js_modules: ctx.js_modules.map((m) => `${m.name} → ${m.url}`).join("\n"),
  "current_target()": ctx.current_target() || '""',
});

const worker = ctx.PyWorker("./worker.js", { type: "module", config: { sync_main_only: false } });
worker.sync.greet = (who) => `hello ${who}, from the main thread`;
try {
  await worker.ready;
  show("worker", await worker.sync.report());
  show("main", { "worker.sync.report()": "main → worker calls return promises" });
} catch (e) {
  show("worker", { error: e.message });
}

// A MicroPython worker writes to the page through pyscript.document.
const python = ctx.PyWorker("./worker.py", { type: "micropython" });
python.ready.then(
  () => show("main", { "MicroPython worker": "ready" }),
  (e) => show("main", { "MicroPython worker": e.message.split("\n").slice(-2).join(" ") }),
);
