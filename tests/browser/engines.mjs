// The browser engines the browser suites run in, behind one small page
// interface, so that a suite is written once and run per engine:
// Chromium (Debian's, driven by playwright-core) and Firefox (Debian's
// firefox-esr, driven by puppeteer-core over WebDriver BiDi). Neither
// client downloads a browser. BROWSER_ENGINES (e.g. "firefox") narrows a
// run to some of them.
import puppeteer from "puppeteer-core";
import { launchChromium } from "./harness.mjs";

const ALL = ["chromium", "firefox"];

/** engines reads a comma-separated list of engines from the environment variable name, or gives all. */
function engines(name) {
  const list = (process.env[name] ?? ALL.join(",")).split(",").map((e) => e.trim()).filter(Boolean);
  for (const e of list) if (!ALL.includes(e)) throw new Error(`${name}: unknown engine ${JSON.stringify(e)} (known: ${ALL.join(", ")})`);
  return list;
}

/** ENGINES lists the engines the tests run in, in order: $BROWSER_ENGINES, or all. */
export const ENGINES = engines("BROWSER_ENGINES");

/** BENCH_ENGINES lists the engines the browser benchmarks run in: $BENCH_ENGINES, or all. */
export const BENCH_ENGINES = engines("BENCH_ENGINES");

/** NAMES: how an engine is called in printed output. */
export const NAMES = { chromium: "Chromium", firefox: "Firefox" };

/**
 * launch starts engine and returns { engine, version, withPage, close };
 * version() resolves to the browser's version.
 * withPage(options, fn) runs fn(page) on a page in a new, isolated
 * browser context (no cookies, cache or service workers shared with other
 * tests), and closes it however fn ends. options: { viewport }.
 */
export async function launch(engine) {
  const browser = engine === "firefox" ? await launchFirefox() : await launchChromium();
  const open = engine === "firefox" ? firefoxPage : chromiumPage;
  return {
    engine,
    version: async () => browser.version(),
    async withPage(options, fn) {
      const { page, close } = await open(browser, options ?? {});
      try {
        return await fn(page);
      } finally {
        await close();
      }
    },
    close: () => browser.close(),
  };
}

/** launchFirefox starts Debian's firefox-esr ($FIREFOX overrides the path) headless. */
function launchFirefox() {
  return puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
    // no background traffic (updates, telemetry, safe browsing), as with Chromium's flags
    extraPrefsFirefox: {
      "app.update.enabled": false,
      "browser.safebrowsing.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
    },
  });
}

// Both adapters give the same page: goto(url); waitFor(fn, { timeout })
// resolves to fn's first truthy value, as JSON; evaluate(fn, arg);
// screenshot; and listeners. onConsole's types are normalised to "warning"
// and "error"; onPageError gets the uncaught error's message; the request
// listeners see the page's requests and its workers' (both engines report
// those). Chromium's alone: throttle(conditions), the DevTools protocol's
// Network.emulateNetworkConditions, which WebDriver BiDi lacks (Firefox's
// throws), and raw, playwright's own page, for what only a benchmark in
// Chromium measures.

async function chromiumPage(browser, { viewport }) {
  const page = await browser.newPage(viewport ? { viewport } : {}); // its own context
  const context = page.context(); // context-wide: worker requests too
  return {
    close: () => page.close(),
    page: {
      engine: "chromium",
      raw: page,
      async throttle(conditions) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", conditions);
      },
      goto: (url) => page.goto(url),
      waitFor: (fn, { timeout = 60000 } = {}) => page.waitForFunction(fn, null, { timeout }).then((h) => h.jsonValue()),
      evaluate: (fn, arg) => page.evaluate(fn, arg),
      screenshot: (options) => page.screenshot(options),
      onConsole: (cb) => page.on("console", (m) => cb(m.type(), m.text())),
      onPageError: (cb) => page.on("pageerror", (e) => cb(e.message)),
      onRequest: (cb) => context.on("request", (r) => cb(r.url())),
      onResponse: (cb) => context.on("response", (r) => cb(r.url(), r.status())),
      onRequestFailed: (cb) => context.on("requestfailed", (r) => cb(r.url(), r.failure()?.errorText)),
    },
  };
}

async function firefoxPage(browser, { viewport }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  if (viewport) await page.setViewport(viewport);
  return {
    close: () => context.close(),
    page: {
      engine: "firefox",
      throttle: async () => {
        throw new Error("network emulation is Chromium's (the DevTools protocol); WebDriver BiDi has none");
      },
      goto: (url) => page.goto(url),
      waitFor: (fn, { timeout = 60000 } = {}) => page.waitForFunction(fn, { timeout, polling: 50 }).then((h) => h.jsonValue()),
      evaluate: (fn, arg) => page.evaluate(fn, arg),
      screenshot: (options) => page.screenshot(options),
      // puppeteer names a warning "warn"
      onConsole: (cb) => page.on("console", (m) => cb(m.type() === "warn" ? "warning" : m.type(), m.text())),
      onPageError: (cb) => page.on("pageerror", (e) => cb(e?.message ?? String(e))),
      onRequest: (cb) => page.on("request", (r) => cb(r.url())),
      onResponse: (cb) => page.on("response", (r) => cb(r.url(), r.status())),
      onRequestFailed: (cb) => page.on("requestfailed", (r) => cb(r.url(), r.failure()?.errorText)),
    },
  };
}
