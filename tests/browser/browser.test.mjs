// The facade in real Chromium (Debian's, driven by playwright-core; no
// browser is downloaded), against the Go server in both isolation modes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtemp, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const SAB_MESSAGE = "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer";
const root = fileURLToPath(new URL("../../", import.meta.url));
let server, base, browser;

before(async () => {
  // built, not `go run`, so that killing it kills the server itself
  const bin = join(await mkdtemp(join(tmpdir(), "execctx-server-")), "server");
  execFileSync("go", ["build", "-o", bin, "./examples/server"], { cwd: root });
  server = spawn(bin, ["-addr", "127.0.0.1:0", "-root", root], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((resolve, reject) => {
    server.stdout.once("data", (line) => resolve(String(line).match(/http:\/\/[^/]+/)[0]));
    server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

async function open(mode, path = "tests/context.html") {
  const page = await browser.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(`${base}/${mode}/${path}`);
  const results = await page.waitForFunction(() => window.results, null, { timeout: 60000 }).then((h) => h.jsonValue());
  await page.close();
  return { results, warnings };
}

for (const mode of ["coi", "csp"]) test(`${mode}: a worker writes main's document synchronously`, async () => {
  const { results, warnings } = await open(mode);
  assert.equal(results.error, undefined);
  assert.deepEqual(results.main, {
    RUNNING_IN_WORKER: false,
    config: { name: "browser", js_modules: { main: { "./greeting.js": "greeting" } }, type: "py" },
    windowIsGlobal: true,
    documentIsDocument: true,
    sync: "<NotSupported pyscript.sync [pyscript.sync works only when running in a worker]>",
    modules: ["greeting local"],
    crossOriginIsolated: true,
  });
  assert.equal(results.worker.RUNNING_IN_WORKER, true);
  assert.equal(results.worker.proxied, true);
  assert.equal(results.worker.pyWorker, "pyscript.PyWorker works only when running in the main thread");
  assert.equal(results.title, "hello worker");
  assert.equal(results.text, "written by the worker");
  assert.match(results.missing, /missing\.js/);
  assert.deepEqual(warnings, []);
  assert.equal(results.evalBlocked, mode === "csp", "the strict CSP forbids Function only in csp mode");
});

test("C40 C41 not isolated: NotSupported document in the worker, one warning, none with sync_main_only", async () => {
  const { results, warnings } = await open("plain");
  assert.equal(results.error, undefined);
  assert.equal(results.main.crossOriginIsolated, false);
  assert.equal(results.worker.documentError, SAB_MESSAGE);
  assert.equal(results.title, "execctx test");
  assert.deepEqual(warnings, [SAB_MESSAGE]);
});

test("C41 not isolated, sync_main_only: NotSupported document and no warning", async () => {
  const { results, warnings } = await open("plain", "tests/quiet.html");
  assert.equal(results.documentError, SAB_MESSAGE);
  assert.equal(results.config.sync_main_only, true);
  assert.deepEqual(warnings, []);
});

test("Pyodide in a worker: RUNNING_IN_WORKER, type py, a proxied document.title write, a sync call", async () => {
  const { results } = await open("coi", "tests/pyodide.html");
  assert.equal(results.error, undefined);
  assert.deepEqual(results.report, { inWorker: true, type: "py", add: 3 });
  assert.equal(results.title, "set by Pyodide");
});

test("C14 two <py-config> fail the import with PY0409", async () => {
  const { results } = await open("coi", "tests/conflict.html");
  assert.equal(results.error, "(PY0409): Too many py-config");
});

test("config errors carry the spec's codes; failing workers reject ready", async () => {
  const { results } = await open("coi", "tests/errors.html");
  assert.match(results.toml, /^\(PY1000\): Invalid TOML\nline 2, column \d+: /);
  assert.match(results.json, /^\(PY1000\): Invalid JSON\nline 1, column 6: /);
  assert.equal(results.missing, "(PY0404): Fetching from URL ./missing.toml failed with error 404 (Not Found). Are your filename and path correct?");
  assert.equal(results.badURL, "(PY1000): Invalid URL: ./config.txt");
  assert.equal(results.throwing, "this worker script is broken");
  assert.match(results.notFound, /nowhere\.js/);
  assert.equal(results.sync, "pyscript.sync works only when running in a worker");
});

// The demo page in both modes; a screenshot of each goes to tests/artifacts/ (gitignored).
for (const mode of ["coi", "plain"]) test(`the demo page, ${mode}`, async () => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.goto(`${base}/${mode}/`);
  await page.waitForFunction(() => document.querySelector("#worker dt") && [...document.querySelectorAll("#main dt")].some((dt) => dt.textContent === "MicroPython worker"), null, { timeout: 30000 });
  const seen = await page.evaluate(() => ({
    title: document.title,
    fromWorker: document.getElementById("from-worker").textContent,
    fromPython: document.getElementById("from-python").textContent,
    worker: Object.fromEntries([...document.querySelectorAll("#worker dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
    main: Object.fromEntries([...document.querySelectorAll("#main dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
  }));
  const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `demo-${mode}.png`) });
  await page.close();
  assert.equal(seen.main.RUNNING_IN_WORKER, "false");
  assert.equal(seen.worker.RUNNING_IN_WORKER, "true");
  assert.equal(seen.main['js_import("./local.js")'], "Hello from a local module!");
  assert.equal(seen.worker.PyWorker, "pyscript.PyWorker works only when running in the main thread");
  if (mode === "coi") {
    assert.equal(seen.title, "execctx demo: title set by the worker");
    assert.equal(seen.fromWorker, "this text, and the page title");
    assert.equal(seen.worker["sync.greet('worker')"], "hello worker, from the main thread");
    assert.equal(seen.worker['js_import("./local.js") on main'], "Hello from a local module!");
    assert.match(seen.fromPython, /^MicroPython v1\.27\.0 wrote this from a worker \(RUNNING_IN_WORKER = True, config type mpy\)$/);
    assert.equal(seen.main["MicroPython worker"], "ready");
  } else {
    assert.equal(seen.fromPython, "(waiting)");
    assert.match(seen.main["MicroPython worker"], /AttributeError: Unable to use `window` or `document` in worker/);
    assert.equal(seen.title, "execctx demo");
    assert.equal(seen.fromWorker, "(waiting)");
    assert.equal(seen.worker["sync.greet('worker')"], "a promise: hello worker, from the main thread");
    assert.equal(seen.worker.document, `<NotSupported pyscript.document [${SAB_MESSAGE}]>`);
  }
});
