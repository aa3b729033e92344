// make bench, browser part: execctx and coincident 4.1.1 in one browser
// run per engine of BENCH_ENGINES (default Chromium, then Firefox), on
// cross-origin isolated pages from the Go server: time from
// navigation to a ready context on main and in a worker, worker → main
// round trips (with a core free and with every core busy, beside the raw
// transport floor), and what each page downloads before its main side is
// ready. A new worker's start is shown beside its floors: a bare module
// worker, and a worker that starts execctx's core alone (worker-floor.js).
// Page loads rotate between the sides so that a slow moment of the
// machine hits all of them. Issue 10's target rows are Chromium's. It
// prints numbers and never judges them.
// BENCH_CALLS, BENCH_LOADED_CALLS and BENCH_RUNS size the runs;
// BENCH_BASELINE=<dir holding an earlier build's dist/> runs that build
// beside this one.
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { root, startServer } from "../browser/harness.mjs";
import { BENCH_ENGINES, NAMES, launch } from "../browser/engines.mjs";
import { loadAverage, withBusyCores, median, spinLine } from "./load.mjs";
import { recordTarget } from "./targets.mjs";
import { gotoReady } from "./ready.mjs";

const N = Number(process.env.BENCH_CALLS ?? 10000);
const N_LOADED = Number(process.env.BENCH_LOADED_CALLS ?? 3000); // calls per loop with every core busy
// 11 page loads a side: one worker starts per load, and single starts
// range from 37 to 115 ms, so 5 loads gave the worker row 1.42 to 1.80
// within an hour
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
// Each side's page; BENCH_BASELINE (a directory holding an earlier build's
// dist/) adds that build beside this one.
const BASELINE = "execctx, baseline";
const PAGES = {
  execctx: "execctx.html",
  ...(process.env.BENCH_BASELINE ? { [BASELINE]: "execctx.html?dist=baseline" } : {}),
  coincident: "coincident.html",
  floor: "floor.html",
  // the floors under a new worker's start (worker-floor.js): a bare module
  // worker, and one that instantiates execctx's core alone, compiled by main
  "worker floor: bare": "worker-floor.html",
  "worker floor: core alone": "worker-floor.html?core",
};
const SIDES = Object.keys(PAGES);
const WORKER_FLOOR_SIDES = SIDES.filter((s) => s.startsWith("worker floor: "));
const CALL_SIDES = SIDES.filter((s) => !WORKER_FLOOR_SIDES.includes(s)); // the pages that make calls
const mounts = ["-mount", `/coincident/=${join(root, "tests/node_modules/coincident/dist")}`];
if (process.env.BENCH_BASELINE) mounts.push("-mount", `/baseline/=${process.env.BENCH_BASELINE}`);

const server = await startServer(mounts);
let browser; // the engine being measured
let name; // its name and version, for the tables
try {
  for (const engine of BENCH_ENGINES) {
    browser = await launch(engine);
    try {
      name = `${NAMES[engine]} ${await browser.version()}`;
      await measureEngine();
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}

async function measureEngine() {
  const loadBefore = loadAverage();
  const runs = await measure(N, SIDES);
  report(runs, loadBefore);
  callTable("a core free", N, runs, loadBefore);
  await withBusyCores(async (busy) => {
    const before = loadAverage();
    callTable(`both cores busy (${busy} busy loops)`, N_LOADED, await measure(N_LOADED, CALL_SIDES), before);
  });
  if (browser.engine !== "chromium") return; // the same bytes in every engine
  for (const side of ["execctx", "coincident"]) console.log(await bytesBefore(side, runs[side][0].resources));
}

/** measure loads each of sides' pages RUNS times, rotating which goes first. */
async function measure(n, sides) {
  const runs = Object.fromEntries(sides.map((s) => [s, []]));
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(k + i) % sides.length];
      runs[side].push(await load(side, n));
    }
  }
  return runs;
}

function load(side, n) {
  return browser.withPage({}, async (page) => {
    const [file, query = ""] = PAGES[side].split("?");
    return gotoReady(page, `${server.base}/coi/tests/bench/${file}?n=${n}${query && `&${query}`}`);
  });
}

/** The load average before a table's page loads, and after them. */
function loads(before) {
  return `${before} before, ${loadAverage().replace("load average ", "")} after`;
}

