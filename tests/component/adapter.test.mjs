// The WASI adapter's memory: the arena tools/wasmpatch hands it (see
// component/internal/guestabi/arena.go), seen from the component as jco
// runs it. wazero never uses the adapter, so only these tests see it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { start, browserMain } from "./instance.mjs";

const GUARD_FILL = 0xa5;

test("the adapter's two allocations each sit above a filled guard that records their size", async () => {
  const { ctx, adapter } = await start(browserMain, [{ origin: "tag", text: "a = 123", format: "toml" }]);
  assert.deepEqual(JSON.parse(ctx.config()), { a: 123, type: "mpy" });
  assert.deepEqual(adapter.allocations.map((a) => a.size), [65536, 65536]);
  const bytes = new Uint8Array(adapter.memory.buffer);
  const view = new DataView(adapter.memory.buffer);
  for (const { at, size } of adapter.allocations) {
    let fill = at;
    while (bytes[fill - 1] === GUARD_FILL) fill--;
    const guard = at - fill + 4;
    assert.ok(guard >= 256 && guard % 16 === 0, `guard of ${guard} bytes below ${at}`);
    assert.equal(view.getUint32(at - guard, true), size, `size word of the guard below ${at}`);
  }
});

test("the adapter's stack keeps headroom after start-up and calls (printed)", async () => {
  const { ctx, adapter } = await start(browserMain, [{ origin: "tag", text: "a = 1", format: "toml" }]);
  for (let i = 0; i < 100; i++) ctx.config(), ctx.get(1, "title"), ctx.window();
  // The first allocation is the stack: it is written from its top down.
  const { at, size } = adapter.allocations[0];
  const bytes = new Uint8Array(adapter.memory.buffer, at, size);
  const lowest = bytes.findIndex((b) => b !== 0);
  const used = size - lowest;
  console.log(`adapter stack: ${used} of ${size} bytes used at most, ${lowest} bytes of headroom`);
  assert.ok(lowest > 0, "the adapter's stack reached the bottom of its allocation");
});

test("an overwritten guard traps the next call, and the guest says why", async () => {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [new URL("./fixtures/overrun.mjs", import.meta.url).pathname]);
  assert.match(stdout, /^trapped: /);
  assert.match(stderr, /execctx: the WASI adapter wrote past its memory \(guard at 0x[0-9a-f]{8} in the adapter arena was overwritten\)/);
});
