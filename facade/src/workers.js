// Starting workers from the main thread: the execctx worker bootstrap in a
// module Worker (browsers, Deno) or a worker_threads Worker (Node), the
// protocol's main side, and the object PyWorker returns. Every call to the
// worker settles: once the worker has ended, pending calls reject and later
// ones reject at once, saying why (lifecycle.js), and everything main held
// for the worker is let go.

import { portOf } from "./protocol/port.js";
import { newSyncBuffer } from "./protocol/syncbuffer.js";
import { serve } from "./protocol/main.js";
import { toError } from "./protocol/errors.js";
import { syncBufferAllowed } from "./env.js";
import { relayFor } from "./relay.js";
import { syncObject } from "./sync.js";
import { readiness, watch, endedBeforeReady, endedError } from "./lifecycle.js";
import { compiledModules } from "./component.js";
import { nameWorker } from "./named.js";

const ENTRY = new URL("./worker-entry.js", import.meta.url);

/** A handle's table sizes and end reason, for tests: handle[STATS]. */
export const STATS = Symbol.for("execctx.stats");

/**
 * startWorker starts url in a worker. options are the component's validated
 * worker options; context has what the worker's own context needs (base
 * URL, the call timeout) and readyTimeout. objects is the realm's ObjectTable.
 */
export function startWorker(url, options, { workerThreads, objects, context }) {
  const sab = syncBufferAllowed() ? newSyncBuffer() : null;
  // Without a sync buffer, a browser page may relay blocking calls through
  // the service worker PyWorker's service_worker option names. Elsewhere
  // (Node, Deno: they have SharedArrayBuffer) the option changes nothing.
  const relay = sab === null && options.serviceWorker ? relayFor(options.serviceWorker) : null;
  const make = () => (workerThreads ? new workerThreads.Worker(ENTRY) : new Worker(ENTRY, { type: "module", name: options.name }));
  // A relayed worker starts once the service worker is active: a worker
  // started before is not controlled by it, and never will be.
  let raw = relay ? null : make();
  const port = relay ? deferredPort() : portOf(raw);
  const started = readiness(url, context.readyTimeout);
  let ending = null; // why the worker ended, once it has
  const server = serve(port, {
    sab,
    relay,
    expose: Object.create(null),
    objects,
    onMessage: (data) => {
      if (data.execctx === "ready") started.resolve(handle);
      if (data.execctx === "failed") fail(toError(data.error));
      if (data.execctx === "exit") {
        end("exited");
        raw.terminate(); // it is closing: make sure
      }
    },
  });
  // fail rejects ready and the pending calls; the worker lives on (its
  // script failed, or one message was lost) and may answer later calls.
  const fail = (error) => {
    started.fail(error);
    server.fail(error);
  };
  // end is final: the first reason wins.
  const end = (reason) => {
    if (ending) return;
    ending = reason;
    started.fail(endedBeforeReady(url, reason));
    server.close(endedError(url, reason));
  };
  const init = initMessage(url, options, context, sab);
  if (!relay) {
    watch(raw, url, { fail, end });
    postInit(port, init);
  } else {
    relay.ready.then((r) => {
      if (ending) return; // terminated before it started
      raw = make();
      watch(raw, url, { fail, end });
      port.attach(portOf(raw), (p) => postInit(p, { ...init, relay: r }));
    });
  }
  const handle = {
    ready: started.ready,
    /** main's view of the worker's sync: calls return promises; assignments expose main's functions. */
    sync: syncObject((name, args) => server.invoke(name, args), (name, fn) => server.offer(name, fn)),
    terminate: () => {
      end("terminated"); // a Web Worker reports no exit event
      return raw?.terminate();
    },
    /** The Worker; null while a relayed worker waits for its service worker. */
    get worker() {
      return raw;
    },
  };
  Object.defineProperty(handle, STATS, { get: () => ({ ended: ending, ...server.stats() }) });
  if (options.name) nameWorker(options.name, handle); // pyscript.workers[name]
  return handle;
}

/**
 * deferredPort stands for the port of a worker not started yet: what is
 * posted waits, and listeners wait, until attach(port, first), which
 * runs first(port) (init goes before anything else) and then posts them.
 */
function deferredPort() {
  let real = null;
  const waiting = [];
  const listeners = [];
  return {
    post: (message) => (real ? real.post(message) : waiting.push(message)),
    listen: (handler) => (real ? real.listen(handler) : listeners.push(handler)),
    attach(port, first) {
      real = port;
      for (const handler of listeners) port.listen(handler);
      first(port);
      for (const message of waiting.splice(0)) port.post(message);
    },
  };
}

/**
 * postInit sends init with main's compiled modules, so that the worker
 * skips downloading and compiling the component. A runtime that cannot
 * send a WebAssembly.Module to a worker (DataCloneError) gets init
 * without them, and the worker compiles its own.
 */
function postInit(port, init) {
  const modules = compiledModules();
  if (modules) {
    try {
      return port.post({ ...init, modules });
    } catch (e) {
      if (e?.name !== "DataCloneError") throw e;
    }
  }
  port.post(init);
}

/** The `init` message (PROTOCOL.md) for a worker running url; the relay's part is added once it is up. */
function initMessage(url, options, context, sab) {
  return {
    execctx: "init",
    sab,
    relay: null,
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
