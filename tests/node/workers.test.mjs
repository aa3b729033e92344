// The facade across worker_threads: sync both ways, errors crossing with
// their name, message and stack, timeouts, and ready always settling.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { PyWorker, createContext } from "../../npm/dist/index.js";

const fixture = (name) => new URL(`./fixtures/${name}`, import.meta.url).href;
const started = [];
after(() => Promise.all(started.map((w) => w.terminate())));

/** start starts a module worker with main's test functions; bounded by ms when given (createContext's timeout). */
function start(name, options = {}, ms = undefined) {
  const launch = ms === undefined ? PyWorker : bounded(ms);
  const w = launch(fixture(name), { type: "module", ...options });
  started.push(w);
  w.sync.add = (a, b) => a + b;
  w.sync.boom = () => {
    throw new SyntaxError("main says no");
  };
  w.sync.never = () => new Promise(() => {});
  return w;
}

const contexts = new Map(); // timeout → a context whose workers wait that long for main
function bounded(ms) {
  return (url, options) => contexts.get(ms).PyWorker(url, options);
}
for (const ms of [150, 200, 300]) contexts.set(ms, await createContext({ timeout: ms }));

test("C02 the worker's context: RUNNING_IN_WORKER and its own config", async () => {
  const w = start("echo-worker.mjs", { config: { name: "w1" } });
  assert.equal(await w.ready, w);
  assert.deepEqual(await w.sync.whoami(), { inWorker: true, config: { name: "w1", type: "py" } });
});

test("a worker's config given as inline TOML is parsed on main; a config URL is fetched by the worker", async () => {
  const inline = start("echo-worker.mjs", { config: 'name = "inline"\nn = 2' });
  const url = start("echo-worker.mjs", { config: fixture("worker-config.toml") });
  await Promise.all([inline.ready, url.ready]);
  assert.deepEqual((await inline.sync.whoami()).config, { name: "inline", n: 2, type: "py" });
  assert.deepEqual((await url.sync.whoami()).config, { name: "from a file", extra: { n: 1 }, type: "py" });
});

test("createContext's timeout bounds the calls of the workers it starts", { timeout: 10000 }, async () => {
  const w = start("echo-worker.mjs", {}, 150);
  await w.ready;
  const e = await w.sync.mainHangs();
  assert.equal(e.message, "execctx: the main thread did not answer sync within 150 ms (createContext's timeout)");
});

test("createContext's timeout must be a number of milliseconds", async () => {
  await assert.rejects(createContext({ timeout: "5" }), { name: "TypeError", message: 'execctx: timeout must be a number of milliseconds (negative: no bound); got "5"' });
  await assert.rejects(createContext({ timeout: NaN }), { name: "TypeError", message: "execctx: timeout must be a number of milliseconds (negative: no bound); got NaN" });
});

// PyScript's experimental_ffi_timeout is how long a worker caches main's
// values, never how long a call may take: its own test settings use 0.
for (const ffiTimeout of [0, -1, 1]) {
  test(`experimental_ffi_timeout ${ffiTimeout} is not a deadline: the worker waits for main's slow answer and import`, async () => {
    const w = start("echo-worker.mjs", { config: { experimental_ffi_timeout: ffiTimeout } });
    w.sync.slow = () => new Promise((resolve) => setTimeout(() => resolve("slow"), 50));
    await w.ready;
    assert.deepEqual(await w.sync.callSlow(), { returned: "slow" });
    assert.deepEqual(await w.sync.importSlow(`${fixture("slow-module.mjs")}?ffi=${ffiTimeout}`), { returned: "imported" });
  });
}

test("main calling the worker always gets a promise; the worker calling main blocks for the value", async () => {
  const w = start("echo-worker.mjs");
  await w.ready;
  const p = w.sync.double(21);
  assert.ok(p instanceof Promise);
  assert.equal(await p, 42);
  assert.equal(await w.sync.callMain(41), 42); // worker → main → worker, synchronously in the worker
});

test("C50 an error thrown on main is rethrown in the worker with name, message and stack", async () => {
  const w = start("echo-worker.mjs");
  await w.ready;
  const e = await w.sync.mainThrows();
  assert.equal(e.name, "SyntaxError");
  assert.equal(e.message, "main says no");
  assert.match(e.stack, /workers\.test\.mjs/, "the stack is main's");
});

test("an error thrown in the worker rejects main's promise with its name and message", async () => {
  const w = start("echo-worker.mjs");
  await w.ready;
  await assert.rejects(w.sync.fail(), { name: "RangeError", message: "the worker says no" });
  await assert.rejects(w.sync.nothingHere(), { message: 'execctx: the worker exposes no sync function "nothingHere"' });
});

test("after createContext's timeout turned a hung call into an error, the channel still works", async () => {
  const w = start("echo-worker.mjs", {}, 300);
  await w.ready;
  const e = await w.sync.mainHangs();
  assert.equal(e.message, "execctx: the main thread did not answer sync within 300 ms (createContext's timeout)");
  assert.equal(await w.sync.callMain(1), 2);
});

