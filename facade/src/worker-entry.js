// The execctx worker bootstrap. Main starts every worker on this module and
// sends `init` (see PROTOCOL.md); the bootstrap connects the protocol,
// leaves what the worker's own context needs in globalThis, runs the
// worker's script, and reports `ready` or `failed`.

import { portOf, ours } from "./protocol/port.js";
import { connect } from "./protocol/worker.js";
import { errorData } from "./protocol/wire.js";
import { WORKER_STATE } from "./env.js";

const isWebWorker = typeof globalThis.WorkerGlobalScope !== "undefined" && globalThis instanceof globalThis.WorkerGlobalScope;
const target = isWebWorker ? globalThis : (await import("node:worker_threads")).parentPort;
const port = portOf(target);

port.listen(async function onInit(data) {
  if (!ours(data) || data.execctx !== "init") return;
  try {
    const channel = connect(port, { sab: data.sab, timeout: data.timeout });
    globalThis[WORKER_STATE] = { channel, init: data };
    if (data.interpreter !== "module") {
      throw new Error(
        `execctx: running ${data.interpreter} in a worker is not available in this version; use type "module" to run ${data.url} as a JS module`,
      );
    }
    await import(data.url);
    port.post({ execctx: "ready" });
  } catch (e) {
    port.post({ execctx: "failed", error: errorData(e) });
  }
});
