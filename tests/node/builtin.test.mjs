// facade/src/builtin.js: Node's built-in modules, taken without an ES
// namespace where the runtime allows it (Node's start-up, README).
import { test } from "node:test";
import assert from "node:assert/strict";
import { builtin } from "../../npm/dist/builtin.js";

test("builtin hands over the module itself where process.getBuiltinModule exists", async () => {
  assert.equal(typeof process.getBuiltinModule, "function", "Node ≥ 20.16 has it: a runtime without it takes the import() path below");
  assert.equal(await builtin("node:fs"), process.getBuiltinModule("node:fs"));
});

test("without process.getBuiltinModule, builtin imports the module", async (t) => {
  const had = Object.getOwnPropertyDescriptor(process, "getBuiltinModule");
  t.after(() => Object.defineProperty(process, "getBuiltinModule", had));
  Object.defineProperty(process, "getBuiltinModule", { value: undefined, configurable: true, writable: true });
  const fs = await builtin("node:fs");
  assert.equal(fs, await import("node:fs"), "the ES namespace, as import() gives it");
  assert.equal(typeof fs.readFileSync, "function");
});
