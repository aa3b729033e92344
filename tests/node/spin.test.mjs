// The worker's spin before it blocks on main's answer (spin.js), on a fake
// clock: it spins only while that has been the faster way, never longer
// than its bound, re-measures the slower way now and then, and counts what
// spinning cost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Spinner, SPIN_BOUND_MS, probeInterval } from "../../npm/dist/protocol/spin.js";

const STEP = 0.001; // ms the fake clock advances at each reading

/**
 * A spinner on a fake clock, and a slot main "answers" in. answerWhileSpinning
 * says whether the answer is there when the worker looks; blockMs is how long
 * a call that blocks takes.
 */
function rig({ answerWhileSpinning, blockMs }) {
  const r = { t: 0, answerWhileSpinning, blockMs, blocks: 0, spinsAt: [], call: 0, readings: 0, deschedule: 0 };
  // deschedule: ms the clock skips at a call's third reading, the first look
  // of a spin that does not see the answer at once: its thread was descheduled
  r.spinner = new Spinner({ now: () => {
    r.t += STEP;
    if (++r.readings === 3) r.t += r.deschedule;
    return r.t;
  } });
  r.i32 = new Int32Array(new SharedArrayBuffer(4));
  /** makeCall makes one call; it returns whether it spun. */
  r.makeCall = () => {
    r.readings = 0;
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
  r.blockedAt = (from, to) => Array.from({ length: to - from }, (_, i) => from + i).filter((c) => !r.spinsAt.includes(c));
  return r;
}

test("probes of the slower way: one in 32 × (slower ÷ faster)² calls, from 32 to 4096", () => {
  assert.deepEqual([[1, 1], [1, 1.25], [1, 2], [1, 4], [1, 8], [1, 12], [1, 1000]].map(([f, s]) => probeInterval(f, s)),
    [32, 50, 128, 512, 2048, 4096, 4096]);
  assert.equal(probeInterval(0, 1), 4096, "a way measured at 0 ms");
  assert.equal(probeInterval(0, 0), 4096);
});

test("the first call spins and the second blocks at once: both ways get measured", () => {
  const r = rig({ answerWhileSpinning: true, blockMs: 1 });
  assert.equal(r.makeCall(), true);
  assert.equal(r.makeCall(), false);
  const { calls, spins, hits, spinMs, waitMs } = r.spinner.stats();
  assert.deepEqual([calls, spins, hits], [2, 1, 1]);
  assert.ok(spinMs < 0.01, `spinning took ${spinMs} ms`);
  assert.ok(waitMs >= 1, `blocking took ${waitMs} ms`);
});

test("when blocking is far slower, calls spin, and one in 4096 blocks to re-measure", () => {
  const r = rig({ answerWhileSpinning: true, blockMs: 1 });
  r.makeCalls(2 + 4096 * 2);
  assert.deepEqual(r.blockedAt(0, r.call), [1, 1 + 4096, 1 + 4096 * 2]);
  assert.equal(r.spinner.stats().hits, r.spinsAt.length);
});

test("when spinning does not pay, calls block at once, and one in 4096 spins to re-measure", () => {
  const r = rig({ answerWhileSpinning: false, blockMs: 0.002 });
  r.makeCalls(2 + 4096 * 2);
  assert.deepEqual(r.spinsAt, [0, 1 + 4096, 1 + 4096 * 2]);
  assert.equal(r.spinner.stats().hits, 0);
});

test("when the two ways cost about the same, calls block, and one in 32 spins to re-measure", () => {
  // a spin that sees the answer takes 3 readings of the clock, as does blocking for 2 readings' time
  const r = rig({ answerWhileSpinning: true, blockMs: 2 * STEP });
  r.makeCalls(2 + 32 * 4);
  assert.deepEqual(r.spinsAt, [0, 1 + 32, 1 + 64, 1 + 96, 1 + 128]);
});

test("a spin that does not see the answer stops at the bound, then the call blocks", () => {
  const r = rig({ answerWhileSpinning: false, blockMs: 0.002 });
  r.makeCalls(2 + 4096);
  const { spins, spunMs } = r.spinner.stats();
  assert.equal(spins, 2);
  assert.equal(r.blocks, 2 + 4096, "every call blocked in the end");
  assert.ok(spunMs >= spins * SPIN_BOUND_MS, `${spunMs} ms in ${spins} spins: they stopped early`);
  assert.ok(spunMs <= spins * (SPIN_BOUND_MS + 2 * STEP), `${spunMs} ms in ${spins} spins: more than the bound`);
});

test("one slow round trip (a thread descheduled for a time slice) does not change the way", () => {
  const r = rig({ answerWhileSpinning: false, blockMs: 0.002 });
  r.makeCalls(300);
  r.blockMs = 5; // one call blocks for 5 ms
  r.makeCall();
  r.blockMs = 0.002;
  r.makeCalls(200);
  assert.deepEqual(r.spinsAt, [0]);
});

test("when the machine changes, the worker switches ways within a few hundred calls", () => {
  // a core free: blocking costs 0.1 ms, a spin sees the answer at once
  const r = rig({ answerWhileSpinning: true, blockMs: 0.1 });
  r.makeCalls(300);
  // every core busy: the answer comes after the spin, and blocking is quick
  r.answerWhileSpinning = false;
  r.blockMs = 0.01;
  const busy = r.call;
  r.makeCalls(5000);
  const spunLater = r.spinsAt.filter((c) => c >= busy + 300);
  assert.ok(spunLater.length <= 3, `${spunLater.length} spins from 300 calls after the change on: more than probes`);
  // and back: spinning pays again
  r.answerWhileSpinning = true;
  r.blockMs = 0.1;
  const free = r.call;
  r.makeCalls(5000);
  const blockedLater = r.blockedAt(free + 300, r.call);
  assert.ok(blockedLater.length <= 2, `${blockedLater.length} blocked calls from 300 calls after the change on: more than probes`);
});

test("a spin whose thread was descheduled stops spinning for 20 ms, twice as long each time until 100 ms of calm spinning, up to 2 s", () => {
  const r = rig({ answerWhileSpinning: true, blockMs: 1 }); // spinning pays
  r.makeCalls(12);
  const quietFor = () => {
    // a spin that does not see the answer at once, and is descheduled for 2 ms
    r.answerWhileSpinning = false;
    r.deschedule = 2;
    assert.equal(r.makeCall(), true);
    r.answerWhileSpinning = true;
    r.deschedule = 0;
    const from = r.t;
    while (!r.makeCall()); // calls block, 1 ms each, until spinning starts again
    return Math.round(r.t - from);
  };
  // each quiet, measured in 1 ms calls: within a call of what is due
  const about = (ms) => (got) => got >= ms && got <= ms + 2;
  const quiets = Array.from({ length: 9 }, quietFor);
  const due = [20, 40, 80, 160, 320, 640, 1280, 2000, 2000];
  assert.ok(quiets.every((q, i) => about(due[i])(q)), `quiets of ${quiets} ms, not ${due}`);
  assert.equal(r.spinner.stats().gaps, 9);
  r.t += 10000; // 10 s without calls: time alone is no calm
  assert.ok(about(2000)(quietFor()), "the quiet shrank without spinning in between");
  r.answerWhileSpinning = false; // spins of 0.1 ms each
  r.blockMs = 0.001;
  r.makeCalls(1100); // 110 ms of spinning, never descheduled
  r.blockMs = 1;
  const calm = quietFor();
  assert.ok(about(20)(calm), `after 100 ms of calm spinning the quiet lasted ${calm} ms, not 20 again`);
});

test("a jump of the clock under 1 ms (the host, an interrupt) is no deschedule", () => {
  const r = rig({ answerWhileSpinning: true, blockMs: 1 });
  r.makeCalls(12);
  r.answerWhileSpinning = false;
  r.deschedule = 0.9;
  r.makeCall();
  r.answerWhileSpinning = true;
  r.deschedule = 0;
  assert.equal(r.spinner.stats().gaps, 0);
  assert.equal(r.makeCall(), true, "the next call did not spin");
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
