// Loading the interpreters execctx runs: the npm packages
// @micropython/micropython-webassembly-pyscript and pyodide (core only),
// from beside execctx, never from a CDN.

/** loadInterpreter starts "micropython" or "pyodide" with the given output callbacks. */
export async function loadInterpreter(type, output) {
  if (type === "pyodide") return loadPyodideCore(output);
  if (type !== "micropython") {
    throw new Error(`execctx: runPython runs "micropython" or "pyodide" (aliases "mpy", "py"); got ${JSON.stringify(type)}`);
  }
  const mp = await importFirst([
    "@micropython/micropython-webassembly-pyscript",
    // an unbundled page: the package beside execctx, or in the repository's npm/
    new URL("../../../@micropython/micropython-webassembly-pyscript/micropython.mjs", import.meta.url).href,
    new URL("../../node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs", import.meta.url).href,
  ]).catch((e) => {
    throw new Error("execctx: install @micropython/micropython-webassembly-pyscript 1.27.0 (and serve it) to run MicroPython", { cause: e });
  });
  return mp.loadMicroPython({ stdout: output.stdout, stderr: output.stderr });
}

// Pyodide's core only: no packages are downloaded at run time.
async function loadPyodideCore(output) {
  const pyodide = await importFirst([
    "pyodide",
    new URL("../../../pyodide/pyodide.mjs", import.meta.url).href,
    new URL("../../node_modules/pyodide/pyodide.mjs", import.meta.url).href,
  ]).catch((e) => {
    throw new Error("execctx: install pyodide 314.0.7 (and serve it) to run Pyodide", { cause: e });
  });
  return pyodide.loadPyodide({ stdout: output.stdout, stderr: output.stderr });
}

/** importFirst imports the first specifier that loads. */
async function importFirst(specifiers) {
  let last;
  for (const s of specifiers) {
    try {
      return await import(s);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}
