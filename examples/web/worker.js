// The demo's JS module worker: it reports what its context sees, writing
// to main's document where a proxy of it is available.
import { RUNNING_IN_WORKER, config, window, document, sync, PyWorker, current_target, js_import, js_modules } from "./execctx/dist/bundle/index.js";
import { functionConstructor } from "./probe.js";

// main → worker: main's calls of these always return promises.
sync.add = (a, b) => a + b;

sync.report = async () => {
  const r = { RUNNING_IN_WORKER, "config (main's <py-config> text, given to PyWorker)": config };
  r.window = attempt(() => `a proxy of main's window: location.pathname = ${window.location.pathname}`, () => String(window));
  r.document = attempt(() => {
    document.title = "execctx demo: title set by the worker";
    document.getElementById("from-worker").textContent = "this text, and the page title";
    return "a proxy of main's document: document.title and #from-worker written";
  }, () => String(document));
  const greeting = sync.greet("worker"); // a value when blocking works, else a promise
  r["sync.greet('worker')"] = greeting instanceof Promise ? `a promise: ${await greeting}` : greeting;
  r["PyWorker(…)"] = attempt(() => PyWorker("./other.js", { type: "module" }), (e) => e.message);
  try {
    // without SharedArrayBuffer js_import is NotSupported: calling it throws
    const [local] = await js_import("./local.js");
    r['js_import("./local.js"), imported on main'] = local.greeting();
  } catch (e) {
    r['js_import("./local.js"), imported on main'] = e.message;
  }
  // without SharedArrayBuffer main's modules cannot be proxied, so none are offered (C64)
  r.js_modules = js_modules.map((m) => `${m.name} → ${m.url} (${m.realm})`).join("\n") || "none: main's modules need SharedArrayBuffer";
  r["current_target()"] = current_target();
  const target = current_target() && document.getElementById(current_target());
  if (target) target.textContent = `the JS worker wrote this into #${current_target()}`;
  r["new Function(…)"] = functionConstructor();
  return r;
};

/** attempt returns fn's value, or what onError makes of what it threw. */
function attempt(fn, onError) {
  try {
    return fn();
  } catch (e) {
    return onError(e);
  }
}
