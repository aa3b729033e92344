// bundle: the npm package's bundle, built with esbuild from the unbundled
// package in npm/dist (the facade and the transpiled glue) and the WASI
// shim's browser build in npm/node_modules. Every runtime imports it
// (package.json "exports"): in browsers it saves the module graph's
// requests, and in Node and Deno it loads faster than the files it is
// made of (README.md, "Using it from JavaScript").
//
//   node tools/bundle.mjs NPM_DIR
//
// NPM_DIR/dist/bundle/ gets index.js (what `import "execctx"` loads),
// worker-entry.js (what PyWorker starts a worker on) and worker-boot.js
// (what it loads once main's init has arrived), auto.js (what a PyScript
// page loads: execctx/auto), shared.js, the code they share (auto.js
// imports only modules the others share), and relay-link.js, which main
// loads only for a page's first relayed worker. Each has a source map
// that points at the package's unbundled files (all but
// facade/bundle/shim.js, a few lines that are not in the package). The
// split keeps one copy of the code per realm: a worker loads
// worker-boot.js and shared.js, and its script's import of index.js
// reuses that shared.js, so the modules main sent to the worker
// (component.js) are the ones its context uses. worker-entry.js is built
// on its own, so that it does not load shared.js (facade/src/
// worker-entry.js says why); the few stateless modules it needs
// (WORKER_ENTRY_IMPORTS) are a second copy in the worker.
//
// The facade and the shim find files by `new URL(path, import.meta.url)`.
// In a bundle import.meta.url is the bundle's, so every such path is
// rewritten to reach the same file from the bundle's folder (the core
// .wasm stays a file beside the glue, the Python layer beside python/),
// or, for the two entry modules, the bundle's own entry. Any other use of
// import.meta.url fails the build, so that a new one cannot slip through.
import { build, transform } from "esbuild";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, posix, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const SHIM_STANDIN = resolve(here, "../facade/bundle/shim.js");
const CORE_FIRST = resolve(here, "../facade/bundle/core-first.js"); // index.js's first line (startCoreFirst)
const ENTRIES = ["index.js", "worker-boot.js", "auto.js"]; // in npm/dist, and in the bundle's folder
const WORKER_ENTRY = "worker-entry.js";
// The bundle's worker-entry.js starts shared.js's download on its first
// line, beside worker-boot.js's, instead of once worker-boot.js has
// arrived and named it: the chunk then arrives a request sooner (the
// worker still evaluates it once, as worker-boot.js's import).
const SHARED_EARLY = `import("./shared.js").catch(()=>{});`;
// What worker-entry.js may bundle: modules of npm/dist that hold no state,
// so that a second copy in the worker changes nothing.
const WORKER_ENTRY_IMPORTS = ["protocol/port.js", "protocol/errors.js", "env.js", "builtin.js"];
// Modules the facade loads with import() only when a page needs them, each
// minified into a file of its own beside the entries. They import nothing:
// splitting would give them a helper chunk of their own, and pages a
// second shared file to preload.
const LAZY = ["relay-link.js"];

