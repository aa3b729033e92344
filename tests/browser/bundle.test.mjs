// The package's bundle as a page gets it (npm/package.json "exports"),
// in each engine of engines.mjs: the requests a page makes before its context is ready,
// none of them failing, and the module worker PyWorker starts from the
// bundle. browser.test.mjs runs the facade's suite against the bundle;
// its worker pages check the worker's side too.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { root, startServer } from "./harness.mjs";
import { ENGINES, launch } from "./engines.mjs";

// The document, the page's script, the bundle's entry and shared chunk,
// and the core module: the small core modules are inlined in the bundle.
const MAX_REQUESTS = 6;
const BUNDLE = "./dist/bundle/index.js"; // what the test pages import, from the package's folder
let server, browser; // browser: the engine whose describe block runs

before(async () => {
  server = await startServer();
});

after(() => server?.stop());

test("the package exports its bundle, in browsers and everywhere else", async () => {
  const pkg = JSON.parse(await readFile(join(root, "npm/package.json"), "utf8"));
  assert.equal(pkg.exports["."].default, BUNDLE);
  assert.deepEqual(Object.keys(pkg.exports["."]), ["types", "default"], "a condition with another target: test it here");
});

// Chromium asks for a favicon on its own.
const IGNORED = /\/favicon\.ico$/;

// ready.html imports the bundle; preload.html also preloads its files and
// the core as the README says, which must not fetch anything twice.
const PAGES = [["coi", "ready"], ["plain", "ready"], ["csp", "ready"], ["coi", "preload"], ["csp", "preload"]];

for (const engine of ENGINES) describe(engine, () => {
  before(async () => {
    browser = await launch(engine);
  });

  after(() => browser?.close());

  for (const [mode, name] of PAGES) test(`${mode}, ${name}.html: a page importing the bundle makes at most ${MAX_REQUESTS} requests before its context is ready, and none fails`, (t) => browser.withPage({}, async (page) => {
    const problems = [];
    const requested = [];
    page.onPageError((message) => problems.push(`uncaught: ${message}`));
    page.onConsole((type, text) => type === "error" && problems.push(`console.error: ${text}`));
    page.onRequest((url) => requested.push(url));
    page.onRequestFailed((url, why) => problems.push(`request failed: ${url} (${why})`));
    page.onResponse((url, status) => status >= 400 && !IGNORED.test(url) && problems.push(`${status} for ${url}`));
    const url = `${server.base}/${mode}/tests/${name}.html`;
    await page.goto(url);
    const results = await page.waitFor(() => window.results);
    assert.deepEqual(problems, []);

    const pkg = `${server.base}/${mode}/execctx/`;
    const fetched = results.before.filter((r) => !IGNORED.test(r.url)); // the document first
    const before = fetched.map((r) => r.url);
    assert.equal(before[0], url);
    t.diagnostic(`requests before ready: ${before.length}, ${fetched.reduce((n, r) => n + r.bytes, 0)} B of bodies as served: ${before.map((u) => u.replace(pkg, "")).join(" ")}`);
    assert.ok(before.length <= MAX_REQUESTS, `${before.length} requests before ready:\n${before.join("\n")}`);
    assert.deepEqual(before.filter((u, i) => before.indexOf(u) !== i), [], "fetched twice (a preload the fetch did not match?)");
    assert.ok(before.includes(new URL(BUNDLE, pkg).href), "the page did not load the bundle");
    assert.deepEqual(before.filter((u) => u.startsWith(pkg) && !u.startsWith(`${pkg}dist/bundle/`) && !u.endsWith(".wasm")), [],
      "the page loaded package files the bundle has inlined");

    // without preloads, index.js starts the core's download before it loads shared.js (facade/bundle/core-first.js)
    if (name === "ready") {
      const start = (file) => {
        const entry = results.later.find((r) => r.url === `${pkg}dist/${file}`);
        assert.ok(entry, `no resource timing entry for ${file}`);
        return entry.start;
      };
      assert.ok(start("component/execctx.core.wasm") <= start("bundle/shared.js"),
        `the core's download started at ${start("component/execctx.core.wasm")} ms, after shared.js's at ${start("bundle/shared.js")} ms`);
    }

    // the worker: started on the bundle's entry, with main's compiled modules
    assert.deepEqual(results.started, { by: new URL(BUNDLE, pkg).href, compiles: 0 });
    assert.deepEqual(requested.filter((u) => u.endsWith(".wasm")), [`${pkg}dist/component/execctx.core.wasm`], "the core is fetched once, by main");
    assert.ok(requested.includes(`${pkg}dist/bundle/worker-entry.js`), "the worker was not started on the bundle's worker-entry.js");
    // the service-worker relay's code (relay-link.js) is for pages whose workers use it; relay.test.mjs's do
    assert.deepEqual(requested.filter((u) => u.includes("relay")), [], "a page without the relay loaded its code");
  }));
});
