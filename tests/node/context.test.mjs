// The facade in Node: the main thread's context and createContext.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as execctx from "../../npm/dist/index.js";
import { Guest } from "../../npm/dist/guest.js";
import { compileComponent } from "../../npm/dist/component.js";

const SYNC_MESSAGE = "pyscript.sync works only when running in a worker";
// The suite runs under Node and under Deno (make test-deno).
const RUNTIME = typeof globalThis.Deno !== "undefined" ? "deno" : "node";
const NO_DOM = `Unable to use \`window\` or \`document\`: the ${RUNTIME} runtime has no DOM. Run in a browser, or give the host a DOM.`;

test("C01 a Node or Deno main thread is not a worker, and its config has a type", () => {
  assert.equal(execctx.RUNNING_IN_WORKER, false);
  assert.deepEqual(execctx.config, { type: "py" });
  assert.equal(execctx.js_modules.length, 0);
});

test("window and document are NotSupported without a DOM, saying why", () => {
  for (const [value, name] of [[execctx.window, "pyscript.window"], [execctx.document, "pyscript.document"]]) {
    assert.equal(value.name, name);
    assert.equal(value.message, NO_DOM);
    assert.equal(String(value), `<NotSupported ${name} [${NO_DOM}]>`);
    assert.throws(() => value.title, { message: NO_DOM });
    assert.throws(() => { value.title = "x"; }, { message: NO_DOM });
    assert.throws(() => value(), { message: NO_DOM });
    assert.equal(value.then, undefined, "awaiting a NotSupported must not throw");
  }
});

test("C46 C47 sync on the main thread is NotSupported with the exact message", () => {
  assert.equal(execctx.sync.name, "pyscript.sync");
  assert.throws(() => execctx.sync.sleep, { message: SYNC_MESSAGE });
  assert.throws(() => execctx.sync(), { message: SYNC_MESSAGE });
  assert.equal(String(execctx.sync), `<NotSupported pyscript.sync [${SYNC_MESSAGE}]>`);
});

test("createContext: inline TOML, objects, interpreter aliases", async () => {
  assert.deepEqual((await execctx.createContext({ config: 'name = "x"', interpreter: "mpy" })).config, { name: "x", type: "mpy" });
  assert.deepEqual((await execctx.createContext({ config: { a: [1, 2] }, interpreter: "pyodide" })).config, { a: [1, 2], type: "py" });
  await assert.rejects(execctx.createContext({ interpreter: "cpython" }), /interpreter must be "micropython" or "pyodide"/);
});

test("config files: fetched relative to the base URL, with the spec's errors", async () => {
  const dir = await mkdtemp(join(tmpdir(), "execctx-"));
  await writeFile(join(dir, "good.toml"), '[files]\n"a.py" = ""\n');
  await writeFile(join(dir, "bad.json"), "{");
  const baseURL = pathToFileURL(dir + "/").href;
  const ctx = await execctx.createContext({ config: "./good.toml", baseURL });
  assert.deepEqual(ctx.config, { files: { "a.py": "" }, type: "py" });
  await assert.rejects(execctx.createContext({ config: "./bad.json", baseURL }), {
    message: "(PY1000): Invalid JSON @ ./bad.json\nline 1, column 2: unexpected end of JSON input",
  });
  await assert.rejects(execctx.createContext({ config: "./missing.toml", baseURL }), {
    message: "(PY0404): Fetching from URL ./missing.toml failed with error 404 (Not Found). Are your filename and path correct?",
  });
  await assert.rejects(execctx.createContext({ config: "./cfg.txt", baseURL }), { message: "(PY1000): Invalid URL: ./cfg.txt" });
  await assert.rejects(execctx.createContext({ config: "files = [" }), /^Error: \(PY1000\): Invalid TOML\nline 1, column \d+: /);
});

test("PyWorker validation errors name what is allowed", () => {
  assert.throws(() => execctx.PyWorker("./w.py"), { message: /type must be either "micropython" or "pyodide" \(aliases "mpy", "py"\), or "module" for a JS module worker; got nothing/ });
  assert.throws(() => execctx.PyWorker("./w.py", { type: "zzz" }), { message: /got "zzz"/ });
  assert.throws(() => execctx.PyWorker("./w.py", { type: "module", hooks: {} }), { message: /unknown option "hooks"/ });
  assert.throws(() => execctx.PyWorker("javascript:alert(1)", { type: "module" }), { message: /scheme "javascript" is not allowed/ });
});

test("a guest trap fails that call with the wasm trap as its cause, and the next call runs on a fresh instance", async () => {
  // A host that reports 2^28 - 1 config sources makes the guest's allocator
  // ask for 4 GiB of its 4 GiB memory: Go's runtime fails ("fatal error: out
  // of memory", printed with its traceback on stderr) and the guest traps.
  let sources = new Array(2 ** 28 - 1); // sparse: the length is all the host lowers before the guest allocates
  let describes = 0;
  const report = { inWorker: false, hasDocument: false, syncUsable: true, runtime: "node", interpreter: "", baseUrl: "file:///" };
  const guest = new Guest(await compileComponent(), {
    environment: { describe: () => (describes++, report), configSources: () => sources, warn: () => {} },
    window: {}, document: {}, worker: {}, fetch: {},
  });
  assert.throws(() => guest.call("config", (c) => c.config()), (e) => {
    assert.match(e.message, /^execctx: the context component trapped in config \(unreachable\); it was restarted/);
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, `the cause is ${e.cause}, not a wasm trap`);
    return true;
  });
  assert.equal(describes, 1);
  sources = [];
  assert.equal(guest.call("config", (c) => c.config()), '{"type":"py"}');
  assert.equal(describes, 2, "the trapped instance had the environment cached; a fresh one asks again");
});
