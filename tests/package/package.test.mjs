// The packaging test: npm pack, install the tarball into a fresh project
// offline (the WASI shim is bundled, so the tarball is all it needs),
// import it from Node ESM, and type-check a TypeScript file against its
// declarations with tsc --noEmit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const npmDir = fileURLToPath(new URL("../../npm/", import.meta.url));
const tsc = fileURLToPath(new URL("../node_modules/.bin/tsc", import.meta.url));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

const project = await mkdtemp(join(tmpdir(), "execctx-pack-"));
const tarball = join(project, run("npm", ["pack", "--silent", "--pack-destination", project], npmDir).trim().split("\n").pop());

test("the tarball holds the package, its bundle, its component, the relay's service worker and the bundled WASI shim", () => {
  const files = run("tar", ["-tzf", tarball], project).split("\n");
  for (const f of ["package/dist/index.js", "package/dist/index.d.ts", "package/dist/worker-entry.js", "package/dist/worker-boot.js", "package/dist/service-worker.js",
    "package/dist/bundle/index.js", "package/dist/bundle/worker-entry.js", "package/dist/bundle/worker-boot.js", "package/dist/bundle/shared.js",
    "package/dist/bundle/index.js.map", "package/dist/bundle/worker-entry.js.map", "package/dist/bundle/worker-boot.js.map", "package/dist/bundle/shared.js.map",
    "package/dist/auto.js", "package/dist/auto.d.ts", "package/dist/bundle/auto.js", "package/dist/bundle/auto.js.map",
    "package/dist/component/execctx.js", "package/dist/component/cores.js", "package/dist/component/execctx.core.wasm",
    "package/node_modules/@bytecodealliance/preview2-shim/package.json"]) {
    assert.ok(files.includes(f), `${f} missing from the tarball`);
  }
  // the bundle is one shared chunk, four entries (the worker's two among them) and the relay's link, which only a
  // relayed worker's page loads: a second chunk would be a request the README does not mention
  assert.deepEqual(files.filter((f) => f.startsWith("package/dist/bundle/") && f.endsWith(".js")).sort(),
    ["package/dist/bundle/auto.js", "package/dist/bundle/index.js", "package/dist/bundle/relay-link.js", "package/dist/bundle/shared.js", "package/dist/bundle/worker-boot.js", "package/dist/bundle/worker-entry.js"]);
});

// readme.test.mjs runs every README snippet against such an install.
test("it installs offline from the tarball alone, and says where its documentation is", async () => {
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], project);
  const installed = JSON.parse(await readFile(join(project, "node_modules/execctx/package.json"), "utf8"));
  assert.equal(installed.homepage, "https://github.com/execctx/execctx#readme");
  assert.equal(installed.repository?.url, "git+https://github.com/execctx/execctx.git");
  // its README points there for "the full documentation"
  const readme = await readFile(join(project, "node_modules/execctx/README.md"), "utf8");
  assert.ok(readme.includes(`(${installed.homepage})`), "npm/README.md does not link to the homepage");
  assert.equal(run(process.execPath, ["--input-type=module", "-e", 'const { config } = await import("execctx"); console.log(config.type)'], project), "py\n");
});

// A bundler or a build script finds the relay's service worker by name,
// to copy it where the site serves it (README, "The service-worker relay").
test("execctx/service-worker.js names the relay's service worker, a classic script", async () => {
  const resolved = run(process.execPath, ["--input-type=module", "-e", 'console.log(import.meta.resolve("execctx/service-worker.js"))'], project).trim();
  assert.equal(resolved, pathToFileURL(join(project, "node_modules/execctx/dist/service-worker.js")).href);
  const text = await readFile(fileURLToPath(resolved), "utf8");
  assert.doesNotMatch(text, /^\s*(import|export)\s/m, "a service worker loaded with importScripts() cannot be a module");
});

