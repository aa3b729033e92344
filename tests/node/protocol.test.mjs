// The protocol's main side on its own, driven message by message: what it
// leaves in the sync buffer for the worker to read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve } from "../../npm/dist/protocol/main.js";
import { newSyncBuffer, readAnswer } from "../../npm/dist/protocol/syncbuffer.js";

/** serve on a port whose messages the test delivers itself. */
function served(expose) {
  let deliver;
  const port = { post: () => {}, listen: (handler) => { deliver = handler; } };
  const sab = newSyncBuffer();
  serve(port, { sab, expose });
  return { sab, deliver };
}

const ticks = () => new Promise((r) => setTimeout(r, 10));

test("a late answer to a call the worker gave up on never overwrites the answer to its next call", async () => {
  let finishSlow;
  const { sab, deliver } = served({
    slow: () => new Promise((r) => { finishSlow = r; }),
    quick: () => "quick",
  });
  deliver({ execctx: "call", id: 1, op: "sync", args: ["slow", []], sync: true });
  deliver({ execctx: "call", id: 2, op: "sync", args: ["quick", []], sync: true }); // the worker timed out on call 1
  await ticks();
  assert.deepEqual(readAnswer(sab), { id: 2, answer: { ok: true, value: "quick" } });
  finishSlow("late");
  await ticks();
  assert.deepEqual(readAnswer(sab), { id: 2, answer: { ok: true, value: "quick" } }, "call 1's late answer replaced call 2's");
});
