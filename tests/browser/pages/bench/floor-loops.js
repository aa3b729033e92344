// The raw transport floor of a worker → main call, with no library in
// between: the worker posts a request (a number) to main, main answers it
// in a SharedArrayBuffer (slot 1: the answer, slot 0: the request's id)
// and notifies, and the worker either spins on slot 0 or blocks in
// Atomics.wait. Both benchmark drivers measure it in the same run as the
// libraries, so that their rows can be read as multiples of it.

// Spinning with Atomics.pause where the runtime has it, as execctx and
// coincident do: on a virtual machine a pause loop lets the host run the
// other virtual CPUs, which a bare loop of loads does not.
const hasPause = typeof Atomics.pause === "function";

/** floorLoops times n requests each way, after a warm-up: µs per request while spinning and while waiting. */
export function floorLoops(n, sab, post) {
  const i32 = new Int32Array(sab);
  let id = 0;
  let check = 0;
  const request = (block) => {
    const mine = ++id;
    post(mine);
    if (block) {
      for (let seen = Atomics.load(i32, 0); seen !== mine; seen = Atomics.load(i32, 0)) Atomics.wait(i32, 0, seen);
    } else {
      while (Atomics.load(i32, 0) !== mine) if (hasPause) Atomics.pause();
    }
    check += i32[1];
  };
  const time = (block) => {
    for (let i = 0; i < Math.min(1000, n); i++) request(block);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) request(block);
    return ((performance.now() - t0) * 1000) / n;
  };
  return { spin: time(false), wait: time(true), check };
}

/** floorAnswerer is main's side: it answers request id in sab with id + 1 and wakes the worker. */
export function floorAnswerer(sab) {
  const i32 = new Int32Array(sab);
  return (id) => {
    i32[1] = id + 1;
    Atomics.store(i32, 0, id);
    Atomics.notify(i32, 0);
  };
}
