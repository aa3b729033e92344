// The imports a Go module gets on the floors' pages (visit-gofloor.html,
// worker-floor.js and its worker): the six WASI calls Go's runtime makes while it
// starts, answered the plainest way. Any other WASI call fails with
// ENOSYS (52); an execctx import (execctx's core alone, whose
// _initialize calls none) throws if it is ever called.

/** goFloorImports returns an import object for a Go module; memory() returns its memory once instantiated. */
export function goFloorImports(memory) {
  const view = () => new DataView(memory().buffer);
  const wasi = {
    // no arguments and no environment
    args_sizes_get: (count, size) => (view().setUint32(count, 0, true), view().setUint32(size, 0, true), 0),
    environ_sizes_get: (count, size) => (view().setUint32(count, 0, true), view().setUint32(size, 0, true), 0),
    args_get: () => 0,
    environ_get: () => 0,
    clock_time_get: (id, precision, out) => (view().setBigUint64(out, BigInt(Math.round(performance.now() * 1e6)), true), 0),
    random_get: (buf, len) => (crypto.getRandomValues(new Uint8Array(memory().buffer, buf, len)), 0),
    fd_write: (fd, iovs, count, written) => {
      let n = 0;
      for (let i = 0; i < count; i++) n += view().getUint32(iovs + 8 * i + 4, true);
      view().setUint32(written, n, true);
      return 0;
    },
    proc_exit: (code) => {
      throw new Error(`exit ${code}`);
    },
  };
  const unexpected = (name) => () => {
    throw new Error(`go floor: ${name} called during start-up`);
  };
  return new Proxy({}, {
    get: (_, module) => module === "wasi_snapshot_preview1"
      ? new Proxy(wasi, { get: (t, name) => t[name] ?? (() => 52) })
      : new Proxy({}, { get: (_, name) => unexpected(`${module}#${name}`) }),
  });
}

/** startGoModule instantiates a compiled Go module with goFloorImports and runs its _initialize; it returns the instance. */
export function startGoModule(module) {
  let memory;
  const instance = new WebAssembly.Instance(module, goFloorImports(() => memory));
  memory = instance.exports.memory;
  instance.exports._initialize();
  return instance;
}
