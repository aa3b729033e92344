// The worker side of web-worker-shim.mjs: a global scope with
// addEventListener("message") and postMessage, over parentPort. Messages
// that arrive before the script listens are queued, as a browser does.
import { parentPort, workerData } from "node:worker_threads";

const scope = new EventTarget();
const queued = [];
let listening = false;

globalThis.addEventListener = (type, listener, options) => {
  scope.addEventListener(type, listener, options);
  if (type === "message" && !listening) {
    listening = true;
    queueMicrotask(() => queued.splice(0).forEach((event) => scope.dispatchEvent(event)));
  }
};
globalThis.removeEventListener = scope.removeEventListener.bind(scope);
globalThis.postMessage = (data, transfer) => {
  const ports = (Array.isArray(transfer) ? transfer : transfer?.transfer ?? []).filter((p) => p instanceof MessagePort);
  parentPort.postMessage({ data, ports }, ports);
};
parentPort.on("message", ({ data, ports }) => {
  const event = new MessageEvent("message", { data, ports });
  if (listening) scope.dispatchEvent(event);
  else queued.push(event);
});

await import(workerData.url);
