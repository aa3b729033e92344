// A short spin before a worker blocks on main's answer (PROTOCOL.md, "The
// sync buffer"). Waking a thread out of Atomics.wait costs from a few to a
// hundred microseconds (a virtual CPU that went idle wakes slowest); when
// main answers within tens of microseconds, watching the slot instead
// saves that. When the cores are all busy, a spinning worker takes CPU from
// main and its answer comes later than if the worker had slept. So the
// worker measures both: it keeps a recent round-trip time for calls that
// spun first and for calls that blocked at once, takes the faster way, and
// now and then tries the other way to notice when the machine changes.
// Those estimates cannot see one cost of spinning on a busy machine: a
// thread that keeps its core busy is descheduled more often, for a whole
// time slice. A spin sees that directly, as a jump of the clock between
// two looks at the slot, and then the worker stops spinning for a while.

/**
 * The longest a worker spins per call, in ms: 100 µs. Main's thread, idle
 * between calls, can take 50–100 µs to wake on a virtual machine; a bound
 * of 50 µs missed a third of the answers there, and each miss let both
 * threads fall idle, so that the next answers came late too.
 */
export const SPIN_BOUND_MS = 0.1;

const CHECK_EVERY = 8; // spin rounds between reads of the clock
const WEIGHT = 0.25; // of a new round trip in its way's running estimate
const PROBE_WEIGHT = 0.5; // of a probe's round trip: the estimate it updates is older
const CEILING = 3; // a round trip counts for at most this many times the estimate: a thread descheduled for a time slice is not the way's cost
const MARGIN = 0.9; // spinning must save at least a tenth of the blocked round trip
// A jump of the clock between two looks at the slot: the thread was
// descheduled. Measured here, a spinning thread sees jumps over 1 ms about
// once a second with a core free, and about a hundred times a second when
// busy loops hold every core (a time slice each, 4 ms typically); shorter
// jumps come from the host and interrupts either way.
const GAP_MS = 1;
const QUIET_MIN_MS = 20; // no spinning for this long after a spin was descheduled,
const QUIET_MAX_MS = 2000; // twice as long each time it recurs, up to this,
const CALM_MS = 100; // unless the worker spun this long since the last time without being descheduled
const hasPause = typeof Atomics.pause === "function";

/**
 * probeInterval is how many calls go the faster way between two that go
 * the slower way to re-measure it: 32 × (slow ÷ fast)², from 32 to 4096.
 * A probe costs the difference of the two ways, so probes stay under 1 %
 * of the calls' time at any ratio; ways that differ little are compared
 * often, and a machine that changes makes them differ little first.
 */
export function probeInterval(fastMs, slowMs) {
  const ratio = slowMs / fastMs;
  return Math.round(Math.min(4096, Math.max(32, 32 * ratio * ratio))) || 4096;
}

/**
 * Spinner decides, call by call, whether to spin before blocking, and
 * counts what spinning cost. bound is the longest spin in ms; now is the
 * clock (tests pass their own).
 */
export class Spinner {
  #bound;
  #now;
  #spinMs; // recent round trip of a call that spun first (undefined: not measured yet)
  #waitMs; // recent round trip of a call that blocked at once
  #sinceProbe = 0; // calls since the last that went the slower way
  #quietUntil = -Infinity; // no spinning before this time
  #quietMs = QUIET_MIN_MS / 2; // how long the last quiet lasted
  #calmMs = 0; // ms spun since a spin was last descheduled
  #descheduled = false; // whether the current call was, on its way to or in its spin
  #calls = 0;
  #spins = 0;
  #hits = 0;
  #spunMs = 0;
  #gaps = 0;

  constructor({ bound = SPIN_BOUND_MS, now = () => performance.now() } = {}) {
    this.#bound = bound;
    this.#now = now;
  }

  /**
   * wait returns once i32[slot] holds value. It spins first when that has
   * been the faster way, then calls block(), which blocks until then or
   * returns false when its deadline passed; wait returns what block
   * returned, or true when the spin saw the value. start is when the
   * call was sent: a thread descheduled in between finds the answer there,
   * which says nothing about spinning.
   */
  wait(i32, slot, value, block, start = this.#now()) {
    this.#calls++;
    const [spin, probe] = start < this.#quietUntil ? [false, false] : this.#choose();
    const ok = (spin && this.#spin(i32, slot, value, start)) || block();
    if (this.#descheduled) this.#quiet();
    else if (ok) this.#learn(spin, probe, this.#now() - start);
    return ok;
  }

  // #choose returns [whether to spin, whether that is a probe of the slower way].
  #choose() {
    if (this.#spinMs === undefined) return [true, true];
    if (this.#waitMs === undefined) return [false, true];
    const spin = this.#spinMs < this.#waitMs * MARGIN;
    const [fast, slow] = spin ? [this.#spinMs, this.#waitMs] : [this.#waitMs, this.#spinMs];
    const probe = ++this.#sinceProbe >= probeInterval(fast, Math.max(fast, slow));
    if (probe) this.#sinceProbe = 0;
    return [spin !== probe, probe];
  }

  // #learn folds one round trip into its way's estimate, a probe's with
  // more weight: the estimate is older, and the machine may have changed.
  #learn(spun, probe, ms) {
    const old = spun ? this.#spinMs : this.#waitMs;
    const estimate = old === undefined ? ms : old + (Math.min(ms, old * CEILING) - old) * (probe ? PROBE_WEIGHT : WEIGHT);
    if (spun) this.#spinMs = estimate;
    else this.#waitMs = estimate;
  }

  // #spin watches i32[slot] for value, for at most the bound, and says
  // whether it saw it; it notes whether its thread was descheduled since
  // the call was sent.
  #spin(i32, slot, value, sent) {
    this.#spins++;
    const start = this.#now();
    if (start - sent > GAP_MS) this.#descheduled = true;
    const end = start + this.#bound;
    let now = start;
    let hit;
    for (let n = 1; !(hit = Atomics.load(i32, slot) === value); n++) {
      if (hasPause) Atomics.pause();
      if (n % CHECK_EVERY !== 0) continue;
      const before = now;
      now = this.#now();
      if (now - before > GAP_MS) this.#descheduled = true;
      if (now >= end) break;
    }
    if (hit) {
      this.#hits++;
      now = this.#now();
    }
    this.#spunMs += now - start;
    this.#calmMs += now - start;
    return hit;
  }

  // #quiet stops spinning for a while after a spin was descheduled: the
  // cores are all busy. Each time that recurs the quiet doubles, until the
  // worker has spun for CALM_MS in all without being descheduled: on a
  // busy machine that never happens, and it starts again from the shortest.
  #quiet() {
    this.#descheduled = false;
    this.#gaps++;
    this.#quietMs = this.#calmMs > CALM_MS ? QUIET_MIN_MS : Math.min(this.#quietMs * 2, QUIET_MAX_MS);
    this.#calmMs = 0;
    this.#quietUntil = this.#now() + this.#quietMs;
  }

  /**
   * What spinning cost so far: calls, calls that spun, spins that saw the
   * answer, ms spent spinning, spins that were descheduled, and the current
   * round-trip estimates in ms.
   */
  stats() {
    return {
      calls: this.#calls, spins: this.#spins, hits: this.#hits, spunMs: this.#spunMs, gaps: this.#gaps,
      spinMs: this.#spinMs, waitMs: this.#waitMs,
    };
  }
}
