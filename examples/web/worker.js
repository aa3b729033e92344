// The demo's worker.
import { RUNNING_IN_WORKER, config, window, document, sync, PyWorker, current_target, js_import } from "./execctx/dist/index.js";

sync.report = async () => {
  const r = { RUNNING_IN_WORKER, config };
  try {
    document.title = "execctx demo: title set by the worker";
    document.getElementById("from-worker").textContent = "this text, and the page title";
    r["document.title = …"] = "written through the proxy";
  } catch (e) {
    r.document = String(document);
  }
  const greeting = sync.greet("worker"); // a value when blocking works, else a promise
  r["sync.greet('worker')"] = greeting instanceof Promise ? `a promise: ${await greeting}` : greeting;
  try {
    PyWorker("./other.js", { type: "module" });
  } catch (e) {
    r.PyWorker = e.message;
  }
  try {
    const [local] = await js_import("./local.js");
    r['js_import("./local.js") on main'] = local.greeting();
  } catch (e) {
    r.js_import = e.message;
  }
  r.window = window === globalThis ? "?" : String(window).startsWith("<NotSupported") ? String(window) : "a proxy of main's window";
  r["current_target()"] = current_target() || '"" (a PyWorker has no script element)';
  return r;
};
