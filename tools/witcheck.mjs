// witcheck: checks that a built component has the world of wit/, what
// `wasm-tools component targets` checks, with the pinned jco.
//
//   node tools/witcheck.mjs build/execctx.component.wasm wit [WORLD]
//
// It makes the world's own component (`jco embed --dummy` of WORLD, then
// `jco new`), prints both components' worlds (`jco wit`) and requires the
// same imports and the same exports: every WASI interface the preview1
// adapter imports must be declared in the world, and nothing the world
// declares may be missing. `jco new` has already checked every execctx
// function's type against the core module, so names (with versions) are
// what is left to check.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const [component, witDir, worldArg] = process.argv.slice(2);
if (!component || !witDir) {
  console.error("usage: node tools/witcheck.mjs COMPONENT.wasm WIT_DIR [WORLD]");
  process.exit(2);
}

const jcoPath = join(dirname(fileURLToPath(import.meta.url)), "node_modules/@bytecodealliance/jco/src/jco.js");
const jco = (...args) => execFileSync(process.execPath, [jcoPath, ...args], { encoding: "utf8" });

// The world named on the command line, else the only one in WIT_DIR's own
// files (wit/deps holds the WASI packages, with worlds of their own).
function worldName() {
  if (worldArg) return worldArg;
  const source = readdirSync(witDir).filter((f) => f.endsWith(".wit")).map((f) => readFileSync(join(witDir, f), "utf8")).join("\n");
  const names = [...source.matchAll(/^\s*world\s+([\w-]+)\s*\{/gm)].map((m) => m[1]);
  if (names.length !== 1) throw new Error(`${witDir}: ${names.length} worlds (${names}); name one`);
  return names[0];
}

// The world's own component: a dummy core module with the world embedded,
// made a component as the real one is.
function worldComponent(world) {
  const dir = mkdtempSync(join(tmpdir(), "witcheck-"));
  try {
    jco("embed", "--dummy", "--wit", witDir, "-n", world, "-o", join(dir, "dummy.wasm"));
    jco("new", join(dir, "dummy.wasm"), "-o", join(dir, "dummy.component.wasm"));
    return jco("wit", join(dir, "dummy.component.wasm"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// world items: lines "import x;" / "export x;" inside a world block
function worldItems(text) {
  const items = { import: new Set(), export: new Set() };
  for (const m of text.matchAll(/^\s*(import|export)\s+([^;{]+);/gm)) items[m[1]].add(m[2].trim());
  return items;
}

const world = worldName();
const printed = jco("wit", component);
const want = worldItems(worldComponent(world));
const got = worldItems(printed);

const problems = [];
for (const kind of ["import", "export"]) {
  for (const name of want[kind]) if (!got[kind].has(name)) problems.push(`missing ${kind} ${name}`);
  for (const name of got[kind]) if (!want[kind].has(name)) problems.push(`${kind} ${name} is not in world ${world}`);
}
if (want.import.size === 0 || want.export.size === 0) problems.push(`world ${world} printed no imports or no exports`);

if (problems.length) {
  console.error(`witcheck: ${component} does not have world ${world} of ${witDir}:\n  ${problems.join("\n  ")}\n\njco wit printed:\n${printed}`);
  process.exit(1);
}
const wasi = [...got.import].filter((n) => n.startsWith("wasi:")).length;
console.log(`witcheck: ${component} has world ${world} of ${witDir}: the same ${got.import.size} imports (${wasi} WASI) and ${got.export.size} exports`);