// Node, Deno and browsers get the bundle (exports "default"); a page
// without a bundler names it in an import map, as the README's pages do,
// and readme.test.mjs runs those pages in Chromium from this install.
test("import \"execctx\" is the bundle in Node, and the README's pages import that same file", async () => {
  const resolved = run(process.execPath, ["--input-type=module", "-e", 'console.log(import.meta.resolve("execctx"))'], project).trim();
  assert.equal(resolved, pathToFileURL(join(project, "node_modules/execctx/dist/bundle/index.js")).href);
  const installed = JSON.parse(await readFile(join(project, "node_modules/execctx/package.json"), "utf8"));
  const browser = installed.exports["."].browser ?? installed.exports["."].default;
  const readme = await readFile(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
  const maps = [...readme.matchAll(/"execctx": "([^"]+)"/g)].map((m) => m[1]);
  assert.ok(maps.length > 0, "README has no import map naming execctx");
  for (const target of maps) assert.equal(target, `./node_modules/execctx/${browser.replace(/^\.\//, "")}`);
});

// A PyScript page loads execctx/auto by its path (its one module script).
test("execctx/auto is the bundle's auto.js, and the documented PyScript pages load that same file", async () => {
  const resolved = run(process.execPath, ["--input-type=module", "-e", 'console.log(import.meta.resolve("execctx/auto"))'], project).trim();
  assert.equal(resolved, pathToFileURL(join(project, "node_modules/execctx/dist/bundle/auto.js")).href);
  const docs = await Promise.all(["README.md", "docs/python.md"].map((f) => readFile(fileURLToPath(new URL(`../../${f}`, import.meta.url)), "utf8")));
  const srcs = docs.flatMap((doc) => [...doc.matchAll(/<script type="module" src="([^"]*auto\.js)">/g)].map((m) => m[1]));
  assert.ok(srcs.length > 0, "neither README.md nor docs/python.md has a page that loads execctx/auto");
  for (const src of srcs) assert.equal(src, "./node_modules/execctx/dist/bundle/auto.js");
});

test("its TypeScript declarations type-check a typical use", async () => {
  await writeFile(join(project, "tsconfig.json"), JSON.stringify({
    compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, lib: ["es2022", "dom"] },
    files: ["check.ts"],
  }));
  await writeFile(join(project, "check.ts"), `
import { RUNNING_IN_WORKER, config, PyWorker, createContext, isNotSupported, type Context, type WorkerHandle } from "execctx";
const inWorker: boolean = RUNNING_IN_WORKER;
const type: "py" | "mpy" = config.type;
async function start(): Promise<WorkerHandle | undefined> {
  const ctx: Context = await createContext({ config: { a: 1 }, interpreter: "py", timeout: 1000, readyTimeout: 30000 });
  if (isNotSupported(ctx.PyWorker)) return undefined;
  const w = ctx.PyWorker("./w.js", { type: "module", config: { sync_main_only: true } });
  await w.ready;
  if (!isNotSupported(ctx.js_import)) await ctx.js_import("./m.js");
  return w;
}
// in a worker PyWorker started, without a bundler
const url: string | undefined = globalThis.execctx?.url;
void start; void inWorker; void type; void PyWorker; void url;
`);
  run(tsc, ["-p", "."], project);
  const fails = async (source, error) => {
    await writeFile(join(project, "check.ts"), source);
    assert.throws(() => run(tsc, ["-p", "."], project), (e) => error.test(e.stdout) || assert.fail(e.stdout));
  };
  await fails(`import { config } from "execctx";\nconst n: number = config.type;\nvoid n;\n`, /check\.ts\(2,7\): error TS2322: .* is not assignable to type 'number'/);
  // js_import is NotSupported in a worker without SharedArrayBuffer: a call must check first
  await fails(`import { js_import } from "execctx";\nvoid js_import("./m.js");\n`, /check\.ts\(2,6\): error TS2349: This expression is not callable/);
});

// The interpreters are optional peer dependencies, so this fresh install
// has neither: a Python worker's ready must reject and say what to install.
test("without the interpreter packages, a Python worker's ready rejects naming the package", async () => {
  await writeFile(join(project, "w.py"), "print('never runs')\n");
  await writeFile(join(project, "start.mjs"), `
import { PyWorker } from "execctx";
for (const type of ["micropython", "pyodide"]) {
  const w = PyWorker(new URL("./w.py", import.meta.url), { type });
  await w.ready.then(() => console.log("ready"), (e) => console.log(e.message));
  await w.terminate();
}
`);
  const lines = run(process.execPath, ["start.mjs"], project).trim().split("\n");
  assert.deepEqual(lines, [
    "execctx: install @micropython/micropython-webassembly-pyscript 1.27.0 (and serve it) to run MicroPython",
    "execctx: install pyodide 314.0.7 (and serve it) to run Pyodide",
  ]);
});
