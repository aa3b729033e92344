// A short spin before a worker blocks on main's answer (PROTOCOL.md, "The
// sync buffer"). Waking a thread out of Atomics.wait costs microseconds;
// when main answers within tens of microseconds, watching the slot instead
// saves them. When main cannot answer that fast (it is busy, or the
// machine's cores are), a spin only keeps a core from main and from
// everything else, so the spinner backs off: a spin that ends without the
// answer makes it skip spinning for the next calls, four times as many
// after each such spin, and spins that see the answer shorten the pause.

/** The longest a worker spins per call, in ms: 50 µs. */
export const SPIN_BOUND_MS = 0.05;

const MAX_SKIP = 1024; // calls: how long a loaded machine goes without a spin at most
const CHECK_EVERY = 8; // loop rounds between reads of the clock
const hasPause = typeof Atomics.pause === "function";

/**
 * Spinner decides, call by call, whether to spin and for how long, and
 * counts what spinning cost. bound is the longest spin in ms; now is the
 * clock (tests pass their own).
 */
export class Spinner {
  #bound;
  #now;
  #skip = 0; // calls left that block at once
  #backoff = 1; // calls the next unanswered spin skips
  #calls = 0;
  #spins = 0;
  #hits = 0;
  #spunMs = 0;

  constructor({ bound = SPIN_BOUND_MS, now = () => performance.now() } = {}) {
    this.#bound = bound;
    this.#now = now;
  }

  /**
   * spin watches i32[slot] until it holds value, for at most the bound,
   * and says whether it does. While backing off it returns false at once.
   */
  spin(i32, slot, value) {
    this.#calls++;
    if (this.#skip > 0) {
      this.#skip--;
      return false;
    }
    this.#spins++;
    const start = this.#now();
    const end = start + this.#bound;
    let now = start;
    let hit;
    for (let n = 1; !(hit = Atomics.load(i32, slot) === value); n++) {
      if (hasPause) Atomics.pause();
      if (n % CHECK_EVERY === 0 && (now = this.#now()) >= end) break;
    }
    if (hit) now = this.#now();
    this.#spunMs += now - start;
    if (hit) {
      this.#hits++;
      this.#backoff = Math.max(1, this.#backoff >> 1);
    } else {
      this.#skip = this.#backoff;
      this.#backoff = Math.min(this.#backoff * 4, MAX_SKIP);
    }
    return hit;
  }

  /** What spinning cost so far: calls seen, calls that spun, spins that saw the answer, and ms spent spinning. */
  stats() {
    return { calls: this.#calls, spins: this.#spins, hits: this.#hits, spunMs: this.#spunMs };
  }
}
