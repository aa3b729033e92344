// coincident is written for browsers: its main side extends the global
// Worker class and its worker side listens on the global scope. This shim
// gives Node's worker_threads that shape, so that the benchmark can run
// coincident 4.1.1 beside execctx in the same process. Only the benchmark
// uses it; execctx itself speaks to worker_threads directly.
import { Worker as NodeWorker } from "node:worker_threads";

const ENTRY = new URL("./web-worker-entry.mjs", import.meta.url);
const portsOf = (transfer) => (Array.isArray(transfer) ? transfer : transfer?.transfer ?? []).filter((p) => p instanceof MessagePort);

/** A Web Worker over worker_threads. */
export class WebWorker extends EventTarget {
  #worker;

  constructor(url, options = {}) {
    super();
    this.#worker = new NodeWorker(ENTRY, { workerData: { url: String(url) } });
    this.#worker.on("message", ({ data, ports }) => {
      const event = new MessageEvent("message", { data, ports });
      this.dispatchEvent(event);
      this.onmessage?.(event);
    });
    this.#worker.on("error", (error) => this.dispatchEvent(Object.assign(new Event("error"), { error, message: error.message })));
  }

  postMessage(data, transfer) {
    const ports = portsOf(transfer);
    this.#worker.postMessage({ data, ports }, ports);
  }

  terminate() {
    return this.#worker.terminate();
  }
}

globalThis.Worker ??= WebWorker;
