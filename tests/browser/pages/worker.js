// The worker of the browser test page: it writes main's document through
// the proxy, calls main synchronously and imports a module on main, where
// SharedArrayBuffer allows. It imports the execctx that started it (the
// bundle, or the unbundled files), as a worker without a bundler does.
// the demo's probe (examples/web/probe.js, served at the root of each mode)
import { functionConstructor } from "../probe.js";

const evalBlocked = () => functionConstructor() !== "allowed";

let compiles = 0; // main sends its compiled modules: the worker's context must compile none
for (const name of ["compile", "compileStreaming"]) {
  const original = WebAssembly[name];
  WebAssembly[name] = (...args) => (compiles++, original(...args));
}
const { RUNNING_IN_WORKER, config, document, sync, PyWorker, js_import } = await import(self.execctx.url);

sync.started = () => ({ by: self.execctx.url, compiles });

sync.report = async () => {
  const r = { RUNNING_IN_WORKER, config, evalBlocked: evalBlocked() };
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
  // js_import in a worker imports on main: the module comes back as a proxy.
  try {
    const [greeting] = await js_import("./greeting.js");
    r.jsImport = greeting.hello();
  } catch (e) {
    r.jsImportError = e.message;
  }
  return r;
};
