// The WASI imports execctx gives its component: a guest that exits must
// fail its call, not end the host process as the Node shim's exit would;
// and the guest sees nothing of the host process (issue 9 §3).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { wasiImports, GuestExit } from "../../npm/dist/wasi.js";

test("a guest's exit throws GuestExit instead of exiting the process", async () => {
  const { "wasi:cli/exit": exit } = await wasiImports();
  assert.throws(() => exit.exit({ tag: "err" }), (e) => e instanceof GuestExit && e.code === 1 &&
    e.message === "execctx: the context component exited with code 1");
  assert.throws(() => exit.exitWithCode(3), (e) => e instanceof GuestExit && e.code === 3);
});

test("the guest sees no arguments, environment or working directory of the host", async () => {
  const { "wasi:cli/environment": environment } = await wasiImports();
  assert.deepEqual(environment.getArguments(), []);
  assert.deepEqual(environment.getEnvironment(), []);
  assert.equal(environment.initialCwd(), undefined);
});

test("an empty command-line argument does not break importing execctx", async () => {
  // It once reached the guest, whose start-up then panicked in runtime.goenvs.
  const fixture = new URL("./fixtures/print-config.mjs", import.meta.url).pathname;
  const [cmd, args] = typeof Deno !== "undefined"
    ? [Deno.execPath(), ["run", "--allow-read", "--allow-env", fixture, ""]]
    : [process.execPath, [fixture, ""]];
  const { stdout } = await promisify(execFile)(cmd, args);
  assert.equal(stdout.trim(), '{"type":"py"}');
});
