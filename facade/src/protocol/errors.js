// Errors as they cross between a worker and main: the worker's start-up
// failure (worker-entry.js) and the `$e` values of the wire format
// (wire.js). A module of its own, importing nothing, so that the worker
// entry can report a failure before the rest of the protocol has loaded.

/** The parts of an error that cross: name, message and stack. */
export function errorData(e) {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack ?? "" };
  return { name: "Error", message: String(e), stack: "" };
}

/** Rebuilds an error with the other side's name, message and stack. */
export function toError({ name, message, stack }) {
  const Ctor = globalThis[name] && globalThis[name].prototype instanceof Error ? globalThis[name] : Error;
  const e = new Ctor(message);
  if (e.name !== name) Object.defineProperty(e, "name", { value: name, configurable: true, writable: true });
  if (stack) e.stack = stack;
  return e;
}
