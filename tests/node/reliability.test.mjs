// The reliability suite (issue 8): workers that exited, threw, were
// terminated or hang must settle every call and release everything. Needs
// --expose-gc, which make test-node and make test-deno pass.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { PyWorker, createContext } from "../../npm/dist/index.js";

const WORKERS = 8; // workers started and ended
const GROW = 16 << 20; // bytes each of them grows its sync buffer by
const GC = { skip: typeof globalThis.gc !== "function" && "needs --expose-gc (make test-node and make test-deno pass it)" };
const STATS = Symbol.for("execctx.stats"); // a worker handle's table sizes, for tests

const fixture = (name) => new URL(`./fixtures/${name}`, import.meta.url).href;
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

const megabytes = () => (globalThis.process.memoryUsage().rss / 2 ** 20).toFixed(0);

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
});

test("a worker that exits: the call in flight and every later call reject, naming the exit", async () => {
  const w = start("lifecycle-worker.mjs");
  await w.ready;
  // Node reports the exit code; a Deno or browser worker tells main it is exiting, without one.
  await assert.rejects(settles(w.sync.exit(3), "the call that exited"), /has ended \(exited( with code 3)?\); call "exit" got no answer$/);
  await assert.rejects(settles(w.sync.ping(1), "a call after the exit"), /has ended \(exited( with code 3)?\); call "ping" was not sent$/);
});

// Deno prints the worker's uncaught error on stderr even though main handles it.
test("a worker that throws an uncaught error ends: calls reject, naming the error", async () => {
  const w = start("lifecycle-worker.mjs");
  await w.ready;
  await assert.rejects(settles(w.sync.crash("boom"), "the call in flight"), /has ended \(failed: (Uncaught Error: )?boom\); call "crash" got no answer$/);
  await assert.rejects(settles(w.sync.ping(1), "a call after the crash"), /has ended \(failed: (Uncaught Error: )?boom\); call "ping" was not sent$/);
});

test("a Web Worker that closes itself ends: calls reject at once", {
  skip: typeof globalThis.Deno === "undefined" && "a worker_threads worker has no close(); Node's way out, process.exit, is tested above",
}, async () => {
  const w = start("lifecycle-worker.mjs");
  await w.ready;
  await assert.rejects(settles(w.sync.close(), "the call that closed"), /has ended \(exited\); call "close" got no answer$/);
  await assert.rejects(settles(w.sync.ping(1), "a call after close()"), /has ended \(exited\); call "ping" was not sent$/);
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
