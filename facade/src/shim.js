// Loading @bytecodealliance/preview2-shim for the unbundled package: its
// browser build, in every runtime, from the copy the package bundles, by
// URL (a browser without a bundler cannot resolve the package's name, and
// none of it is tried first). The guest needs clocks, random and writes
// to stdout and stderr, which that build has everywhere (console, crypto,
// performance); the Node build adds a worker thread for blocking I/O,
// started on import, which the guest's first stdio call waited for.
// make npm's bundle replaces this module with facade/bundle/shim.js.

const BROWSER_BUILD = new URL("../node_modules/@bytecodealliance/preview2-shim/lib/browser/", import.meta.url);
const INTERFACES = ["cli", "clocks", "io", "random"]; // what wasi.js uses: not filesystem (wasi.js has its own), http or sockets

/** loadShim resolves to the shim's namespaces by name (cli, clocks, io, random). */
export async function loadShim() {
  const modules = await Promise.all(INTERFACES.map((name) => import(new URL(`${name}.js`, BROWSER_BUILD).href)));
  return Object.fromEntries(INTERFACES.map((name, i) => [name, modules[i]]));
}