test("after a timeout, the next call gets its own answer, not the late answer of the call that timed out", async () => {
  const w = start("echo-worker.mjs", {}, 200);
  let answerLate;
  w.sync.late = () => new Promise((r) => { answerLate = r; });
  w.sync.next = () => {
    // answer the timed-out call a few microtasks after this one: both land in the sync buffer together
    Promise.resolve().then(() => Promise.resolve()).then(() => answerLate("late"));
    return "next";
  };
  await w.ready;
  for (let round = 0; round < 10; round++) {
    const { late, next } = await w.sync.lateThenNext();
    assert.match(late.message, /did not answer sync within 200 ms/);
    assert.deepEqual(next, { returned: "next" });
  }
});

test("shared and cyclic plain objects cross by value both ways, keeping their shape", async () => {
  const w = start("echo-worker.mjs");
  w.sync.cyclic = () => {
    const shared = { k: 1 };
    const o = { a: shared, b: [shared], ["__proto__"]: "a key" };
    o.self = o;
    return o;
  };
  await w.ready;
  const o = await w.sync.cyclic();
  assert.equal(o.a, o.b[0]);
  assert.equal(o.self, o);
  assert.deepEqual(o.a, { k: 1 });
  assert.equal(Object.getPrototypeOf(o), Object.prototype);
  assert.ok(Object.hasOwn(o, "__proto__"));
  assert.deepEqual(await w.sync.mainCyclic(), [true, true, true, "a key"]);
});

test("C66 PyWorker in a worker is NotSupported; window and document have no DOM here", async () => {
  const w = start("echo-worker.mjs");
  await w.ready;
  assert.equal((await w.sync.pyWorker()).message, "pyscript.PyWorker works only when running in the main thread");
  assert.match((await w.sync.windowMessage()).message, /the (node|deno) runtime has no DOM/);
  assert.match(await w.sync.documentRepr(), /^<NotSupported pyscript.document \[/);
});

test("ready rejects, never hangs: a script that throws, a missing script, a Python worker given JS", async () => {
  await assert.rejects(start("throws-at-import.mjs").ready, { name: "TypeError", message: "this worker script is broken" });
  await assert.rejects(start("no-such-file.mjs").ready, /^Error: execctx: cannot read the worker's module file:\/\/\/.*\/no-such-file\.mjs: ENOENT/);
  const py = PyWorker(fixture("echo-worker.mjs"), { type: "pyodide" }); // JS is not Python
  started.push(py);
  await assert.rejects(py.ready, /SyntaxError/);
});

test("terminating a worker rejects its ready and the calls it has pending", async () => {
  const early = start("echo-worker.mjs");
  const terminated = early.terminate(); // before its script ran
  await assert.rejects(early.ready, /was terminated/);
  await terminated;
  const w = start("echo-worker.mjs");
  await w.ready;
  // the worker blocks on main's never-settling function; terminating it must reject the call
  const pending = assert.rejects(w.sync.mainHangs(), /terminated|exited/);
  await w.terminate();
  await pending;
});

test("a module worker that cannot be parsed rejects ready naming its URL", async () => {
  const url = fixture("syntax-error.mjs");
  const e = await start("syntax-error.mjs").ready.then(() => assert.fail("ready resolved"), (e) => e);
  // Node's own message names no file; Deno's names the file, line and column.
  assert.match(`${e.name}: ${e.message}`, /SyntaxError/);
  assert.ok(e.message.includes(url), `the message names no URL: ${e.message}`);
});

test("well-known probes of sync stay local: JSON.stringify, String, await and inspect send no call", async () => {
  const w = start("echo-worker.mjs");
  await w.ready;
  const sent = [];
  const post = w.worker.postMessage.bind(w.worker);
  w.worker.postMessage = (message) => {
    sent.push(message.execctx);
    post(message);
  };
  JSON.stringify(w);
  assert.equal(String(w.sync), "[object execctx.sync]");
  assert.equal(`${w.sync}`, "[object execctx.sync]");
  assert.equal(await w.sync, w.sync);
  inspect(w);
  for (const probe of ["then", "toJSON", "inspect"]) assert.equal(w.sync[probe], undefined, probe);
  assert.deepEqual(sent, [], "main sent the worker a message");
  // and the same in the worker, whose probes of main's sync would block on main
  assert.deepEqual(await w.sync.probeMain(), ["{}", "[object execctx.sync]", "[object execctx.sync]", "undefined", "undefined", "undefined"]);
});

test("assigning to sync a probe's name or a value that is not a function fails, saying why", async () => {
  const w = start("echo-worker.mjs");
  assert.throws(() => {
    w.sync.toJSON = () => "{}";
  }, { name: "TypeError", message: 'execctx: sync cannot offer a function named "toJSON": reading then, toJSON or inspect never calls the other side' });
  assert.throws(() => {
    w.sync.answer = 42;
  }, { name: "TypeError", message: 'execctx: sync.answer can only be assigned a function; got number' });
  await w.ready;
});

test("a worker can import execctx through self.execctx.url, the package that started it", async () => {
  assert.equal(globalThis.execctx, undefined, "only the worker bootstrap sets it");
  const w = start("import-by-url-worker.mjs");
  await w.ready;
  assert.deepEqual(await w.sync.check(), {
    url: new URL("../../npm/dist/index.js", import.meta.url).href,
    inWorker: true,
    sameModule: true,
  });
});

test("a worker gets main's compiled component: it compiles nothing itself", async () => {
  const w = PyWorker(new URL("./fixtures/compile-count-worker.mjs", import.meta.url), { type: "module" });
  try {
    await w.ready;
    assert.deepEqual(await w.sync.compiles(), { compiles: 0, type: "py" });
  } finally {
    await w.terminate();
  }
});
