// The worker of the browser test page: it writes main's document through
// the proxy and calls main synchronously, where SharedArrayBuffer allows.
import { RUNNING_IN_WORKER, config, document, sync, PyWorker } from "../execctx/dist/index.js";

sync.report = () => {
  const r = { RUNNING_IN_WORKER, config };
  try {
    document.title = sync.greet("worker");
    document.getElementById("out").textContent = "written by the worker";
    r.proxied = true;
  } catch (e) {
    r.documentError = e.message;
  }
  try {
    PyWorker("x.js", { type: "module" });
  } catch (e) {
    r.pyWorker = e.message;
  }
  return r;
};
