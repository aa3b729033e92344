// make bench, the service-worker relay: on a page that is not
// cross-origin isolated, a worker's blocking call to main goes through a
// service worker. execctx's relay and coincident 4.1.1's (sabayon, what
// PyScript's service_worker option uses) side by side in one Chromium
// run: worker → main document.title reads and sync calls, µs per round
// trip, medians of BENCH_RELAY_RUNS page loads (rotating which side goes
// first) of BENCH_RELAY_CALLS calls each, beside the relay's floor: a
// synchronous GET the service worker answers at once, without main. It
// prints numbers and never judges them.
import { join } from "node:path";
import { root, startServer, launchChromium, withPage } from "../browser/harness.mjs";
import { loadAverage, median } from "./load.mjs";
import { recordTarget } from "./targets.mjs";

const N = Number(process.env.BENCH_RELAY_CALLS ?? 1000);
const RUNS = Number(process.env.BENCH_RELAY_RUNS ?? 3);
const PAGES = { execctx: "relay-execctx.html", "coincident 4.1.1": "relay-coincident.html" };
const SIDES = Object.keys(PAGES);

const server = await startServer(["-mount", `/coincident/=${join(root, "tests/node_modules/coincident/dist")}`]);
let browser;
try {
  browser = await launchChromium();
  const before = loadAverage();
  const runs = Object.fromEntries(SIDES.map((s) => [s, []]));
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < SIDES.length; k++) {
      const side = SIDES[(k + i) % SIDES.length];
      runs[side].push(await load(side));
    }
  }
  report(runs, before);
} finally {
  try {
    await browser?.close();
  } finally {
    server.stop();
  }
}

/** load runs one side's page in a new browser context: a first visit, so each side installs its service worker. */
function load(side) {
  return withPage(browser, {}, async (page) => {
    await page.goto(`${server.base}/plain/tests/bench/${PAGES[side]}?n=${N}`);
    // sabayon reloads the page once its service worker controls it: wait across that navigation
    for (;;) {
      try {
        const results = await page.waitForFunction(() => window.results, null, { timeout: 300000 }).then((h) => h.jsonValue());
        if (results.crossOriginIsolated) throw new Error(`${side}: the page is cross-origin isolated; the relay is not what was measured`);
        return results;
      } catch (e) {
        if (!/Execution context was destroyed|navigation/i.test(e.message)) throw e;
      }
    }
  });
}

function report(runs, before) {
  console.log(`\nThe service-worker relay in Chromium ${browser.version()}, a page without cross-origin isolation: ` +
    `worker → main round trips, ${N} calls per loop, medians of ${RUNS} page loads each; ${before} before, ${loadAverage().replace("load average ", "")} after:`);
  console.log("side                                          get µs     call µs   call ÷ floor");
  const m = (side, key) => median(runs[side].map((r) => r[key]));
  const floor = m("execctx", "floor");
  const row = (label, get, call) =>
    console.log(`${label.padEnd(42)} ${get === undefined ? "".padStart(9) : get.toFixed(1).padStart(9)} ${call.toFixed(1).padStart(11)} ${(call / floor).toFixed(2).padStart(14)}`);
  for (const side of SIDES) row(side, m(side, "get"), m(side, "call"));
  row("floor: a GET the service worker answers", undefined, floor);
  const [get, call] = ["get", "call"].map((k) => m("execctx", k) / m("coincident 4.1.1", k));
  console.log(`execctx ÷ coincident: get ${get.toFixed(2)}, call ${call.toFixed(2)} ` +
    "(coincident's worker reads window.document.title, two round trips; execctx's document.title, one)");
  const c = m("coincident 4.1.1", "call");
  recordTarget("sync call through the service-worker relay ÷ coincident's", `${m("execctx", "call").toFixed(1)} µs`, `${c.toFixed(1)} µs`, call.toFixed(2), "≤ 0.5");
}
