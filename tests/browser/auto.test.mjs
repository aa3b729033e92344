// execctx/auto in each engine of engines.mjs: pages written as PyScript
// pages (tests/browser/pages/auto/), whose one line of execctx is the
// module script, run with MicroPython and Pyodide, on the main thread and
// in workers, on the isolated side of the Go server.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./harness.mjs";
import { ENGINES, launch } from "./engines.mjs";

const TIMEOUT = 150_000; // ms: Pyodide starts on main and in a worker
let server, browser; // browser: the engine whose describe block runs

before(async () => {
  server = await startServer();
});

after(() => server?.stop());

/**
 * open loads a page, waits until ready (a function run in the page) is
 * true, and returns what read (another) gives, with the page's uncaught
 * errors and failed requests.
 */
function open(path, ready, read) {
  return browser.withPage({}, async (page) => {
    const problems = [];
    page.onPageError((message) => problems.push(`uncaught: ${message}`));
    page.onRequestFailed((url, why) => problems.push(`request failed: ${url} (${why})`));
    page.onResponse((url, status) => status >= 400 && !url.endsWith("/favicon.ico") && problems.push(`${status} for ${url}`));
    await page.goto(`${server.base}/coi/tests/auto/${path}`);
    await page.waitFor(ready, { timeout: TIMEOUT });
    return { ...(await page.evaluate(read)), problems };
  });
}

// What index.html shows once both summaries are written: each tag's
// output element (the element after it, or the one it names), the
// summaries, and the error banners.
function readIndex() {
  const describe = (el) => el && { tag: el.tagName, id: el.id, text: el.textContent.trim() };
  const tags = [...document.querySelectorAll('script[type="py"], script[type="mpy"], py-script, mpy-script')];
  return {
    after: tags.map((t) => (t.localName === "script" ? describe(t.nextElementSibling) : describe(t))),
    out: ["mpy-out", "py-out"].map((id) => describe(document.getElementById(id))),
    summaries: ["mpy-summary", "py-summary"].map((id) => JSON.parse(document.getElementById(id).textContent)),
    banners: [...document.querySelectorAll("body > div.py-error")].map((d) => d.textContent),
    events: JSON.parse(document.body.dataset.events),
  };
}

const output = (tag, id, text = "") => ({ tag, id, text });

for (const engine of ENGINES) describe(engine, () => {
  before(async () => {
    browser = await launch(engine);
  });

  after(() => browser?.close());

  test("a PyScript page: ids and output elements, order, config, workers by name, an exception on the page", async () => {
    const page = await open("index.html", () => document.body.dataset.events, readIndex); // py:all-done came
    assert.deepEqual(page.problems, []);
    // Tags in document order: the two workers, then Z, A, B, C, D, E, F of
    // each type. A worker's output element is <script-{type}> made after
    // it by the worker (ids {type}-w{n}, one counter for the page); a
    // main script's is <script-py> (C95), numbered per type, made before
    // it runs, except where its target attribute names one (C), and a
    // custom element's is itself (D).
    const main = (t) => [
      output("SCRIPT-PY", `${t}-0`),
      output("SCRIPT-PY", `${t}-1`),
      output("SCRIPT-PY", `${t}-2`, `B wrote ${t}-2`),
      output(`${t.toUpperCase()}-SCRIPT`, `${t}-3`, `D wrote ${t}-3`), // after C, D itself: C made no element
      output(`${t.toUpperCase()}-SCRIPT`, `${t}-3`, `D wrote ${t}-3`),
      output("SCRIPT-PY", `${t}-4`),
      output("SCRIPT-PY", `${t}-5`),
    ];
    const expected = [
      output("SCRIPT-MPY", "mpy-w0-target", "mpy worker wrote this"),
      output("SCRIPT-PY", "py-w1-target", "py worker wrote this"),
      ...main("mpy"),
      ...main("py"),
    ];
    assert.deepEqual(page.after, expected);
    assert.deepEqual(page.out, [output("DIV", "mpy-out", "C wrote mpy-out"), output("DIV", "py-out", "C wrote py-out")]);

    const [mpy, py] = page.summaries;
    for (const [s, t, config, where] of [[mpy, "mpy", "mpy page", "mpy-w0-target mpy page"], [py, "py", "py page", "py-w1-target py worker"]]) {
      // sync scripts ran in document order, A (top-level await) did not
      // hold them up; it started first (where it ran before B is the
      // interpreter's scheduling) and ended after D
      assert.ok(s.order.includes("A-start"), `${t}: A never started: ${s.order}`);
      assert.deepEqual(s.order.filter((o) => o !== "A-start"), ["B", "C", "D", "A-end"], t);
      assert.equal(s.config, config, `${t}: the main config`);
      assert.equal(s.sum, 5, `${t}: the named worker's exported add`);
      assert.equal(s.where, where, `${t}: the worker's current_target() and config`);
      assert.equal(s.other, 42, `${t}: the other type's named worker`);
    }
    // PyScript's events: a main tag's ready, then its done (E's too), a
    // worker tag's done (main hears of it when its script has run), each
    // bubbling to window before py:all-done
    const events = page.events.reduce((by, [i, type, where]) => ({ ...by, [i]: [...(by[i] ?? []), `${type} ${where}`] }), {});
    const want = { 0: ["mpy:done worker"], 1: ["py:done worker"] };
    for (let i = 2; i < 16; i++) {
      const t = i < 9 ? "mpy" : "py";
      want[i] = [`${t}:ready main`, `${t}:done main`];
    }
    assert.deepEqual(events, want);
    // E raised: one banner per type with its traceback; F ran after it
    assert.equal(page.banners.length, 2, `banners: ${JSON.stringify(page.banners)}`);
    for (const t of ["mpy", "py"]) {
      const banner = page.banners.find((b) => b.includes(`ValueError: ${t} boom`));
      assert.ok(banner?.startsWith("Traceback"), `no traceback banner for ${t}: ${JSON.stringify(page.banners)}`);
    }
  });

  test("a config conflict stops its type only; tags PyScript refuses are shown, and do not run", async () => {
    const page = await open("errors.html",
      () => document.querySelectorAll("div.py-error").length >= 3 && document.getElementById("mpy-ran").textContent.includes("twice"),
      () => ({
        banners: [...document.querySelectorAll("body > div.py-error")].map((d) => d.textContent).sort(),
        mpy: document.getElementById("mpy-ran").textContent,
        inHead: [document.querySelector('script[type="mpy"]').parentElement.tagName, document.getElementById("mpy-0")?.tagName,
          document.getElementById("mpy-0")?.parentElement.tagName],
        title: document.title,
      }));
    assert.deepEqual(page.problems, []);
    assert.deepEqual(page.banners, [
      '(PY0409) Invalid content for <script type="mpy" src="./second.py">order.append(1)</script>',
      '(PY0409) Invalid worker attribute for <script type="mpy" worker="calc.py"></script>',
      "(PY0409): Too many py-config",
    ]);
    assert.equal(page.mpy, "same twice", "MicroPython: the one config of two equal attributes, and both scripts");
    assert.deepEqual(page.inHead, ["HEAD", "SCRIPT-PY", "BODY"], "a script in <head> writes to an element in <body>");
    assert.equal(page.title, "A PyScript page with errors", "no Pyodide script ran");
  });
});
