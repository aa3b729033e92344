// The reliability suite (issue 8): workers that exited, threw, were
// terminated or hang must settle every call and release everything; and
// long runs of proxies, callbacks and sync calls must leave every protocol
// table bounded. The default sizes keep `make reliability` quick;
// EXECCTX_RELIABILITY_SCALE=full runs the figures (100,000 of each,
// 64 workers), and =long (make reliability RELIABILITY=long) also makes
// 1,000,000 sync calls each way. Latencies are printed, never asserted. Needs --expose-gc,
// which make reliability passes in Node and in Deno.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { PyWorker, createContext } from "../../npm/dist/index.js";
import { row } from "./report.mjs";

const SCALE = globalThis.process?.env.EXECCTX_RELIABILITY_SCALE;
const FULL = SCALE === "full" || SCALE === "long";
const N = FULL ? 100_000 : 2_000; // proxies and callbacks per run
const CALLS = SCALE === "long" ? 1_000_000 : N; // sync calls each way
const WORKERS = FULL ? 64 : 8; // workers started and ended
const GROW = 16 << 20; // bytes each of them grows its sync buffer by
// A table is bounded when, once both sides collected their garbage, at most
// this many entries are left, however large N is.
const BOUND = 64;
const GC = { skip: typeof globalThis.gc !== "function" && "needs --expose-gc (make reliability passes it)" };
const STATS = Symbol.for("execctx.stats"); // a worker handle's table sizes, for tests

const fixture = (name) => new URL(`../node/fixtures/${name}`, import.meta.url).href;
const started = [];
after(() => Promise.all(started.map((w) => w.terminate())));

function start(name, ctx = { PyWorker }) {
  const w = ctx.PyWorker(fixture(name), { type: "module" });
  started.push(w);
  return w;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * settles returns p, or rejects if p is still pending after 10 s. It only
 * tells a hang from an answer; it asserts nothing about speed.
 */
function settles(p, what) {
  let timer;
  const hung = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} is still pending after 10 s`)), 10_000);
  });
  return Promise.race([p, hung]).finally(() => clearTimeout(timer));
}

/** report prints the mean latency of the first and the last 10% of calls (times in ms). */
function report(what, times) {
  const tenth = Math.max(1, Math.floor(times.length / 10));
  const mean = (xs) => (xs.reduce((s, x) => s + x, 0) / xs.length) * 1000;
  const first = mean(times.slice(0, tenth));
  const last = mean(times.slice(-tenth));
  console.log(`${what}: mean latency first 10% ${first.toFixed(1)} µs, last 10% ${last.toFixed(1)} µs (x${(last / first).toFixed(2)})`);
}

const megabytes = () => (globalThis.process.memoryUsage().rss / 2 ** 20).toFixed(0);

/** collectBoth collects garbage on main and in w until done(the worker's report) or 30 rounds. */
async function collectBoth(w, done) {
  let last;
  for (let round = 0; round < 30; round++) {
    globalThis.gc();
    await sleep(20); // main's finalizers run, then its release messages go out
    last = await w.sync.collect();
    if (done(last)) break;
  }
  return last;
}

test("calls to a terminated worker reject at once, naming the worker, why it ended and the call", async () => {
  const url = fixture("lifecycle-worker.mjs");
  const w = start("lifecycle-worker.mjs");
  await w.ready;
  const inFlight = assert.rejects(settles(w.sync.hang(), "the call in flight"), {
    message: `execctx: worker ${url} has ended (terminated); call "hang" got no answer`,
  });
  await w.terminate();
  await inFlight;
  await assert.rejects(settles(w.sync.ping(1), "a call after terminate()"), {
    message: `execctx: worker ${url} has ended (terminated); call "ping" was not sent`,
  });
  await w.terminate(); // again: nothing left to do, and no error
  row("dead workers", "a call in flight, then a call, to a terminated worker", "both reject at once, naming the URL, why it ended and the call");
});

test("a worker that exits: the call in flight and every later call reject, naming the exit", async () => {
  const w = start("lifecycle-worker.mjs");
  await w.ready;
  // Node reports the exit code; a Deno or browser worker tells main it is exiting, without one.
  await assert.rejects(settles(w.sync.exit(3), "the call that exited"), /has ended \(exited( with code 3)?\); call "exit" got no answer$/);
  await assert.rejects(settles(w.sync.ping(1), "a call after the exit"), /has ended \(exited( with code 3)?\); call "ping" was not sent$/);
  row("dead workers", "a worker that exits during a call", "the call and every later one reject, naming the exit");
});

// Deno prints the worker's uncaught error on stderr even though main handles it.
test("a worker that throws an uncaught error ends: calls reject, naming the error", async () => {
  const w = start("lifecycle-worker.mjs");
  await w.ready;
  await assert.rejects(settles(w.sync.crash("boom"), "the call in flight"), /has ended \(failed: (Uncaught Error: )?boom\); call "crash" got no answer$/);
  await assert.rejects(settles(w.sync.ping(1), "a call after the crash"), /has ended \(failed: (Uncaught Error: )?boom\); call "ping" was not sent$/);
  row("dead workers", "a worker that throws an uncaught error", "calls reject, naming the error");
});

test("a Web Worker that closes itself ends: calls reject at once", {
  skip: typeof globalThis.Deno === "undefined" && "a worker_threads worker has no close(); Node's way out, process.exit, is tested above",
}, async () => {
  const w = start("lifecycle-worker.mjs");
  await w.ready;
  await assert.rejects(settles(w.sync.close(), "the call that closed"), /has ended \(exited\); call "close" got no answer$/);
  await assert.rejects(settles(w.sync.ping(1), "a call after close()"), /has ended \(exited\); call "ping" was not sent$/);
  row("dead workers", "a Web Worker that closes itself", "calls reject at once");
});

test("a worker whose top-level await never settles: ready rejects after readyTimeout, naming it", async () => {
  const url = fixture("hangs-at-import.mjs");
  const ctx = await createContext({ readyTimeout: 300 });
  const w = start("hangs-at-import.mjs", ctx);
  await assert.rejects(settles(w.ready, "ready"), {
    message: `execctx: worker ${url} was not ready within 300 ms (createContext's readyTimeout); it runs until terminate()`,
  });
  await w.terminate();
  await assert.rejects(settles(w.sync.ping(1), "a call after terminate()"), /has ended \(terminated\); call "ping" was not sent$/);
  row("hung workers", "a worker whose top-level await never settles", "ready rejects after readyTimeout, naming it");
});

