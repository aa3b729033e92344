// The facade in real browsers, each engine of engines.mjs in turn
// (Debian's Chromium and firefox-esr; no browser is downloaded), against the Go server in its three modes:
// /coi/ (cross-origin isolated), /plain/ (not) and /csp/ (isolated, with
// a Content-Security-Policy that forbids eval and Function).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, SAB_MESSAGE, watch } from "./harness.mjs";
import { ENGINES, launch } from "./engines.mjs";

const notSupported = (name, message = SAB_MESSAGE) => `<NotSupported ${name} [${message}]>`;
const PYWORKER_IN_WORKER = "pyscript.PyWorker works only when running in the main thread";
const SYNC_ON_MAIN = "pyscript.sync works only when running in a worker";
let server, browser; // browser: the engine whose describe block runs

// Firefox (not Chromium) reports a Content-Security-Policy violation on
// its own: on the csp pages, main's `new Function` probe, blocked as the
// test expects, logs this text as a "javascript" log entry, which
// puppeteer-core (over WebDriver BiDi) hands out as a page error. Whether
// it arrives before the test stops listening varies from run to run (the
// worker's report never does), so in Firefox this one text, and nothing
// else, is left out of a page's errors and warnings.
const FIREFOX_CSP_EVAL = "Content-Security-Policy: The page’s settings blocked a JavaScript eval (script-src) from being executed because it violates the following directive: “script-src 'self' 'wasm-unsafe-eval'” (Missing 'unsafe-eval')";
/** pageOwn: what the page itself logged or threw, without the engine's CSP report. */
const pageOwn = (list) => (browser.engine === "firefox" ? list.filter((w) => w !== FIREFOX_CSP_EVAL) : list);

// The engine's texts, which execctx passes on: for a module that cannot
// be parsed, and for an uncaught error ending a worker (the ErrorEvent's
// message: Chromium prefixes "Uncaught ").
const SYNTAX_ERROR = { chromium: "Unexpected token '='", firefox: "expected expression, got '='" };
const UNCAUGHT_BOOM = { chromium: "Uncaught Error: boom", firefox: "Error: boom" };

before(async () => {
  server = await startServer();
});

after(() => server?.stop());

/** open loads a test page and returns its window.results with what watch saw. */
function open(mode, path = "tests/context.html") {
  return browser.withPage({}, async (page) => {
    const seen = watch(page);
    await page.goto(`${server.base}/${mode}/${path}`);
    const results = await page.waitFor(() => window.results);
    return { results, ...seen };
  });
}

/** The report of tests/pages/worker.js on a page where the worker reaches main. */
const reachingWorker = (mode, config) => ({
  RUNNING_IN_WORKER: true,
  config: { ...config, type: "py" },
  evalBlocked: mode === "csp",
  proxied: true,
  pyWorker: PYWORKER_IN_WORKER,
  jsImport: "Hello from JavaScript!",
});

// The demo page: what it shows, row by row, on each side. The config is
// the page's <py-config> TOML; the JS worker is given the same text.
const DEMO_CONFIG = JSON.stringify({ js_modules: { main: { "./local.js": "local" } }, name: "execctx demo", sync_main_only: false, type: "py" });
const EVAL_BLOCKED = "blocked (EvalError): the page's Content-Security-Policy has no 'unsafe-eval'";
const NO_TARGET = `(none: without SharedArrayBuffer the worker's current_target() is "")`;

