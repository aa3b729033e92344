// The demo's main thread: show what this context sees, run MicroPython
// here for a script element, start two workers bound to script elements
// (PyWorker's id option), and show what they report.
import * as ctx from "./execctx/dist/bundle/index.js";
import { functionConstructor } from "./probe.js";

describeMode();
const [local] = await ctx.js_import("./local.js");
show("main", {
  RUNNING_IN_WORKER: ctx.RUNNING_IN_WORKER,
  "config (from <py-config>, TOML)": ctx.config,
  window: ctx.window === globalThis ? "globalThis (direct)" : String(ctx.window),
  document: ctx.document === document ? "the page's document (direct)" : String(ctx.document),
  sync: String(ctx.sync),
  'js_import("./local.js")': local.greeting(),
  js_modules: ctx.js_modules.map((m) => `${m.name} → ${m.url} (${m.realm})`).join("\n"),
  "current_target() here": `${JSON.stringify(ctx.current_target())} (a module script is never document.currentScript)`,
  "new Function(…)": functionConstructor(),
});
show("main", { "runPython(#main-python), its print(current_target())": await runMainPython() });
await startJSWorker();
await startPythonWorker();

/** describeMode says how the page is served and links to the non-isolated page, or back. */
function describeMode() {
  const path = location.pathname;
  document.getElementById("mode").innerHTML = globalThis.crossOriginIsolated
    ? `This page is cross-origin isolated (COOP/COEP), so a worker reaches this document synchronously. <a id="other-mode" href="${path.replace(/^\/(coi|csp)\//, "/plain/")}">Open it without isolation</a>.`
    : `This page is <em>not</em> cross-origin isolated: a worker's window and document are NotSupported and its sync calls return promises. <a id="other-mode" href="${path.replace(/^\/plain\//, "/coi/")}">Open it isolated</a>.`;
}

/** show appends rows to a column; "" shows as "" so that it is seen. */
function show(id, entries) {
  const dl = document.getElementById(id);
  for (const [k, v] of Object.entries(entries)) {
    dl.append(Object.assign(document.createElement("dt"), { textContent: k }));
    dl.append(Object.assign(document.createElement("dd"), { textContent: typeof v === "string" && v ? v : JSON.stringify(v) }));
  }
}

/** failure keeps the end of an error: for Python, the exception line of the traceback. */
function failure(e) {
  return e.message.trim().split("\n").slice(-1)[0];
}

/** runMainPython runs #main-python here, for that element, and returns what it printed. */
async function runMainPython() {
  const script = document.getElementById("main-python");
  const printed = [];
  try {
    await ctx.runPython(script.textContent, { type: "mpy", script, stdout: (line) => printed.push(line) });
    return printed.join("\n");
  } catch (e) {
    return failure(e);
  }
}

/** startWorker starts the worker a <script> element names, bound to that element. */
function startWorker(id, options) {
  return ctx.PyWorker(document.getElementById(id).getAttribute("src"), { ...options, id });
}

/** noTarget explains an empty display target: a worker without main's document has none. */
function noTarget(id) {
  if (!document.getElementById(`${id}-target`)) {
    document.getElementById(`${id}-none`).textContent = `(none: without SharedArrayBuffer the worker's current_target() is "")`;
  }
}

async function startJSWorker() {
  // The worker's config is this page's <py-config> text, parsed before the worker starts.
  const worker = startWorker("js-worker", { type: "module", config: document.querySelector("py-config").textContent });
  worker.sync.greet = (who) => `hello ${who}, from the main thread`;
  try {
    await worker.ready;
    show("worker", await worker.sync.report());
    show("main", { 'PyWorker("./worker.js", …)': "ready", "await worker.sync.add(40, 2)": await worker.sync.add(40, 2) });
  } catch (e) {
    show("worker", { error: failure(e) });
  }
  noTarget("js-worker");
}

async function startPythonWorker() {
  const worker = startWorker("py-worker", { type: "micropython" });
  show("main", { 'PyWorker("./worker.py", …)': await worker.ready.then(() => "ready", failure) });
  noTarget("py-worker");
}
