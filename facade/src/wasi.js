// The WASI preview2 imports the component needs (Go's runtime uses clocks,
// random, stdio and exit), from @bytecodealliance/preview2-shim 0.17.9
// (shim.js says which build, and how it is loaded), and the ones it only
// links against, supplied here.

import { loadShim } from "./shim.js";

let imports; // Promise of the import object, once per realm

/**
 * GuestExit is what a guest's WASI exit throws. The Node shim's exit ends
 * the whole process; a guest must never take its host down, so the call
 * fails instead, like a trap, and the context restarts its instance.
 */
export class GuestExit extends Error {
  constructor(code) {
    super(`execctx: the context component exited with code ${code}`);
    this.name = "GuestExit";
    this.code = code;
  }
}

const exit = {
  exit: (status) => {
    throw new GuestExit(status.tag === "err" ? 1 : 0);
  },
  exitWithCode: (code) => {
    throw new GuestExit(code);
  },
};

// The guest sees no arguments, no environment and no working directory:
// it needs none of them, and the host process's own would leak into it.
// An empty argument (`node app.mjs ""`) even made Go's start-up panic
// under the WASI adapter.
const environment = {
  getEnvironment: () => [],
  getArguments: () => [],
  initialCwd: () => undefined,
};

// The guest opens no file (docs/boundary.md): its filesystem imports are
// there for linking only. It has no preopened directory (the shim's
// browser build would give it an empty "/"), so no Descriptor ever
// exists, and no stream error is a filesystem one. The shim's in-memory
// filesystem is left out: it was the bundle's largest part of the shim.
class Descriptor {}
const filesystem = {
  preopens: { getDirectories: () => [] },
  types: { Descriptor, filesystemErrorCode: () => undefined },
};

/** The wasi:* part of the component's import object. */
export function wasiImports() {
  imports ??= loadShim().then(({ cli, clocks, io, random }) => ({
    "wasi:cli/environment": environment,
    "wasi:cli/exit": exit,
    "wasi:cli/stderr": cli.stderr,
    "wasi:cli/stdin": cli.stdin,
    "wasi:cli/stdout": cli.stdout,
    "wasi:clocks/monotonic-clock": clocks.monotonicClock,
    "wasi:clocks/wall-clock": clocks.wallClock,
    "wasi:filesystem/preopens": filesystem.preopens,
    "wasi:filesystem/types": filesystem.types,
    "wasi:io/error": io.error,
    "wasi:io/poll": io.poll,
    "wasi:io/streams": io.streams,
    "wasi:random/random": random.random,
  }));
  return imports;
}