test("readyTimeout must be a number of milliseconds", async () => {
  for (const bad of ["300", NaN, null, {}]) {
    await assert.rejects(createContext({ readyTimeout: bad }), {
      name: "TypeError",
      message: `execctx: readyTimeout must be a number of milliseconds (negative: no bound); got ${bad === "300" ? '"300"' : String(bad)}`,
    });
  }
});

/** growAndEnd starts a worker, grows its sync buffer by GROW bytes, and terminates it. */
async function growAndEnd(register) {
  const w = PyWorker(fixture("lifecycle-worker.mjs"), { type: "module" });
  register?.(w);
  w.sync.big = (n) => "x".repeat(n);
  await w.ready;
  assert.equal(await w.sync.grow(GROW), GROW);
  await w.terminate();
  return w;
}

test(`${WORKERS} workers started, grown and ended are all collected`, GC, async () => {
  const collected = new Set();
  const registry = new FinalizationRegistry((what) => collected.add(what));
  const before = megabytes();
  for (let i = 0; i < WORKERS; i += 8) {
    await Promise.all(Array.from({ length: Math.min(8, WORKERS - i) }, (_, j) => growAndEnd((w) => {
      registry.register(w, `handle ${i + j}`);
      registry.register(w.worker, `Worker ${i + j}`);
    })));
  }
  const ended = megabytes();
  for (let round = 0; round < 30 && collected.size < 2 * WORKERS; round++) {
    globalThis.gc();
    await sleep(20);
  }
  console.log(`${WORKERS} workers, each sync buffer grown by ${GROW >> 20} MiB: RSS ${before} MB before, ${ended} MB once ended, ${megabytes()} MB once collected`);
  assert.equal(collected.size, 2 * WORKERS, `collected ${collected.size} of ${WORKERS} handles and their ${WORKERS} Workers`);
  row("ended workers", `${WORKERS} workers, each sync buffer grown by ${GROW >> 20} MiB, ended`, "every handle and Worker collected");
});

test("a handle kept after its worker ended holds nothing: no sync buffer, no references, no calls", GC, async () => {
  const before = megabytes();
  const kept = await Promise.all(Array.from({ length: 8 }, () => growAndEnd()));
  globalThis.gc();
  await sleep(100);
  console.log(`8 ended workers kept, each sync buffer grown by ${GROW >> 20} MiB: RSS ${before} MB before, ${megabytes()} MB after`);
  for (const w of kept) {
    assert.deepEqual(w[STATS], { ended: "terminated", pending: 0, callbacks: 0, held: 0, syncBuffer: 0 });
  }
});

