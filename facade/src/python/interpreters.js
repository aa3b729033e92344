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
  const module = await importFirst([
    pkg.name, // resolved by Node, Deno or a bundler
    // an unbundled page: the package beside execctx, or in the repository's npm/
    new URL(`../../../${pkg.name}/${pkg.entry}`, import.meta.url).href,
    new URL(`../../node_modules/${pkg.name}/${pkg.entry}`, import.meta.url).href,
  ]).catch((e) => {
    throw new Error(`execctx: install ${pkg.name} ${pkg.version} (and serve it) to run ${pkg.label}`, { cause: e });
  });
  return pkg.start(module, { stdout: output.stdout, stderr: output.stderr });
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
