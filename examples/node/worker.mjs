// The Node demo's worker thread.
import { RUNNING_IN_WORKER, config, window, sync, PyWorker } from "../../npm/dist/bundle/index.js";

sync.describe = () => ({
  RUNNING_IN_WORKER,
  config: JSON.stringify(config),
  window: String(window),
  PyWorker: String(PyWorker),
  "sync.greet(...)": sync.greet("worker"), // worker → main, blocking on SharedArrayBuffer
});