// `new URL("path", import.meta.url)`, or the leading text of `new URL(`path${…}`, import.meta.url)`
const URL_OF_MODULE = /new URL\((["'])([^"'`$]*)\1\s*,\s*import\.meta\.url\s*\)|new URL\(`([^`$]*)\$\{/g;
const MOVED = [/new URL\((["'])[^"'`]*\1\s*,\s*import\.meta\.url\s*\)/g, /new URL\(`[^`]*`\s*,\s*import\.meta\.url\s*\)/g];

const [npmDir] = process.argv.slice(2);
if (!npmDir) {
  console.error("usage: node tools/bundle.mjs NPM_DIR");
  process.exit(2);
}
const dist = resolve(npmDir, "dist");
const outdir = join(dist, "bundle");

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: ENTRIES.map((e) => join(dist, e)),
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser", // the shim's browser build, in every runtime (facade/src/shim.js says why)
  target: "es2022",
  minify: true,
  charset: "utf8", // module scripts are UTF-8; escaping cores.js's Latin-1 bytes would add a third to them
  sourcemap: "linked",
  sourcesContent: false, // the sources are in the package, beside the bundle
  chunkNames: "shared", // one chunk (a second would fail the build), with a name pages can preload
  external: ["node:*"], // imported only where they exist (Node, Deno)
  nodePaths: [join(resolve(npmDir), "node_modules")], // the stand-in's shim, as the package has it
  logLevel: "warning",
  metafile: true,
  plugins: [standIn(), relocate(), lazy()],
});
const lazyResult = await buildAlone(LAZY, [importsNothing()]);
const entryResult = await buildAlone([WORKER_ENTRY], [statelessOnly(), relocate()]);
Object.assign(result.metafile.outputs, lazyResult.metafile.outputs, entryResult.metafile.outputs);
result.metafile.outputs[relative(process.cwd(), join(outdir, "index.js"))].bytes = await startCoreFirst();
result.metafile.outputs[relative(process.cwd(), join(outdir, WORKER_ENTRY))].bytes = await startSharedEarly();
for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith(".js")) console.log(`bundle: ${relative(process.cwd(), file)} ${bytes} B`);
}

/** buildAlone builds each of entries (in npm/dist) into one file of its own, with no shared chunk. */
function buildAlone(entries, plugins) {
  return build({
    entryPoints: entries.map((e) => join(dist, e)),
    outdir,
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: "linked",
    sourcesContent: false,
    logLevel: "warning",
    metafile: true,
    plugins,
  });
}

/**
 * startCoreFirst makes the bundle's index.js start the core's download
 * (facade/bundle/core-first.js) before it loads shared.js, and returns
 * its new size. esbuild writes index.js as one static import of
 * shared.js, which a browser fetches and runs before any of index.js
 * does; that import becomes a dynamic one after the download has begun.
 * The new code is a line of its own, and the import's place in the old
 * first line is kept as spaces, so the source map needs only one more
 * (empty) line. Any other shape of index.js fails the build.
 */
async function startCoreFirst() {
  const file = join(outdir, "index.js");
  const code = await readFile(file, "utf8");
  const imported = code.match(/^import\{([\w$, ]+)\}from"\.\/shared\.js";/);
  if (!imported) throw new Error(`${file} does not start with one import of ./shared.js: tools/bundle.mjs cannot start the core first`);
  const bindings = imported[1].split(",").map((b) => b.replace(" as ", ":")).join(",");
  const cores = (await readdir(join(dist, "component"))).filter((n) => n.endsWith(".wasm"));
  if (cores.length !== 1) throw new Error(`${dist}/component has ${cores.length} core module files, not the Go core alone (tools/cores.mjs)`);
  const core = fromBundle(join(dist, "component.js"), `./component/${cores[0]}`);
  const first = (await transform(await readFile(CORE_FIRST, "utf8"), { minify: true, format: "esm", target: "es2022", define: { CORE: JSON.stringify(core) } })).code.trim();
  const rest = `${" ".repeat(imported[0].length)}${code.slice(imported[0].length)}`;
  return prependLine("index.js", `${first}const{${bindings}}=await import("./shared.js");`, rest);
}

/** startSharedEarly puts SHARED_EARLY first in the bundle's worker-entry.js, once sure worker-boot.js loads that chunk. */
async function startSharedEarly() {
  if (!/^import\{[^}]*\}from"\.\/shared\.js";/.test(await readFile(join(outdir, "worker-boot.js"), "utf8"))) {
    throw new Error("the bundle's worker-boot.js does not start with an import of ./shared.js: tools/bundle.mjs cannot start it early");
  }
  return prependLine(WORKER_ENTRY, SHARED_EARLY);
}

/**
 * prependLine puts line before the first line of the bundle's file (or of
 * rest, the file's code as the caller changed it), moves its source map
 * down a line to match, and returns the file's new size.
 */
async function prependLine(name, line, rest) {
  const file = join(outdir, name);
  const code = `${line}\n${rest ?? (await readFile(file, "utf8"))}`;
  const map = JSON.parse(await readFile(`${file}.map`, "utf8"));
  map.mappings = `;${map.mappings}`;
  await writeFile(file, code);
  await writeFile(`${file}.map`, JSON.stringify(map));
  return Buffer.byteLength(code);
}

/** standIn gives the bundle facade/bundle/shim.js where the facade imports ./shim.js. */
function standIn() {
  return {
    name: "execctx-shim",
    setup(b) {
      b.onResolve({ filter: /^\.\/shim\.js$/ }, (args) => (resolve(args.resolveDir) === dist ? { path: SHIM_STANDIN } : undefined));
    },
  };
}

/** lazy keeps the LAZY modules out of the entries' build: their import() reaches the file beside them. */
function lazy() {
  return {
    name: "execctx-lazy",
    setup(b) {
      b.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) =>
        resolve(args.resolveDir) === dist && LAZY.includes(args.path.slice(2)) ? { path: args.path, external: true } : undefined);
    },
  };
}

