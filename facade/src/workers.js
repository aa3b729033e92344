// Starting workers from the main thread: the execctx worker bootstrap in a
// module Worker (browsers, Deno) or a worker_threads Worker (Node), the
// protocol's main side, and the object PyWorker returns. Its `ready`
// always settles: it rejects when the worker's script fails, when the
// worker dies, or when it cannot start.

import { portOf } from "./protocol/port.js";
import { newSyncBuffer } from "./protocol/syncbuffer.js";
import { serve } from "./protocol/main.js";
import { toError } from "./protocol/wire.js";

const ENTRY = new URL("./worker-entry.js", import.meta.url);

/**
 * startWorker starts url in a worker. options are the component's validated
 * worker options; context has what the worker's own context needs (base
 * URL, whether main has a document, the call timeout). objects is the
 * realm's object table.
 */
export function startWorker(url, options, { workerThreads, objects, context }) {
  const sab = crossOriginIsolated() ? newSyncBuffer() : null;
  const raw = workerThreads ? new workerThreads.Worker(ENTRY) : new Worker(ENTRY, { type: "module", name: options.name });
  const port = portOf(raw);
  const expose = Object.create(null);
  let settle;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  ready.catch(() => {}); // a caller that never awaits ready must not see an unhandled rejection
  let done = false;
  const finish = (error) => {
    if (done) return;
    done = true;
    if (error) {
      settle.reject(error);
      server.fail(error);
    } else {
      settle.resolve(handle);
    }
  };
  const server = serve(port, {
    sab,
    expose,
    objects,
    onMessage: (data) => {
      if (data.execctx === "ready") finish();
      if (data.execctx === "failed") finish(toError(data.error));
    },
  });
  watch(raw, url, (error, gone) => {
    finish(error);
    if (gone) server.close(error);
    else server.fail(error);
  });
  port.post({
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
  });

  const handle = {
    ready,
    /** main's view of the worker's sync: calls return promises; assignments expose main's functions. */
    sync: syncOfMain(server, expose),
    terminate: () => {
      const error = new Error(`execctx: worker ${url} was terminated`);
      finish(error);
      server.close(error); // a Web Worker reports no exit event
      return raw.terminate();
    },
    worker: raw,
  };
  return handle;
}

function crossOriginIsolated() {
  // Node and Deno have SharedArrayBuffer; a browser only when isolated.
  return globalThis.crossOriginIsolated !== false;
}

/** watch reports a worker that errors or exits; fail's second argument says whether it is gone. */
function watch(raw, url, fail) {
  if (typeof raw.on === "function") {
    raw.on("error", (e) => fail(new Error(`execctx: worker ${url} failed: ${e.message}`, { cause: e })));
    raw.on("exit", (code) => fail(new Error(`execctx: worker ${url} exited with code ${code}`), true));
    return;
  }
  raw.addEventListener("error", (event) => {
    event.preventDefault?.();
    fail(new Error(`execctx: worker ${url} failed: ${event.message || "the worker script could not be loaded"}`));
  });
  raw.addEventListener("messageerror", () => fail(new Error(`execctx: worker ${url} sent a message that could not be read`)));
}

/** The sync object main holds for a worker. */
function syncOfMain(server, expose) {
  return new Proxy(Object.create(null), {
    get: (_, name) => (name === "then" || typeof name === "symbol" ? undefined : (...args) => server.invoke(name, args)),
    set: (_, name, fn) => {
      if (name === "then" || typeof fn !== "function") return false;
      expose[name] = fn;
      return true;
    },
  });
}
