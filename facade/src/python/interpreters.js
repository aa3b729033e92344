// Loading the interpreters execctx runs: the npm packages
// @micropython/micropython-webassembly-pyscript and pyodide (core only, so
// no package downloads at run time), from beside execctx, never from a CDN.

const PACKAGES = {
  micropython: {
    name: "@micropython/micropython-webassembly-pyscript",
    version: "1.27.0",
    entry: "micropython.mjs",
    label: "MicroPython",
    start: (module, output) => module.loadMicroPython(output),
  },
  pyodide: {
    name: "pyodide",
    version: "314.0.7",
    entry: "pyodide.mjs",
    label: "Pyodide",
    start: (module, output) => module.loadPyodide(output),
  },
};

/** loadInterpreter starts "micropython" or "pyodide" with output's stdout and stderr callbacks. */
export async function loadInterpreter(type, output) {
  const pkg = PACKAGES[type];
  if (!pkg) {
    throw new Error(`execctx: runPython runs "micropython" or "pyodide" (aliases "mpy", "py"); got ${JSON.stringify(type)}`);
  }
  const module = await import(interpreterURL(pkg)).catch((e) => {
    throw new Error(`execctx: install ${pkg.name} ${pkg.version} (and serve it) to run ${pkg.label}`, { cause: e });
  });
  return pkg.start(module, { stdout: output.stdout, stderr: output.stderr });
}

/**
 * interpreterURL is the one place the interpreter's module is imported
 * from, decided without trying others (a failed try is a failed request in
 * a browser's log). Where execctx is a file (Node, Deno), the runtime
 * resolves the package by name from node_modules. Where it is served, the
 * package is beside execctx's own folder, as npm installs them:
 * node_modules/execctx/dist/python/ → node_modules/<package>/. That holds
 * in workers too, which import maps do not reach.
 */
function interpreterURL(pkg) {
  const url = new URL(`../../../${pkg.name}/${pkg.entry}`, import.meta.url);
  return url.protocol === "file:" ? pkg.name : url.href;
}