/** importsNothing fails the LAZY modules' build where one imports a module. */
function importsNothing() {
  return {
    name: "execctx-imports-nothing",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        throw new Error(`${args.importer} imports ${args.path}: a lazily loaded module must import nothing (tools/bundle.mjs, LAZY)`);
      });
    },
  };
}

/**
 * statelessOnly lets worker-entry.js bundle only WORKER_ENTRY_IMPORTS, and
 * leaves its import of worker-boot.js to reach the file beside it.
 */
function statelessOnly() {
  return {
    name: "execctx-stateless-only",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        if (args.path.startsWith("node:")) return { path: args.path, external: true };
        const inDist = relative(dist, resolve(args.resolveDir, args.path)).split(sep).join("/");
        if (args.kind === "dynamic-import" && ENTRIES.includes(inDist)) return { path: args.path, external: true };
        if (WORKER_ENTRY_IMPORTS.includes(inDist)) return undefined;
        throw new Error(`${args.importer} imports ${args.path}: ${WORKER_ENTRY} may bundle only stateless modules (tools/bundle.mjs, WORKER_ENTRY_IMPORTS)`);
      });
    },
  };
}

/** relocate rewrites the import.meta.url-relative paths of every module bundled. */
function relocate() {
  return {
    name: "execctx-relocate",
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        if (!source.includes("import.meta.url")) return undefined;
        const contents = source.replace(URL_OF_MODULE, (whole, quote, literal, prefix) => {
          const moved = JSON.stringify(fromBundle(args.path, literal ?? prefix)).slice(1, -1);
          return literal !== undefined ? `new URL(${quote}${moved}${quote}, import.meta.url)` : `new URL(\`${moved}\${`;
        });
        if (MOVED.reduce((text, re) => text.replace(re, ""), contents).includes("import.meta.url")) {
          throw new Error(`${args.path} uses import.meta.url other than as new URL("path", import.meta.url): tools/bundle.mjs cannot move it`);
        }
        return { contents, loader: "js" };
      });
    },
  };
}

/**
 * fromBundle is path (relative to the module file) as the bundle's
 * folder reaches it: the bundle's own entry for an entry module of
 * npm/dist, the same file otherwise. Any other module of npm/dist would
 * be a second copy of code the bundle has, and fails the build.
 */
function fromBundle(file, path) {
  const inDist = relative(dist, resolve(dirname(file), path)).split(sep).join("/");
  if (ENTRIES.includes(inDist) || inDist === WORKER_ENTRY) return `./${inDist}`;
  if (path.endsWith(".js") && !inDist.startsWith("../")) {
    throw new Error(`${file}: ${path} is a module the bundle has inlined; reach it through an entry`);
  }
  const moved = posix.relative(relative(dist, outdir).split(sep).join("/"), inDist) + (path.endsWith("/") ? "/" : "");
  return moved.startsWith(".") ? moved : `./${moved}`;
}
