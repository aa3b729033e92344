// The execctx worker bootstrap. Main starts every worker on this module and
// sends `init` (see PROTOCOL.md); the bootstrap connects the protocol,
// leaves what the worker's own context needs in globalThis, runs the
// worker's script, and reports `ready` or `failed`.
//
// It also sets globalThis.execctx = { url }, the URL of this package's
// index.js. A browser module worker cannot import "execctx" by name
// without a bundler (import maps do not reach workers), so it imports
// that URL instead: `await import(self.execctx.url)`. It is the module
// this bootstrap sits beside, so the worker gets the package it was
// started by, whatever the page's layout.

import { portOf, ours } from "./protocol/port.js";
import { connect } from "./protocol/worker.js";
import { openRelay } from "./protocol/relay.js";
import { errorData } from "./protocol/wire.js";
import { WORKER_STATE } from "./env.js";
import { load } from "./load.js";
import { builtin } from "./builtin.js";
import { useCompiledModules } from "./component.js";
// static, though only Python workers run it: a bundle then shares one
// chunk between this entry and index.js (tools/bundle.mjs)
import { runPython } from "./python/run.js";

const isWebWorker = typeof globalThis.WorkerGlobalScope !== "undefined" && globalThis instanceof globalThis.WorkerGlobalScope;
const target = isWebWorker ? globalThis : (await builtin("node:worker_threads")).parentPort;
const port = portOf(target);

globalThis.execctx = Object.freeze({ url: new URL("./index.js", import.meta.url).href });

// runPythonFile runs the worker's Python source, fetched relative to the
// page like the original, in the interpreter its type names.
async function runPythonFile({ url, interpreter, context }) {
  const source = await load(url, "text", "the worker's Python file");
  await runPython(source, { type: interpreter, async: context.async });
}

// importModule runs a module worker's url. When the import fails, the
// browser's message names neither the worker nor the HTTP status: if the
// file cannot be read, load's message says that. An error the module's
// code threw passes unchanged; one raised before any code ran (a syntax
// error, a missing import) names no file in Node or a browser, so it is
// given the worker's URL.
async function importModule(url) {
  try {
    await import(url);
  } catch (e) {
    await load(url, "text", "the worker's module");
    throw beforeRunning(e) ? withURL(e, url) : e;
  }
}

// A location in a script (url:line:column) that is not the runtime's own.
const SCRIPT_LOCATION = /\b(?:file|https?|blob):\S*:\d+:\d+/;

/** Whether e was raised before the module's code ran: neither its message nor its stack points into a script. */
function beforeRunning(e) {
  return e instanceof Error && !SCRIPT_LOCATION.test(`${e.message}\n${e.stack ?? ""}`);
}

/** e's runtime error type, saying which worker could not be imported. */
function withURL(e, url) {
  const Ctor = globalThis[e.name]?.prototype instanceof Error ? globalThis[e.name] : Error;
  return new Ctor(`execctx: worker ${url} could not be imported: ${e.message}`, { cause: e });
}

// A Web Worker's end is not reported to main (Node's worker_threads emit
// "exit"): tell main before it closes itself (close()), or exits (Deno's
// unload event, after Deno.exit or process.exit), so that main's calls to
// it reject instead of waiting for ever.
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

// relayWaiter opens the service-worker relay main set up for this worker
// (init.relay), if any. A relay that does not answer leaves the worker
// without blocking calls, as on a page without it, and says why.
function relayWaiter(relay) {
  if (!relay) return null;
  const { waiter, error } = openRelay(relay);
  if (error) console.warn(`execctx: ${error}; the worker's calls to main are not blocking`);
  return waiter ?? null;
}

port.listen(async function onInit(data) {
  if (!ours(data) || data.execctx !== "init") return;
  try {
    const channel = connect(port, { sab: data.sab, relay: relayWaiter(data.relay), timeout: data.timeout });
    if (data.modules) useCompiledModules(data.modules);
    globalThis[WORKER_STATE] = { channel, init: data };
    if (data.interpreter === "module") {
      await importModule(data.url);
    } else {
      await runPythonFile(data);
    }
    port.post({ execctx: "ready" });
  } catch (e) {
    port.post({ execctx: "failed", error: errorData(e) });
  }
});
