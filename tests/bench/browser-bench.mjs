// make bench, Chromium part: execctx and coincident 4.1.1 in one browser
// run, on cross-origin isolated pages from the Go server: time from
// navigation to a ready context on main and in a worker, worker → main
// round trips, and what each page downloads before its main side is
// ready. Page loads alternate between the two so that a slow moment of the
// machine hits both. It prints numbers and never judges them.
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { root, startServer, launchChromium, withPage } from "../browser/harness.mjs";

const N = Number(process.env.BENCH_CALLS ?? 10000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIDES = ["execctx", "coincident"];

const server = await startServer(["-mount", `/coincident/=${join(root, "tests/node_modules/coincident/dist")}`]);
let browser;
try {
  browser = await launchChromium();
  const runs = await measure();
  report(runs);
  for (const side of SIDES) console.log(await bytesBefore(side, runs[side][0].resources));
} finally {
  try {
    await browser?.close();
  } finally {
    server.stop();
  }
}

/** measure loads each side's page RUNS times, alternating which goes first. */
async function measure() {
  const runs = Object.fromEntries(SIDES.map((s) => [s, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const side of i % 2 ? [...SIDES].reverse() : SIDES) runs[side].push(await load(side));
  }
  return runs;
}

function load(side) {
  return withPage(browser, {}, async (page) => {
    await page.goto(`${server.base}/coi/tests/bench/${side}.html?n=${N}`);
    return page.waitForFunction(() => window.results, null, { timeout: 60000 }).then((h) => h.jsonValue());
  });
}

function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function report(runs) {
  console.log(`Chromium ${browser.version()}, ${RUNS} page loads each (alternating), ${N} calls per loop, medians:`);
  console.log("metric                                  execctx    coincident 4.1.1   execctx/coincident");
  for (const [label, key, unit] of [
    ["navigation → main context ready", "mainReady", "ms"],
    ["navigation → worker context ready", "workerReady", "ms"],
    ["worker → main document.title get", "get", "µs"],
    ["worker → main sync call", "call", "µs"],
  ]) {
    const [a, b] = SIDES.map((s) => median(runs[s].map((r) => r[key])));
    console.log(`${label.padEnd(38)} ${`${a.toFixed(1)} ${unit}`.padStart(10)} ${`${b.toFixed(1)} ${unit}`.padStart(18)} ${(a / b).toFixed(2).padStart(18)}`);
  }
}

/**
 * bytesBefore sums what a page fetched before its main side was ready.
 * examples/server sends everything uncompressed, so the gzip and brotli
 * sizes are computed here, offline, from the raw bytes: what a server
 * compressing at those levels would send, not what was sent.
 */
async function bytesBefore(side, resources) {
  let raw = 0, gz = 0, br = 0;
  const urls = new Set([`${server.base}/coi/tests/bench/${side}.html`, ...resources]);
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
    br += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return `${side} page, bytes fetched before its main side is ready (${urls.size} requests): ${raw} raw as served; ` +
    `compressed offline, not served: ${gz} gzip -9, ${br} brotli -11`;
}
