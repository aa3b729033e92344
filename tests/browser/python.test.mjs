// The Python suite (tests/python) in real Chromium: MicroPython on an
// isolated page's main thread and worker, and in a worker of a page that
// is not isolated; Pyodide on the isolated page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { EXPECTED } from "../python/driver.mjs";
import { root, startServer, launchChromium, withPage } from "./harness.mjs";

let server, browser;

before(async () => {
  server = await startServer(["-mount", `/python/=${root}tests/python`]);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// The one request the suite makes to fail ("worker 404" in test_workers.py).
const MISSING_ON_PURPOSE = /\/python\/nowhere\.py$/;

// suite runs the page at path. errors has its uncaught errors and every
// other request (its workers' too) that failed or was answered with an
// error status: the interpreters load from one URL, with no failed try.
function suite(path) {
  return withPage(browser, {}, async (page) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.context().on("requestfailed", (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.context().on("response", (r) => r.status() >= 400 && !MISSING_ON_PURPOSE.test(r.url()) && errors.push(`${r.status()} for ${r.url()}`));
    await page.goto(`${server.base}/${path}`);
    const handle = await page.waitForFunction(() => window.pythonSuite, null, { timeout: 90000 });
    return { results: await handle.jsonValue(), errors };
  });
}

function check(results, label) {
  assert.deepEqual(results.map((r) => r.ids).sort(), [...EXPECTED[label]].sort(), `the cases that ran in ${label}`);
  for (const r of results) assert.ok(r.ok, `${label} ${r.ids} (${r.name}): ${r.error}`);
}

for (const type of ["micropython", "pyodide"]) {
  test(`${type}: the Python suite on an isolated page, main thread and worker`, async () => {
    const { results, errors } = await suite(`coi/python/?type=${type}`);
    assert.equal(results.error, undefined);
    check(results.M, "M");
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
