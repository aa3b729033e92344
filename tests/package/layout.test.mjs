// README's "Layout" block against the repository: every path it lists
// exists, and every directory git tracks is accounted for. A listed
// directory with no listed entries under it stands for its whole subtree;
// one with listed entries under it (host/ with hostmock/, say), or a
// directory that only holds listed entries (tests/), must have every
// subdirectory accounted for in turn.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { blocks } from "./snippets.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const MARKER = "tests/package/layout.test.mjs";

/** listed reads the layout block: "dir/" or "file" at the start of a line, children indented under the last top-level entry. */
function listed(code) {
  const paths = [];
  let parent = "";
  for (const line of code.split("\n").filter((l) => l.trim())) {
    if (!line.startsWith(" ")) {
      parent = line.split(/\s+/)[0];
      paths.push(parent);
      continue;
    }
    // "  config/ detect/ …": several children; "  hostmock/   fakes …": one, then its description
    const words = line.trim().split(/\s+/);
    const names = words.every((w) => w.endsWith("/")) ? words : [words[0]];
    for (const n of names) paths.push(parent + n);
  }
  return paths;
}

const readme = readFileSync(join(root, "README.md"), "utf8");
const layout = blocks(readme, "README.md").find((b) => b.marker?.["checked-by"] === MARKER);
const paths = layout ? listed(layout.code) : [];

test("README has a Layout block marked as checked here", () => {
  assert.ok(layout, `no code block of README.md is marked <!-- checked-by: ${MARKER} -->`);
  assert.ok(paths.length > 10, `the layout block lists only ${paths.length} paths`);
});

test("every path the layout lists exists", () => {
  const missing = paths.filter((p) => !existsSync(join(root, p)));
  assert.deepEqual(missing, [], "README's layout lists paths that do not exist");
});

test("every directory git tracks is in the layout", () => {
  const dirs = new Set();
  for (const file of execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean)) {
    const parts = file.split("/").slice(0, -1);
    if (parts[0]?.startsWith(".")) continue; // .ci/ and the like: not the project's layout
    for (let i = 1; i <= parts.length; i++) dirs.add(parts.slice(0, i).join("/") + "/");
  }
  const listedDirs = new Set(paths.filter((p) => p.endsWith("/")));
  const hasListedBelow = (d) => [...listedDirs].some((p) => p !== d && p.startsWith(d));
  const childrenOf = (d) => [...dirs].filter((x) => x.startsWith(d) && x !== d && !x.slice(d.length, -1).includes("/"));
  const unaccounted = [];
  // d is accounted for if listed; its children must be too where the
  // layout lists anything below it.
  const walk = (d) => {
    if (!hasListedBelow(d)) return;
    for (const c of childrenOf(d)) {
      if (listedDirs.has(c) || hasListedBelow(c)) walk(c);
      else unaccounted.push(c);
    }
  };
  walk("");
  assert.deepEqual(unaccounted, [], "directories missing from README's layout: add a line for each");
});
