// execctx/auto beside PyScript 0.7.31 on the same PyScript page (one
// MicroPython script, tests/browser/pages/bench/auto-*.html): navigation
// → the script's first line, in a fresh browser context each time (a
// first visit), RUNS times per side, alternating, in each engine of
// BENCH_ENGINES. Both load the same MicroPython file from beside execctx;
// execctx's bundle is served brotli (make precompressed), PyScript's
// dist and MicroPython as they are. It prints numbers and never judges
// them.
//
//   node tests/bench/auto-bench.mjs
import { loadavg } from "node:os";
import { join } from "node:path";
import { root, startServer } from "../browser/harness.mjs";
import { BENCH_ENGINES, NAMES, launch } from "../browser/engines.mjs";
import { gotoReady } from "./ready.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIDES = { "execctx/auto": "auto-execctx.html", "PyScript 0.7.31": "auto-pyscript.html" };

const server = await startServer(["-mount", `/pyscript/=${join(root, "tests/node_modules/@pyscript/core/dist")}`]);
try {
  for (const engine of BENCH_ENGINES) {
    const browser = await launch(engine);
    try {
      const before = loads();
      const results = await measure(browser);
      report(engine, await browser.version(), results, before);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}

async function measure(browser) {
  const results = Object.fromEntries(Object.keys(SIDES).map((s) => [s, []]));
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? Object.keys(SIDES).reverse() : Object.keys(SIDES);
    for (const side of order) results[side].push(await visit(browser, side));
  }
  return results;
}

/** visit loads side's page in a fresh context and returns ms from navigation to its first line of Python. */
function visit(browser, side) {
  return browser.withPage({}, async (page) => {
    const errors = [];
    page.onPageError((message) => errors.push(message));
    page.onRequest((url) => url.startsWith(`${server.base}/`) || errors.push(`fetched from beyond localhost: ${url}`));
    const ready = await gotoReady(page, `${server.base}/coi/tests/bench/${SIDES[side]}`, { read: () => window.pyReady });
    if (errors.length) throw new Error(`${side}: ${errors.join("\n")}`);
    return ready;
  });
}

function loads() {
  return loadavg().map((x) => x.toFixed(2)).join(", ");
}

function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function report(engine, version, results, before) {
  const [a, b] = Object.keys(SIDES);
  const [x, y] = [a, b].map((s) => median(results[s]));
  console.log(`${NAMES[engine]} ${version}: a PyScript page, navigation → its first line of MicroPython, first visits, ` +
    `${RUNS} per side (alternating), medians; load average ${before} before, ${loads()} after:`);
  console.log(`${a}: ${x.toFixed(1)} ms (${results[a].map((r) => r.toFixed(0)).join(", ")})`);
  console.log(`${b}: ${y.toFixed(1)} ms (${results[b].map((r) => r.toFixed(0)).join(", ")})`);
  console.log(`ratio ${a} / ${b}: ${(x / y).toFixed(2)}`);
}
