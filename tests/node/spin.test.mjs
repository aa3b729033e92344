// The worker's spin before it blocks on main's answer (spin.js), on a fake
// clock: it spins only while that has been the faster way, never longer
// than its bound, re-measures the slower way every 256th call, and counts
// what spinning cost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Spinner, SPIN_BOUND_MS } from "../../npm/dist/protocol/spin.js";

const STEP = 0.001; // ms the fake clock advances at each reading
const PROBE = (call) => call % 256 === 255; // the calls that go the other way

/**
 * A spinner on a fake clock, and a slot main "answers" in. answerWhileSpinning
 * says whether the answer is there when the worker looks; blockMs is how long
 * a call that blocks takes.
 */
function rig({ answerWhileSpinning, blockMs }) {
  const r = { t: 0, answerWhileSpinning, blockMs, blocks: 0, spinsAt: [], call: 0 };
  r.spinner = new Spinner({ now: () => (r.t += STEP) });
  r.i32 = new Int32Array(new SharedArrayBuffer(4));
  /** call makes one call; it returns whether it spun. */
  r.makeCall = () => {
    r.i32[0] = r.answerWhileSpinning ? 1 : 0;
    const before = r.spinner.stats().spins;
    const ok = r.spinner.wait(r.i32, 0, 1, () => {
      r.blocks++;
      r.t += r.blockMs;
      return true;
    });
    assert.equal(ok, true);
    const spun = r.spinner.stats().spins > before;
    if (spun) r.spinsAt.push(r.call);
    r.call++;
    return spun;
  };
  r.makeCalls = (n) => Array.from({ length: n }, r.makeCall).filter(Boolean).length;
  return r;
}

test("the first call spins and the second blocks at once: both ways get measured", () => {
  const r = rig({ answerWhileSpinning: true, blockMs: 1 });
  assert.equal(r.makeCall(), true);
  assert.equal(r.makeCall(), false);
  const { calls, spins, hits, spinMs, waitMs } = r.spinner.stats();
  assert.deepEqual([calls, spins, hits], [2, 1, 1]);
  assert.ok(spinMs < 0.01, `spinning took ${spinMs} ms`);
  assert.ok(waitMs >= 1, `blocking took ${waitMs} ms`);
});

const PROBES = [255, 511, 767, 1023]; // the probes up to call 1100

test("when blocking is slower, every call spins but every 256th, which blocks to re-measure", () => {
  const r = rig({ answerWhileSpinning: true, blockMs: 1 });
  r.makeCalls(1100);
  const blocked = Array.from({ length: 1100 }, (_, i) => i).filter((i) => !r.spinsAt.includes(i));
  assert.deepEqual(blocked, [1, ...PROBES], "the first blocking call, then the probes");
  assert.equal(r.blocks, 1 + PROBES.length);
  assert.equal(r.spinner.stats().hits, r.spinsAt.length);
});

test("when spinning does not pay, calls block at once but every 256th, which spins to re-measure", () => {
  const r = rig({ answerWhileSpinning: false, blockMs: 0.002 });
  r.makeCalls(1100);
  assert.deepEqual(r.spinsAt, [0, ...PROBES]);
  assert.equal(r.spinner.stats().hits, 0);
});

test("one slow round trip (a thread descheduled for a time slice) does not change the way", () => {
  const r = rig({ answerWhileSpinning: false, blockMs: 0.002 });
  r.makeCalls(300);
  r.blockMs = 5; // one call blocks for 5 ms
  r.makeCall();
  r.blockMs = 0.002;
  r.makeCalls(200);
  assert.deepEqual(r.spinsAt, [0, 255]);
});

test("a spin that does not see the answer stops at the bound, then the call blocks", () => {
  const r = rig({ answerWhileSpinning: false, blockMs: 0.002 });
  r.makeCalls(1100);
  const { spins, spunMs } = r.spinner.stats();
  assert.equal(spins, 1 + PROBES.length);
  assert.equal(r.blocks, 1100, "every call blocked in the end");
  assert.ok(spunMs >= spins * SPIN_BOUND_MS, `${spunMs} ms in ${spins} spins: they stopped early`);
  assert.ok(spunMs <= spins * (SPIN_BOUND_MS + 2 * STEP), `${spunMs} ms in ${spins} spins: more than the bound`);
});

test("when the machine changes, the worker switches ways within a few probes", () => {
  // a core free: blocking costs 0.1 ms, a spin sees the answer at once
  const r = rig({ answerWhileSpinning: true, blockMs: 0.1 });
  r.makeCalls(300);
  // every core busy: the answer comes after the spin, and blocking is quick
  r.answerWhileSpinning = false;
  r.blockMs = 0.01;
  const busy = r.call;
  r.makeCalls(256 * 8);
  const spun = r.spinsAt.filter((c) => c >= busy);
  const lastRun = spun.filter((c) => !PROBE(c)).at(-1);
  assert.ok(lastRun < busy + 256 * 4, `spun until call ${lastRun}, ${lastRun - busy} calls after the change`);
  assert.ok(spun.filter((c) => c > lastRun).every(PROBE), "spins after the switch that are not probes");
  // and back: spinning pays again
  r.answerWhileSpinning = true;
  r.blockMs = 0.1;
  const free = r.call;
  r.makeCalls(256 * 8);
  const blocked = Array.from({ length: 256 * 8 }, (_, i) => free + i).filter((c) => !r.spinsAt.includes(c));
  const lastBlocked = blocked.filter((c) => !PROBE(c)).at(-1) ?? free;
  assert.ok(lastBlocked < free + 256 * 4, `blocked until call ${lastBlocked}, ${lastBlocked - free} calls after the change`);
});

test("a call whose block timed out returns false and teaches the spinner nothing", () => {
  let t = 0;
  const s = new Spinner({ now: () => (t += STEP) });
  const i32 = new Int32Array(new SharedArrayBuffer(4));
  assert.equal(s.wait(i32, 0, 1, () => false), false);
  const { calls, spins, hits, spinMs, waitMs } = s.stats();
  assert.deepEqual([calls, spins, hits, spinMs, waitMs], [1, 1, 0, undefined, undefined]);
  i32[0] = 1;
  assert.equal(s.wait(i32, 0, 1, () => assert.fail("blocked although the spin saw the answer")), true);
});
