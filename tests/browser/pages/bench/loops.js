// The measured loops, shared by both workers: n reads of main's
// document.title and n calls of main's add, after a warm-up.
export function loops(n, readTitle, add) {
  const time = (fn) => {
    for (let i = 0; i < Math.min(1000, n); i++) fn(i);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    return ((performance.now() - t0) * 1000) / n; // µs per call
  };
  let check = 0;
  const get = time(() => {
    check += readTitle().length;
  });
  const call = time((i) => {
    check += add(i, 1);
  });
  return { get, call, check };
}

/**
 * The spin statistics of the calls between two of execctx's
 * Spinner.stats() snapshots: counts and time, and the estimates at the end.
 */
export function spinSince(before, after) {
  const counted = ["calls", "spins", "hits", "spunMs", "gaps"].filter((k) => k in after);
  return { ...after, ...Object.fromEntries(counted.map((k) => [k, after[k] - before[k]])) };
}