function report(runs, loadBefore) {
  console.log(`${name}, ${RUNS} page loads each (rotating), ${N} calls per loop, medians; ${loads(loadBefore)}:`);
  console.log("metric                                  execctx    coincident 4.1.1   execctx/coincident");
  for (const [label, key, unit] of [
    ["navigation → main context ready", "mainReady", "ms"],
    ["navigation → worker context ready", "workerReady", "ms"],
    ["worker → main document.title get", "get", "µs"],
    ["worker → main sync call", "call", "µs"],
  ]) {
    const [a, b] = ["execctx", "coincident"].map((s) => median(runs[s].map((r) => r[key])));
    console.log(`${label.padEnd(38)} ${`${a.toFixed(1)} ${unit}`.padStart(10)} ${`${b.toFixed(1)} ${unit}`.padStart(18)} ${(a / b).toFixed(2).padStart(18)}`);
  }
  // Each page starts its worker as soon as its main side is ready.
  const [a, b] = ["execctx", "coincident"].map((s) => median(runs[s].map((r) => r.workerReady - r.mainReady)));
  console.log(`${"new worker → its context usable".padEnd(38)} ${`${a.toFixed(1)} ms`.padStart(10)} ${`${b.toFixed(1)} ms`.padStart(18)} ${(a / b).toFixed(2).padStart(18)}`);
  if (runs[BASELINE]) besidePeer(BASELINE, median(runs[BASELINE].map((r) => r.workerReady - r.mainReady)), b);
  const floors = workerFloors(runs, b);
  if (browser.engine === "chromium") recordTarget("worker context usable ÷ coincident's", `${a.toFixed(1)} ms`, `${b.toFixed(1)} ms`, (a / b).toFixed(2), "≤ 1.5", floors);
}

/**
 * workerFloors prints each worker floor's start beside coincident's
 * (peer, ms) and returns them as the target row's floor text. A floor
 * whose worker did not start its module fails the benchmark: it would
 * not be a floor.
 */
function workerFloors(runs, peer) {
  const text = [];
  for (const side of WORKER_FLOOR_SIDES) {
    if (!runs[side].every((r) => r.started)) throw new Error(`${side}: the worker did not start its module`);
    const ms = median(runs[side].map((r) => r.workerReady - r.mainReady));
    besidePeer(side, ms, peer);
    text.push(`${side.replace("worker floor: ", "")}: ${ms.toFixed(1)} ms, ${(ms / peer).toFixed(2)} of the peer's`);
  }
  return text.join("; ");
}

/** besidePeer prints side's new-worker start (ms) as a row under execctx's, with its ratio to the peer's. */
function besidePeer(side, ms, peer) {
  console.log(`${`  ${side}`.padEnd(38)} ${`${ms.toFixed(1)} ms`.padStart(10)} ${"".padStart(18)} ${(ms / peer).toFixed(2).padStart(18)}`);
}

/** callTable prints each side's worker → main calls as multiples of the floor measured in the same loads. */
function callTable(title, n, runs, loadBefore) {
  const m = (side, key) => median(runs[side].map((r) => r[key]));
  const spin = m("floor", "spin");
  const wait = m("floor", "wait");
  console.log(`\nworker → main round trips in ${name}, ${title}, ${n} calls per loop, medians of ${RUNS} page loads; ${loads(loadBefore)}:`);
  console.log("side                          get µs    call µs   call ÷ floor (spin)   call ÷ floor (wait)");
  const row = (label, get, call) =>
    console.log(`${label.padEnd(28)} ${get === undefined ? "".padStart(8) : get.toFixed(1).padStart(8)} ${call.toFixed(1).padStart(10)} ` +
      `${(call / spin).toFixed(2).padStart(21)} ${(call / wait).toFixed(2).padStart(21)}`);
  for (const side of CALL_SIDES.filter((s) => s !== "floor")) row(side === "coincident" ? "coincident 4.1.1" : side, m(side, "get"), m(side, "call"));
  row("floor: worker spins", undefined, spin);
  row("floor: worker in Atomics.wait", undefined, wait);
  const ratio = (a, b, key) => (m(a, key) / m(b, key)).toFixed(2);
  console.log(`execctx ÷ coincident: get ${ratio("execctx", "coincident", "get")}, call ${ratio("execctx", "coincident", "call")}` +
    (runs[BASELINE] ? `; execctx ÷ baseline: get ${ratio("execctx", BASELINE, "get")}, call ${ratio("execctx", BASELINE, "call")}` : ""));
  console.log(spinLine(runs.execctx.map((r) => r.spin)));
  const call = m("execctx", "call");
  if (browser.engine !== "chromium") return;
  if (title.startsWith("a core free")) {
    recordTarget("sync call ÷ the raw transport floor (worker spinning), a core free", `${call.toFixed(1)} µs`, `${spin.toFixed(1)} µs`, (call / spin).toFixed(2), "≤ 1.5");
  } else {
    const c = m("coincident", "call");
    recordTarget("sync call ÷ coincident's, both cores busy", `${call.toFixed(1)} µs`, `${c.toFixed(1)} µs`, (call / c).toFixed(2), "stays ≤ 0.6");
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
