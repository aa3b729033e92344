// make bench, browser part: how a page loads execctx, cold (a new browser
// context per load), from its bundle, from the bundle with the README's
// preload tags, and from the unbundled files the bundle is made of; over
// loopback in each engine of BENCH_ENGINES (default Chromium and Firefox),
// and in Chromium also throttled to 20 Mbit/s with 40 ms RTT (the DevTools
// protocol's network emulation, which Firefox's WebDriver BiDi lacks),
// served brotli by examples/server. Loads alternate between the pages. It
// prints numbers and never judges them.
import { loadavg } from "node:os";
import { startServer } from "../browser/harness.mjs";
import { BENCH_ENGINES, NAMES, launch } from "../browser/engines.mjs";
import { gotoReady } from "./ready.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = { bundle: "load-bundle", "bundle + preloads": "load-preload", unbundled: "load-unbundled" };
const THROTTLED = { offline: false, latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 20e6 / 8 };

const server = await startServer();
let browser; // the engine being measured
try {
  for (const engine of BENCH_ENGINES) {
    browser = await launch(engine);
    try {
      for (const network of engine === "chromium" ? [null, THROTTLED] : [null]) await report(network, await measure(network));
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}

/** measure loads each page RUNS times, alternating which goes first. */
async function measure(network) {
  const runs = Object.fromEntries(Object.keys(PAGES).map((p) => [p, []]));
  const names = Object.keys(PAGES);
  for (let i = 0; i < RUNS; i++) {
    for (const name of i % 2 ? [...names].reverse() : names) runs[name].push(await load(PAGES[name], network));
  }
  return runs;
}

function load(page, network) {
  return browser.withPage({}, async (p) => {
    if (network) await p.throttle(network);
    return gotoReady(p, `${server.base}/coi/tests/bench/${page}.html`);
  });
}

function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

async function report(network, runs) {
  const where = network ? "throttled to 20 Mbit/s, 40 ms RTT" : "over loopback";
  console.log(`${NAMES[browser.engine]} ${await browser.version()}, loading execctx ${where}, cold, ${RUNS} loads each (alternating), medians, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}:`);
  console.log("page                 navigation → main ready   new worker → ready   requests before ready   bytes before ready (as served)");
  for (const [name, rs] of Object.entries(runs)) {
    const { fetched } = rs[0];
    console.log(`${name.padEnd(20)} ${`${median(rs.map((r) => r.mainReady)).toFixed(1)} ms`.padStart(24)} ${`${median(rs.map((r) => r.workerReady)).toFixed(1)} ms`.padStart(20)} ${String(fetched.length).padStart(23)} ${String(fetched.reduce((a, b) => a + b, 0)).padStart(32)}`);
  }
}
