// make bench, PyWorker part: time from PyWorker(...) to ready, for
// MicroPython and Pyodide, with execctx and with @pyscript/core 0.7.31 in
// one browser run per engine (BENCH_ENGINES, default Chromium and Firefox), on cross-origin isolated pages from the Go server. Both
// sides load the same interpreter files (npm/node_modules) and run the same
// worker script; a run fails if anything is fetched from beyond
// localhost. It prints numbers and never judges them.
import { join } from "node:path";
import { root, startServer } from "../browser/harness.mjs";
import { BENCH_ENGINES, NAMES, launch } from "../browser/engines.mjs";
import { gotoReady } from "./ready.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const server = await startServer(["-mount", `/pyscript/=${join(root, "tests/node_modules/@pyscript/core/dist")}`]);
const base = server.base;
let browser; // the engine being measured

const sides = { execctx: "pyworker-execctx", "@pyscript/core": "pyworker-pyscript-core" };
const wasm = { micropython: "/micropython.wasm", pyodide: "/pyodide.asm.wasm" };

// One fresh page (its own context, so no shared cache or workers) per run.
// The request listener also reports what its workers fetch, which is
// where the interpreters load: a run must show the local interpreter's wasm.
function once(side, type) {
  return browser.withPage({}, async (page) => {
    const requests = [];
    page.onRequest((url) => requests.push(url));
    const log = [];
    page.onConsole((type, text) => log.push(`${type}: ${text}`));
    page.onPageError((message) => log.push(`pageerror: ${message}`));
    const r = await gotoReady(page, `${base}/coi/tests/bench/${sides[side]}.html?type=${type}`, { timeout: 60000 }).catch((e) => ({ error: e.message }));
    if (r.error) throw new Error(`${side} ${type}: ${r.error}\nconsole:\n  ${log.join("\n  ")}`);
    const foreign = requests.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith(`blob:${base}/`));
    if (foreign.length) throw new Error(`${side} ${type} fetched from outside localhost:\n  ${foreign.join("\n  ")}`);
    if (!requests.some((u) => u.startsWith(base) && u.endsWith(wasm[type]))) {
      throw new Error(`${side} ${type}: no request for the local ${wasm[type]} was seen:\n  ${requests.join("\n  ")}`);
    }
    return r;
  });
}

try {
  for (const engine of BENCH_ENGINES) {
    browser = await launch(engine);
    try {
      await measure();
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}

async function measure() {
  const version = await browser.version();
  const started = performance.now();
  const results = {};
  for (const type of ["micropython", "pyodide"]) {
    for (const side of Object.keys(sides)) results[`${side} ${type}`] = [];
    // Alternate the sides run by run, so that drift in the machine's load
    // falls on both alike.
    for (let i = 0; i < RUNS; i++) {
      for (const side of Object.keys(sides)) results[`${side} ${type}`].push(await once(side, type));
    }
  }
  report(results, version, started);
}

function report(results, version, started) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const of = (side, types, key) => median(types.flatMap((t) => results[`${side} ${t}`].map((r) => r[key])));
  console.log(`${NAMES[browser.engine]} ${version}, ${RUNS} page loads per side and interpreter, cross-origin isolated, served locally; medians:`);
  console.log(`${"metric".padEnd(44)}${"execctx".padStart(11)}${"@pyscript/core 0.7.31".padStart(24)}${"ratio".padStart(8)}`);
  for (const [label, types, key] of [
    ["MicroPython: PyWorker(...) → ready", ["micropython"], "ready"],
    ["Pyodide: PyWorker(...) → ready", ["pyodide"], "ready"],
    ["navigation → library loaded (all page loads)", ["micropython", "pyodide"], "libraryReady"],
  ]) {
    const a = of("execctx", types, key);
    const b = of("@pyscript/core", types, key);
    console.log(`${label.padEnd(44)}${`${a.toFixed(1)} ms`.padStart(11)}${`${b.toFixed(1)} ms`.padStart(24)}${(a / b).toFixed(2).padStart(8)}`);
  }
  console.log(`ratio = execctx / @pyscript/core; ${((performance.now() - started) / 1000).toFixed(0)} s for ${4 * RUNS} page loads`);
}