test(`${N} functions a worker passes to main are released on both sides`, GC, async () => {
  const w = start("scale-worker.mjs");
  let received = 0;
  let mainCollected = 0;
  const registry = new FinalizationRegistry(() => mainCollected++);
  w.sync.takeFunction = (fn) => {
    if (typeof fn !== "function") throw new TypeError(`got ${typeof fn}, not a function`);
    registry.register(fn, received);
    if (received++ % 100 === 0) fn(); // a callback to the worker now and then: the function stays usable
  };
  await w.ready;
  report(`${N} functions sent to main`, await w.sync.sendFunctions(N));
  const end = await collectBoth(w, (s) => s.collected.functions >= N - BOUND);
  console.log(`after ${N} functions: main collected ${mainCollected}, the worker ${end.collected.functions}; tables: worker ${end.tables.callbacks}, main ${w[STATS].callbacks}`);
  assert.equal(received, N);
  assert.ok(mainCollected >= N - BOUND, `main collected ${mainCollected} of the ${N} functions it was given`);
  assert.ok(end.collected.functions >= N - BOUND, `the worker collected ${end.collected.functions} of the ${N} functions main let go`);
  assert.ok(end.tables.callbacks <= BOUND, `the worker's table still holds ${end.tables.callbacks} functions`);
  assert.ok(w[STATS].callbacks <= BOUND, `main's table still holds ${w[STATS].callbacks} of the worker's functions`);
  row("bounded tables", `${N} functions a worker passes to main`, `both sides collected them; tables at most ${BOUND}`);
});

class Lent {
  constructor(n) {
    this.n = n; // a class instance is not plain data: it crosses as a reference
  }
}

test(`${N} of main's objects lent to a worker and dropped there are released on both sides`, GC, async () => {
  const w = start("scale-worker.mjs");
  let mainCollected = 0;
  const registry = new FinalizationRegistry(() => mainCollected++);
  w.sync.lend = (n) => {
    const obj = new Lent(n);
    registry.register(obj, n);
    return obj;
  };
  await w.ready;
  report(`${N} objects lent to the worker`, await w.sync.borrowObjects(N));
  const end = await collectBoth(w, () => mainCollected >= N - BOUND);
  console.log(`after ${N} objects: the worker collected ${end.collected.proxies}, main ${mainCollected}; tables: worker ${end.tables.proxies}, main ${w[STATS].held}`);
  assert.ok(end.collected.proxies >= N - BOUND, `the worker collected ${end.collected.proxies} of its ${N} proxies`);
  assert.ok(mainCollected >= N - BOUND, `main collected ${mainCollected} of the ${N} objects it lent`);
  assert.ok(end.tables.proxies <= BOUND, `the worker's table still holds ${end.tables.proxies} proxies`);
  assert.ok(w[STATS].held <= BOUND, `main still holds ${w[STATS].held} objects for the worker`);
  row("bounded tables", `${N} of main's objects lent to a worker`, `both sides collected them; tables at most ${BOUND}`);
});

test("a call that fails, or that cannot be sent, leaves no reference behind on either side", GC, async () => {
  const w = start("scale-worker.mjs");
  w.sync.takeFunction = () => {};
  await w.ready;
  assert.deepEqual(await w.sync.sendBadly(), [
    "execctx: symbols cannot cross between threads",
    'execctx: the main thread exposes no sync function "nowhere"',
  ]);
  const end = await collectBoth(w, (s) => s.tables.callbacks === 0);
  assert.equal(end.tables.callbacks, 0, "the worker still holds functions of calls that failed");
  await assert.rejects(w.sync.double(new Lent(1), Symbol("unsendable")), { name: "TypeError", message: "execctx: symbols cannot cross between threads" });
  assert.deepEqual(w[STATS], { ended: null, pending: 0, callbacks: 0, held: 0, syncBuffer: 64 << 10 });
});

test(`${CALLS} sync calls each way leave no call pending`, async () => {
  const w = start("scale-worker.mjs");
  w.sync.add = (a, b) => a + b;
  await w.ready;
  report(`${CALLS} blocking calls worker → main`, await w.sync.callMain(CALLS));
  const times = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    assert.equal(await w.sync.double(i), 2 * i);
    times.push(performance.now() - t0);
  }
  report(`${CALLS} calls main → worker`, times);
  assert.equal(w[STATS].pending, 0);
  assert.equal((await w.sync.collect()).tables.pending, 0);
  row("bounded tables", `${CALLS} sync calls each way`, "no call left pending (latency printed)");
});