/** readDemo waits for the demo's last row, then reads everything the page shows. */
async function readDemo(page) {
  await page.waitFor(() => [...document.querySelectorAll("#main dt")].some((dt) => dt.textContent.startsWith('PyWorker("./worker.py"')));
  return page.evaluate(() => {
    const rows = (id) => Object.fromEntries([...document.querySelectorAll(`#${id} dt`)].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
    // what follows each script the demo runs for: its display target, or the note that it has none
    const after = (id) => {
      const el = document.getElementById(id).nextElementSibling;
      return { tag: el.tagName, id: el.id, text: el.textContent };
    };
    const link = document.getElementById("other-mode");
    return {
      title: document.title,
      isolated: document.getElementById("mode").textContent.startsWith("This page is cross-origin isolated"),
      link: { text: link.textContent, href: link.getAttribute("href") },
      fromWorker: document.getElementById("from-worker").textContent,
      targets: { main: after("main-python"), js: after("js-worker"), py: after("py-worker") },
      main: rows("main"),
      worker: rows("worker"),
    };
  });
}

/** The rows of the main column in a mode. */
const demoMain = (mode, modules) => ({
  RUNNING_IN_WORKER: "false",
  "config (from <py-config>, TOML)": DEMO_CONFIG,
  window: "globalThis (direct)",
  document: "the page's document (direct)",
  sync: notSupported("pyscript.sync", SYNC_ON_MAIN),
  'js_import("./local.js")': "Hello from a local module!",
  js_modules: `${modules} (local)`,
  "current_target() here": '"" (a module script is never document.currentScript)',
  "new Function(…)": mode === "csp" ? EVAL_BLOCKED : "allowed",
  "runPython(#main-python), its print(current_target())": "mpy-0",
  'PyWorker("./worker.js", …)': "ready",
  "await worker.sync.add(40, 2)": "42",
  'PyWorker("./worker.py", …)': mode === "plain" ? `AttributeError: ${SAB_MESSAGE}` : "ready",
});

/** The rows of the worker column in a mode. */
const demoWorker = (mode, modules) => {
  const isolated = mode !== "plain";
  return {
    RUNNING_IN_WORKER: "true",
    "config (main's <py-config> text, given to PyWorker)": DEMO_CONFIG,
    window: isolated ? `a proxy of main's window: location.pathname = /${mode}/` : notSupported("pyscript.window"),
    document: isolated ? "a proxy of main's document: document.title and #from-worker written" : notSupported("pyscript.document"),
    "sync.greet('worker')": `${isolated ? "" : "a promise: "}hello worker, from the main thread`,
    "PyWorker(…)": PYWORKER_IN_WORKER,
    'js_import("./local.js"), imported on main': isolated ? "Hello from a local module!" : SAB_MESSAGE,
    js_modules: isolated ? `${modules} (main)` : "none: main's modules need SharedArrayBuffer",
    "current_target()": isolated ? "js-worker-target" : '""',
    "new Function(…)": mode === "csp" ? EVAL_BLOCKED : "allowed",
  };
};

/** The elements after the demo's scripts: display targets, or notes that there are none. */
const demoTargets = (mode) => {
  const worker = (id, text) => (mode === "plain" ? { tag: "SPAN", id: `${id}-none`, text: NO_TARGET } : { tag: id === "js-worker" ? "SCRIPT-PY" : "SCRIPT-MPY", id: `${id}-target`, text });
  return {
    main: { tag: "SCRIPT-PY", id: "mpy-0", text: "MicroPython wrote this on the main thread into #mpy-0" },
    js: worker("js-worker", "the JS worker wrote this into #js-worker-target"),
    py: worker("py-worker", "MicroPython v1.27.0 wrote this from a worker into #py-worker-target (RUNNING_IN_WORKER = True, config type mpy)"),
  };
};

for (const engine of ENGINES) describe(engine, () => {
  before(async () => {
    browser = await launch(engine);
  });

  after(() => browser?.close());

  test("config values cross the component intact on main and in a worker (once corrupted under jco)", async () => {
    const { results, errors } = await open("coi", "tests/values.html");
    assert.equal(results.error, undefined);
    assert.deepEqual(errors, []);
    const ints = Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`k${i}`, i]));
    const chars = Object.fromEntries(Array.from({ length: 95 }, (_, i) => [String.fromCharCode(32 + i), String.fromCharCode(32 + i)]));
    for (const side of ["main", "worker"]) {
      const got = results[side];
      assert.deepEqual(got.toml, { a: 123, type: "py" }, side);
      assert.deepEqual(got.json, { x: 1, type: "py" }, side);
      assert.equal(got.timeout.experimental_ffi_timeout, 130, side);
      assert.deepEqual(got.ints, { ...ints, type: "py" }, side);
      assert.deepEqual(got.chars, { ...chars, type: "py" }, side);
      assert.match(got.position.error, /^\(PY1000\): Invalid TOML\nline 1, column 146\b/, side);
    }
  });

  for (const mode of ["coi", "csp"]) test(`${mode}: a worker writes main's document synchronously and js_import works on both sides`, async () => {
    const { results, warnings, errors } = await open(mode);
    assert.equal(results.error, undefined);
    assert.deepEqual(results.main, {
      RUNNING_IN_WORKER: false,
      config: { name: "browser", js_modules: { main: { "./greeting.js": "greeting" } }, type: "py" },
      windowIsGlobal: true,
      documentIsDocument: true,
      sync: notSupported("pyscript.sync", SYNC_ON_MAIN),
      modules: ["greeting local"],
      jsImport: "Hello from JavaScript!",
      crossOriginIsolated: true,
    });
    assert.deepEqual(results.worker, reachingWorker(mode, {}));
    assert.deepEqual(results.started, { by: `${server.base}/${mode}/execctx/dist/bundle/index.js`, compiles: 0 }, "started on the bundle, with main's modules");
    assert.deepEqual(results.quiet, reachingWorker(mode, { sync_main_only: true }));
    assert.equal(results.title, "hello worker");
    assert.equal(results.text, "written by the worker");
    assert.equal(results.missing, `execctx: fetching the worker's module ${server.base}/${mode}/tests/missing.js failed with 404 Not Found`);
    assert.deepEqual(pageOwn(warnings), []);
    assert.deepEqual(pageOwn(errors), []);
    assert.equal(results.evalBlocked, mode === "csp", "the strict CSP forbids Function on main only in csp mode");
  });

  test("the unbundled files the bundle is made of work as well, and start workers on their own worker-entry.js", async () => {
    const { results, warnings, errors } = await open("coi", "tests/context.html?unbundled");
    assert.equal(results.error, undefined);
    assert.equal(results.main.jsImport, "Hello from JavaScript!");
    assert.deepEqual(results.worker, reachingWorker("coi", {}));
    assert.deepEqual(results.started, { by: `${server.base}/coi/execctx/dist/index.js`, compiles: 0 });
    assert.equal(results.text, "written by the worker");
    assert.deepEqual(warnings, []);
    assert.deepEqual(errors, []);
  });

  test("C40 C41 not isolated: NotSupported document and js_import in the worker, one warning, none with sync_main_only", async () => {
    const { results, warnings, errors } = await open("plain");
    assert.equal(results.error, undefined);
    assert.equal(results.main.crossOriginIsolated, false);
    assert.equal(results.main.jsImport, "Hello from JavaScript!");
    const degraded = (config) => ({
      RUNNING_IN_WORKER: true,
      config: { ...config, type: "py" },
      evalBlocked: false,
      documentError: SAB_MESSAGE,
      pyWorker: PYWORKER_IN_WORKER,
      jsImportError: SAB_MESSAGE,
    });
    assert.deepEqual(results.worker, degraded({}));
    assert.deepEqual(results.quiet, degraded({ sync_main_only: true }));
    assert.equal(results.title, "execctx test");
    assert.equal(results.text, "");
    assert.deepEqual(warnings, [SAB_MESSAGE]);
    assert.deepEqual(errors, []);
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
    // The browser's own text for a module that 404s, passed through by the facade.
    assert.equal(results.notFound, `execctx: fetching the worker's module ${server.base}/coi/tests/nowhere.js failed with 404 Not Found`);
    assert.equal(results.sync, SYNC_ON_MAIN);
    // The engine's message for a module that cannot be parsed names no file: execctx names the worker.
    assert.equal(results.syntax, `execctx: worker ${server.base}/coi/tests/syntax-error.js could not be imported: ${SYNTAX_ERROR[browser.engine]}`);
    const ended = (reason, call) => `execctx: worker ${server.base}/coi/tests/ends.js has ended (${reason}); ${call}`;
    assert.deepEqual(results.close, [ended("exited", 'call "close" got no answer'), ended("exited", 'call "ping" was not sent')]);
    const boom = `failed: ${UNCAUGHT_BOOM[browser.engine]}`;
    assert.deepEqual(results.crash, [ended(boom, 'call "crash" got no answer'), ended(boom, 'call "ping" was not sent')]);
    // terminate() runs before the worker can answer the ping posted just before it
    assert.deepEqual(results.terminate, [ended("terminated", 'call "ping" got no answer'), ended("terminated", 'call "ping" was not sent')]);
  });

  // A full-page screenshot of each mode goes to tests/artifacts/ (gitignored).
  for (const mode of ["coi", "plain", "csp"]) test(`the demo page, ${mode}`, () => browser.withPage({ viewport: { width: 1100, height: 1000 } }, async (page) => {
    const { warnings, errors } = watch(page);
    await page.goto(`${server.base}/${mode}/`);
    const seen = await readDemo(page);
    const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url));
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, `demo-${mode}-${browser.engine}.png`), fullPage: true });

    const isolated = mode !== "plain";
    const modules = `local → ${server.base}/${mode}/local.js`;
    assert.deepEqual(seen.main, demoMain(mode, modules));
    assert.deepEqual(seen.worker, demoWorker(mode, modules));
    assert.deepEqual(seen.targets, demoTargets(mode));
    assert.equal(seen.isolated, isolated);
    assert.deepEqual(seen.link, isolated ? { text: "Open it without isolation", href: "/plain/" } : { text: "Open it isolated", href: "/coi/" });
    assert.equal(seen.title, isolated ? "execctx demo: title set by the worker" : "execctx demo");
    assert.equal(seen.fromWorker, isolated ? "this text, and the page title" : "(waiting)");
    // one warning per worker that may warn: the JS worker and the MicroPython worker
    assert.deepEqual(pageOwn(warnings), isolated ? [] : [SAB_MESSAGE, SAB_MESSAGE]);
    assert.deepEqual(pageOwn(errors), []);
  }));
});
