// The facade in real Chromium (Debian's, driven by playwright-core; no
// browser is downloaded), against the Go server in both isolation modes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
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

async function open(mode) {
  const page = await browser.newPage();
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(`${base}/${mode}/tests/context.html`);
  const results = await page.waitForFunction(() => window.results, null, { timeout: 30000 }).then((h) => h.jsonValue());
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

test("not isolated: NotSupported document in the worker, exactly one warning", async () => {
  const { results, warnings } = await open("plain");
  assert.equal(results.error, undefined);
  assert.equal(results.main.crossOriginIsolated, false);
  assert.equal(results.worker.documentError, SAB_MESSAGE);
  assert.equal(results.title, "execctx test");
  assert.deepEqual(warnings, [SAB_MESSAGE]);
});
