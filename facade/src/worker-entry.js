// The execctx worker entry. Main starts every worker on this module and
// sends `init` (see PROTOCOL.md). The entry is small and imports nothing
// that holds state, so that it runs, and takes `init`, as soon as it has
// arrived: a browser delivers a worker's first message only once its
// module graph has loaded. It then starts two things at once, the
// bootstrap (worker-boot.js: the protocol, main's compiled component) and
// the worker's script, and reports `ready` once both are done, or
// `failed`. Loading them side by side saves the script's requests a wait
// behind the bootstrap's (docs/benchmarks.md, "Worker context usable",
// "the worker's requests side by side").
//
// The entry leaves a promise of { channel, init } in globalThis
// (WORKER_STATE) before the script starts; the worker's contexts await it
// (context.js), so a script that imports execctx at once gets a context
// only after the bootstrap has connected it to main.
//
// It also sets globalThis.execctx = { url }, the URL of this package's
// index.js. A browser module worker cannot import "execctx" by name
// without a bundler (import maps do not reach workers), so it imports
// that URL instead: `await import(self.execctx.url)`. It is the module
// this entry sits beside, so the worker gets the package it was started
// by, whatever the page's layout.

import { portOf, ours } from "./protocol/port.js";
import { errorData } from "./protocol/errors.js";
import { WORKER_STATE } from "./env.js";
import { builtin } from "./builtin.js";

const isWebWorker = typeof globalThis.WorkerGlobalScope !== "undefined" && globalThis instanceof globalThis.WorkerGlobalScope;
const target = isWebWorker ? globalThis : (await builtin("node:worker_threads")).parentPort;
const port = portOf(target);

globalThis.execctx = Object.freeze({ url: new URL("./index.js", import.meta.url).href });

// A Web Worker's end is not reported to main (Node's worker_threads emit
// "exit"): tell main before it closes itself (close()), or exits (Deno's
// unload event, after Deno.exit or process.exit), so that main's calls to
// it reject instead of waiting for ever. Set before the script runs, which
// may close the worker at once.
function reportExit() {
  const close = globalThis.close.bind(globalThis);
  const exit = () => port.post({ execctx: "exit" });
  globalThis.close = () => {
    exit();
    close();
  };
  globalThis.addEventListener("unload", exit);
}

if (isWebWorker) reportExit();

// The bootstrap loads while main's init is on its way. (A failure is
// reported once init has arrived.)
const boot = import("./worker-boot.js");
boot.catch(() => {});

port.listen(function onInit(data) {
  if (!ours(data) || data.execctx !== "init") return;
  const state = boot.then((b) => b.connectWorker(port, data));
  globalThis[WORKER_STATE] = state; // worker-boot.js replaces it with the state itself
  const script = data.interpreter === "module" ? runModule(data.url, boot) : state.then(() => boot).then((b) => b.runPythonFile(data));
  Promise.all([state, script]).then(
    () => port.post({ execctx: "ready" }),
    (e) => port.post({ execctx: "failed", error: errorData(e) }),
  );
});

/** runModule imports a module worker's url; a failure is explained by the bootstrap (worker-boot.js, whyNotImported). */
async function runModule(url, boot) {
  try {
    await import(url);
  } catch (e) {
    throw await (await boot).whyNotImported(e, url);
  }
}
