// The Python suite (tests/python) in each engine of engines.mjs: MicroPython on an
// isolated page's main thread and worker, and in a worker of a page that
// is not isolated; Pyodide on the isolated page; both in a worker of a
// page that is not isolated, through the service-worker relay.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { EXPECTED } from "../python/driver.mjs";
import { root, startServer } from "./harness.mjs";
import { ENGINES, launch } from "./engines.mjs";

let server, browser; // browser: the engine whose describe block runs

before(async () => {
  server = await startServer(["-mount", `/python/=${root}tests/python`]);
});

after(() => server?.stop());

// The one request the suite makes to fail ("worker 404" in test_workers.py).
const MISSING_ON_PURPOSE = /\/python\/nowhere\.py$/;

// suite runs the page at path. errors has its uncaught errors and every
// other request (its workers' too) that failed or was answered with an
// error status: the interpreters load from one URL, with no failed try.
function suite(path) {
  return browser.withPage({}, async (page) => {
    const errors = [];
    page.onPageError((message) => errors.push(`uncaught: ${message}`));
    // Firefox may also report the 404 on purpose as failed, NS_BASE_STREAM_CLOSED,
    // when the worker that fetched it ends before its body was read (seen
    // under load): that is the same request, not another failure.
    const closedOnPurpose = (url, why) => MISSING_ON_PURPOSE.test(url) && why === "NS_BASE_STREAM_CLOSED";
    page.onRequestFailed((url, why) => closedOnPurpose(url, why) || errors.push(`request failed: ${url} (${why})`));
    page.onResponse((url, status) => status >= 400 && !MISSING_ON_PURPOSE.test(url) && errors.push(`${status} for ${url}`));
    await page.goto(`${server.base}/${path}`);
    return { results: await page.waitFor(() => window.pythonSuite, { timeout: 90000 }), errors };
  });
}

function check(results, label) {
  assert.deepEqual(results.map((r) => r.ids).sort(), [...EXPECTED[label]].sort(), `the cases that ran in ${label}`);
  for (const r of results) assert.ok(r.ok, `${label} ${r.ids} (${r.name}): ${r.error}`);
}

for (const engine of ENGINES) describe(engine, () => {
  before(async () => {
    browser = await launch(engine);
  });

  after(() => browser?.close());

  for (const type of ["micropython", "pyodide"]) {
    test(`${type}: the Python suite on an isolated page, main thread and worker`, async () => {
      const { results, errors } = await suite(`coi/python/?type=${type}`);
      assert.equal(results.error, undefined);
      check(results.M, "M");
      check(results.W, "W");
      assert.deepEqual(errors, []);
    });
  }

  for (const type of ["micropython", "pyodide"]) {
    test(`${type}: the Python suite in a worker of a page without SharedArrayBuffer, blocking through the service-worker relay`, async () => {
      const { results, errors } = await suite(`plain/python/?type=${type}&relay`);
      assert.equal(results.error, undefined);
      check(results.W, "W");
      assert.deepEqual(errors, []);
    });
  }

  test("micropython: the Python suite in a worker of a page without SharedArrayBuffer", async () => {
    const { results, errors } = await suite("plain/python/");
    assert.equal(results.error, undefined);
    check(results.W0, "W0");
    assert.deepEqual(errors, []);
  });
});
