// Starting workers from the main thread: the execctx worker bootstrap in a
// module Worker (browsers, Deno) or a worker_threads Worker (Node), the
// protocol's main side, and the object PyWorker returns. Its `ready`
// always settles: it rejects when the worker's script fails, when the
// worker dies, or when it cannot start.

import { portOf } from "./protocol/port.js";
import { newSyncBuffer } from "./protocol/syncbuffer.js";
import { serve } from "./protocol/main.js";
import { toError } from "./protocol/wire.js";
import { syncBufferAllowed } from "./env.js";
import { syncObject } from "./sync.js";

const ENTRY = new URL("./worker-entry.js", import.meta.url);

/**
 * startWorker starts url in a worker. options are the component's validated
 * worker options; context has what the worker's own context needs (base
 * URL, the call timeout). objects is the realm's ObjectTable.
 */
export function startWorker(url, options, { workerThreads, objects, context }) {
  const sab = syncBufferAllowed() ? newSyncBuffer() : null;
  const raw = workerThreads ? new workerThreads.Worker(ENTRY) : new Worker(ENTRY, { type: "module", name: options.name });
  const port = portOf(raw);
  const expose = Object.create(null);
  const started = readiness();
  const server = serve(port, {
    sab,
    expose,
    objects,
    onMessage: (data) => {
      if (data.execctx === "ready") started.resolve(handle);
      if (data.execctx === "failed") end(toError(data.error), false);
    },
  });
  // end settles ready (if it has not settled) and rejects the pending
  // calls; a worker that is gone also gives back main's objects.
  const end = (error, gone) => {
    started.fail(error);
    if (gone) server.close(error);
    else server.fail(error);
  };
  watch(raw, url, end);
  port.post(initMessage(url, options, context, sab));
  const handle = {
    ready: started.ready,
    /** main's view of the worker's sync: calls return promises; assignments expose main's functions. */
    sync: syncObject((name, args) => server.invoke(name, args), (name, fn) => { expose[name] = fn; }),
    terminate: () => {
      end(new Error(`execctx: worker ${url} was terminated`), true); // a Web Worker reports no exit event
      return raw.terminate();
    },
    worker: raw,
  };
  return handle;
}

/** The `init` message (PROTOCOL.md) for a worker running url. */
function initMessage(url, options, context, sab) {
  return {
    execctx: "init",
    sab,
    timeout: context.timeout,
    url,
    interpreter: options.interpreter,
    context: {
      config: options.config.tag === "unset" ? null : options.config.val,
      configIsURL: options.config.tag === "url",
      scriptId: options.scriptId,
      baseURL: context.baseURL,
      mainHasDocument: typeof globalThis.document !== "undefined",
      async: options.runAsync,
    },
  };
}

/** readiness is a worker's `ready` promise with functions that settle it once: the first call wins. */
function readiness() {
  let done = false;
  const once = (fn) => (arg) => {
    if (!done) fn(arg);
    done = true;
  };
  let resolve;
  let reject;
  const ready = new Promise((res, rej) => {
    resolve = once(res);
    reject = once(rej);
  });
  ready.catch(() => {}); // a caller that never awaits ready must not see an unhandled rejection
  return { ready, resolve, fail: reject };
}

/** watch reports a worker that errors or exits; fail's second argument says whether it is gone. */
function watch(raw, url, fail) {
  if (typeof raw.on === "function") {
    raw.on("error", (e) => fail(new Error(`execctx: worker ${url} failed: ${e.message}`, { cause: e }), false));
    raw.on("exit", (code) => fail(new Error(`execctx: worker ${url} exited with code ${code}`), true));
    return;
  }
  raw.addEventListener("error", (event) => {
    event.preventDefault?.();
    fail(new Error(`execctx: worker ${url} failed: ${event.message || "the worker script could not be loaded"}`), false);
  });
  raw.addEventListener("messageerror", () => fail(new Error(`execctx: worker ${url} sent a message that could not be read`), false));
}
