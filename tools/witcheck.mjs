// witcheck: checks that a built component has the world of wit/.
//
//   node tools/witcheck.mjs build/execctx.component.wasm wit
//
// It prints the component's WIT with the pinned jco (`jco wit`) and checks
// that every import and export of the world in WIT_DIR is there, that
// nothing else is exported, and that the only other imports are WASI (from
// the preview1 adapter) or interfaces of our own package that the world's
// interfaces `use`. `jco new` has already checked every function's type
// against the core module, so names are what is left to check.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const [component, witDir] = process.argv.slice(2);
if (!component || !witDir) {
  console.error("usage: node tools/witcheck.mjs COMPONENT.wasm WIT_DIR");
  process.exit(2);
}

const jco = join(dirname(fileURLToPath(import.meta.url)), "node_modules/@bytecodealliance/jco/src/jco.js");
const printed = execFileSync(process.execPath, [jco, "wit", component], { encoding: "utf8" });

// world items: lines "import x;" / "export x;" inside a world block
function worldItems(text) {
  const items = { import: new Set(), export: new Set() };
  for (const m of text.matchAll(/^\s*(import|export)\s+([^;{]+);/gm)) items[m[1]].add(m[2].trim());
  return items;
}

const source = readdirSync(witDir).filter((f) => f.endsWith(".wit")).map((f) => readFileSync(join(witDir, f), "utf8")).join("\n");
const pkg = source.match(/^\s*package\s+([\w-]+:[\w-]+)@([\w.]+)\s*;/m);
if (!pkg) throw new Error(`${witDir}: no package declaration`);
const qualify = (name) => `${pkg[1]}/${name}@${pkg[2]}`;
const want = worldItems(source);
const got = worldItems(printed);

const problems = [];
for (const kind of ["import", "export"]) {
  for (const name of want[kind]) {
    if (!got[kind].has(qualify(name))) problems.push(`missing ${kind} ${qualify(name)}`);
  }
}
for (const name of got.export) {
  if (![...want.export].map(qualify).includes(name)) problems.push(`unexpected export ${name}`);
}
for (const name of got.import) {
  const ours = name.startsWith(`${pkg[1]}/`);
  if (!name.startsWith("wasi:") && !ours) problems.push(`unexpected import ${name}`);
}

if (problems.length) {
  console.error(`witcheck: ${component} does not have the world of ${witDir}:\n  ${problems.join("\n  ")}\n\njco wit printed:\n${printed}`);
  process.exit(1);
}
console.log(`witcheck: ${component} has the world of ${witDir} (${want.import.size} imports, ${want.export.size} exports, ${[...got.import].filter((n) => n.startsWith("wasi:")).length} WASI imports)`);
