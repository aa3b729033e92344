// The named-worker registry from JS: PyWorker's name option registers a
// worker in `workers`, as create_named_worker does from Python
// (tests/python/test_named_workers.py covers Python's view).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import * as execctx from "../../npm/dist/index.js";

const fixture = (name) => new URL(`../python/${name}`, import.meta.url).href;
const started = [];
const start = (file, name) => {
  const w = execctx.PyWorker(fixture(file), { type: "micropython", ...(name && { name }) });
  started.push(w);
  return w;
};

after(() => Promise.all(started.map((w) => w.terminate())));

test("workers[name] is the named worker's sync once it is ready, also when asked first", async () => {
  const pending = execctx.workers["js-named"];
  start("named_worker.py", "js-named");
  const sync = await pending;
  assert.equal(await sync.add(2, 3), 5);
  assert.equal(await (await execctx.workers["js-named"]).add(1, 1), 2);
  assert.ok("js-named" in execctx.workers);
});

test("the names polyscript reserves are undefined, and the registry cannot be written", () => {
  for (const name of ["then", "get", "has", "set", "next", "includes", "constructor", "__dict__"]) {
    assert.equal(execctx.workers[name], undefined, name);
  }
  assert.throws(() => {
    execctx.workers.x = 1;
  }, TypeError);
});

test("the first worker of a name wins", async () => {
  const first = start("named_worker.py", "twice");
  const second = start("bad_export.py", "twice");
  await first.ready;
  await assert.rejects(second.ready, /NameError/);
  assert.equal(await (await execctx.workers.twice).add(20, 22), 42);
});

test("a named worker that fails rejects its entry, with no unhandled rejection", async () => {
  const w = start("bad_export.py", "fails");
  await assert.rejects(w.ready, /NameError: name 'absent' is not defined/);
  await assert.rejects(execctx.workers.fails, /NameError/);
});

test("an unnamed worker is in no entry", async () => {
  const w = start("named_worker.py", undefined);
  await w.ready;
  assert.equal("undefined" in execctx.workers, false);
});
