// The WASI imports execctx gives its component: a guest that exits must
// fail its call, not end the host process as the Node shim's exit would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { wasiImports, GuestExit } from "../../npm/dist/wasi.js";

test("a guest's exit throws GuestExit instead of exiting the process", async () => {
  const { "wasi:cli/exit": exit } = await wasiImports();
  assert.throws(() => exit.exit({ tag: "err" }), (e) => e instanceof GuestExit && e.code === 1 &&
    e.message === "execctx: the context component exited with code 1");
  assert.throws(() => exit.exitWithCode(3), (e) => e instanceof GuestExit && e.code === 3);
});
