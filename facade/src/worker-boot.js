// The execctx worker bootstrap, which the worker entry (worker-entry.js)
// loads once main's `init` has arrived: it connects the protocol, gives
// the worker's contexts main's compiled component, runs a Python worker's
// file, and explains a module worker that could not be imported.

import { connect } from "./protocol/worker.js";
import { openRelay } from "./protocol/relay.js";
import { WORKER_STATE } from "./env.js";
import { load } from "./load.js";
import { useCompiledModules } from "./component.js";
// static, though only Python workers run it: a bundle then shares one
// chunk between this module and index.js (tools/bundle.mjs)
import { runPython } from "./python/run.js";

/**
 * connectWorker connects this worker to main over port, as init says, and
 * leaves { channel, init } in globalThis for the worker's contexts.
 */
export function connectWorker(port, init) {
  const channel = connect(port, { sab: init.sab, relay: relayWaiter(init.relay), timeout: init.timeout });
  if (init.modules) useCompiledModules(init.modules);
  const state = { channel, init };
  globalThis[WORKER_STATE] = state;
  return state;
}

// relayWaiter opens the service-worker relay main set up for this worker
// (init.relay), if any. A relay that does not answer leaves the worker
// without blocking calls, as on a page without it, and says why.
function relayWaiter(relay) {
  if (!relay) return null;
  const { waiter, error } = openRelay(relay);
  if (error) console.warn(`execctx: ${error}; the worker's calls to main are not blocking`);
  return waiter ?? null;
}

/** runPythonFile runs the worker's Python source, fetched relative to the page like the original, in the interpreter its type names. */
export async function runPythonFile({ url, interpreter, context }) {
  const source = await load(url, "text", "the worker's Python file");
  await runPython(source, { type: interpreter, async: context.async });
}

/**
 * whyNotImported is the error to report for a module worker whose import
 * of url failed with e. The browser's message names neither the worker
 * nor the HTTP status: if the file cannot be read, load's message says
 * that. An error the module's code threw passes unchanged; one raised
 * before any code ran (a syntax error, a missing import) names no file in
 * Node or a browser, so it is given the worker's URL.
 */
export async function whyNotImported(e, url) {
  await load(url, "text", "the worker's module");
  return beforeRunning(e) ? withURL(e, url) : e;
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
