// The service-worker relay (PyWorker's service_worker option) on pages
// that are not cross-origin isolated (examples/server's /plain/), in each
// engine of engines.mjs: every page load is a first visit (a new browser
// context has no service worker), a reload is a later one.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, SAB_MESSAGE, watch } from "./harness.mjs";
import { ENGINES, launch } from "./engines.mjs";

let server, browser; // browser: the engine whose describe block runs

before(async () => {
  server = await startServer();
});

after(() => server?.stop());

/** visit loads path on page and returns its window.results. */
async function visit(page, path) {
  await page.goto(`${server.base}/plain/tests/${path}`);
  try {
    return await page.waitFor(() => window.results, { timeout: 60000 });
  } catch (e) {
    throw new Error(`${path}: no results at step ${await page.evaluate(() => window.progress)}: ${e.message}`);
  }
}

/** What relay-worker.js reports when its calls to main block. */
const relayed = {
  RUNNING_IN_WORKER: true,
  titleRead: "execctx relay test",
  titleReadBack: "written through the relay",
  pathname: "/plain/tests/relay.html",
  greet: "hello worker",
  values: [42, true, null, true, true, "é", { a: [1, "b"] }],
  later: "after a promise on main",
  big: 100000,
  failed: "RangeError: main says no",
  jsImport: "Hello from JavaScript!",
};

for (const engine of ENGINES) describe(engine, () => {
  before(async () => {
    browser = await launch(engine);
  });

  after(() => browser?.close());

  test("first visit, then a reload: document, window and sync block through the relay, without a warning", () => browser.withPage({}, async (page) => {
    const seen = watch(page);
    for (const [visitNo, registeredAtStart] of [[1, false], [2, true]]) {
      const results = await visit(page, "relay.html");
      assert.equal(results.error, undefined, `visit ${visitNo}`);
      assert.equal(results.crossOriginIsolated, false);
      assert.equal(results.registeredAtStart, registeredAtStart, `visit ${visitNo}: was the service worker registered when the page loaded`);
      assert.equal(results.controlledAtStart, false, "the page is outside the service worker's scope: only its workers are controlled");
      assert.deepEqual(results.worker, relayed, `visit ${visitNo}`);
      assert.equal(results.title, "written through the relay");
      assert.equal(results.text, "written by the worker");
      assert.deepEqual(results.timeout, {
        error: "execctx: the main thread did not answer sync within 300 ms (createContext's timeout)",
        next: "hello again",
      });
      const ended = (what) => `execctx: worker ${server.base}/plain/tests/relay-worker.js has ended (terminated); call "${what}`;
      assert.deepEqual(results.dead, [`${ended("stallUnbounded")}" got no answer`, `${ended("report")}" was not sent`]);
      assert.equal(results.afterDead, "hello worker", "the relay serves new workers after one died in a relayed call");
      assert.equal(results.update.greet, "hello once", "after an update the relay still answers");
      // Chromium keeps an update waiting while the relay's workers use the
      // active version; Firefox may activate it at once (the page itself is
      // not controlled), and the new version then serves the worker.
      if (browser.engine === "chromium") assert.equal(results.update.waiting, true, "the update waits");
    }
    assert.deepEqual(seen.warnings, []);
    assert.deepEqual(seen.errors, []);
  }));

  // A worker whose relay cannot serve it is as without one, and says why.
  const degraded = { document: `<NotSupported pyscript.document [${SAB_MESSAGE}]>`, greet: "a promise" };

  test("a service worker that cannot be registered: a warning says why, and the worker is as without the relay", () => browser.withPage({}, async (page) => {
    const seen = watch(page);
    const results = await visit(page, "relay.html?sw=./nowhere-sw.js");
    assert.equal(results.error, undefined);
    assert.deepEqual(results.degraded, degraded);
    assert.equal(seen.warnings.length, 2, seen.warnings.join("\n"));
    assert.match(seen.warnings[0], new RegExp(`^execctx: the service-worker relay ${server.base}/plain/tests/nowhere-sw\\.js is not available: .+`));
    assert.equal(seen.warnings[1], SAB_MESSAGE);
  }));

  test("a service worker whose scope holds neither page nor worker: the worker's ping says so, and it is as without the relay", () => browser.withPage({}, async (page) => {
    const seen = watch(page);
    const results = await visit(page, "relay.html?sw=./elsewhere/service-worker.js");
    assert.equal(results.error, undefined);
    assert.deepEqual(results.degraded, degraded);
    assert.deepEqual(seen.warnings, [
      `execctx: the service-worker relay ${server.base}/plain/tests/elsewhere/service-worker.js does not answer this worker: ` +
        "HTTP 200 without the relay's header: no execctx service worker controls this worker; the worker's calls to main are not blocking",
      SAB_MESSAGE,
    ]);
  }));

  // The DevTools protocol can stop a service worker, as a browser does one
  // that is idle, and remove its registration at once; WebDriver BiDi,
  // which drives Firefox, has neither.
  const devtools = engine === "chromium" ? false : "stopping a service worker or removing its registration takes the DevTools protocol, which WebDriver BiDi lacks";
  for (const [what, how] of [
    ["stopped between calls, as when idle: the call that starts it again is answered (main gives the new instance a port and its answer again)",
      (cdp) => cdp.send("ServiceWorker.enable").then(() => cdp.send("ServiceWorker.stopAllWorkers"))],
    ["registration removed mid-session (clear site data): the service worker still serving the worker keeps answering",
      (cdp) => cdp.send("Storage.clearDataForOrigin", { origin: server.base, storageTypes: "service_workers" })],
  ]) {
    test(`the service worker ${what}`, { skip: devtools }, () => browser.withPage({}, async (page) => {
      const seen = watch(page);
      const results = await visit(page, "relay.html");
      assert.equal(results.error, undefined);
      await how(await page.raw.context().newCDPSession(page.raw));
      assert.equal(await page.evaluate(() => window.relayWorker.sync.greetOnce()), "hello once");
      assert.deepEqual(seen.warnings, []);
    }));
  }

  test("two tabs share the service worker, and each tab's worker gets only its own answers", () => browser.withPage({}, async (page) => {
    const results = await visit(page, "relay-tabs.html");
    assert.equal(results.error, undefined);
    assert.deepEqual(results.first, { own: 500, foreign: [] });
    assert.deepEqual(results.second, { own: 500, foreign: [] });
  }));
});
