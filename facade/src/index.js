// execctx: PyScript's context API for JS, on the main thread, in workers,
// in Node and in Deno. Importing it creates the realm's default context;
// createContext makes others with explicit settings.

import { createContext } from "./context.js";

const context = await createContext();

export const {
  RUNNING_IN_WORKER,
  config,
  window,
  document,
  sync,
  js_import,
  PyWorker,
  current_target,
  js_modules,
} = context;

export { createContext };
export { notSupported, isNotSupported } from "./notsupported.js";
export { runPython } from "./python/run.js";
export { workers } from "./named.js";
