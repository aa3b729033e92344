// Values that cross the component intact, through the npm package as a
// user imports it. Under jco the WASI adapter once ran its stack over Go's
// boxed small integers and function names (see guestabi/arena.go), so
// TOML integers 120–154, one-character strings and error positions came
// out wrong while the wazero host was right. The differential suite
// (tests/differential) compares every such value with wazero; these are
// the cases as a user first met them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createContext } from "../../npm/dist/index.js";

const config = async (text) => (await createContext({ config: text })).config;

test("the issue's three configs give their values", async () => {
  assert.deepEqual(await config("a = 123"), { a: 123, type: "py" });
  assert.deepEqual(await config('{"x": 1}'), { x: 1, type: "py" });
  assert.equal((await config("experimental_ffi_timeout = 130")).experimental_ffi_timeout, 130);
});

test("every integer Go boxes statically (0–255) and one-character keys and values", async () => {
  const ints = Array.from({ length: 256 }, (_, i) => `k${i} = ${i}`).join("\n");
  const got = await config(ints);
  for (let i = 0; i < 256; i++) assert.equal(got[`k${i}`], i, `k${i}`);
  for (let c = 0x20; c < 0x7f; c++) {
    const ch = String.fromCharCode(c);
    assert.deepEqual(await config(JSON.stringify({ [ch]: ch })), { [ch]: ch, type: "py" }, `character ${JSON.stringify(ch)}`);
  }
});

test("error positions in the range that was corrupted", async () => {
  for (const column of [120, 130, 146, 154]) {
    const text = `a = [${"1,".repeat((column - 6) / 2)}x`; // the x is at column`
    await assert.rejects(createContext({ config: text }), (e) => {
      assert.match(e.message, new RegExp(`^\\(PY1000\\): Invalid TOML\\nline 1, column ${column}\\b`));
      return true;
    });
  }
});

test("__proto__ and constructor keys stay ordinary keys, and nothing is polluted", async () => {
  const got = await config('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "toString": 3}');
  assert.deepEqual(Object.keys(got).sort(), ["__proto__", "constructor", "toString", "type"]);
  assert.deepEqual(Object.getOwnPropertyDescriptor(got, "__proto__").value, { polluted: 1 });
  assert.equal(Object.getPrototypeOf(got), Object.prototype);
  assert.equal(got.toString, 3);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
  const toml = await config('"__proto__" = { polluted = 1 }\n[constructor.prototype]\npolluted = 2');
  assert.deepEqual(Object.getOwnPropertyDescriptor(toml, "__proto__").value, { polluted: 1 });
  assert.equal({}.polluted, undefined);
});
