// make bench, PyWorker part: time from PyWorker(...) to ready, for
// MicroPython and Pyodide, with execctx and with @pyscript/core 0.7.31 in
// one Chromium run, on cross-origin isolated pages from the Go server. Both
// sides load the same interpreter files (npm/node_modules) and run the same
// worker script; a run fails if anything is fetched from beyond
// localhost. It prints numbers and never judges them.
import { join } from "node:path";
import { root, startServer, launchChromium } from "../browser/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const server = await startServer(["-mount", `/pyscript/=${join(root, "tests/node_modules/@pyscript/core/dist")}`]);
const base = server.base;
const browser = await launchChromium();

const sides = { execctx: "pyworker-execctx", "@pyscript/core": "pyworker-pyscript-core" };
const wasm = { micropython: "/micropython.wasm", pyodide: "/pyodide.asm.wasm" };

// One fresh page (its own context, so no shared cache or workers) per run.
// The context's request event also reports what its workers fetch, which is
// where the interpreters load: a run must show the local interpreter's wasm.
async function once(side, type) {
  const context = await browser.newContext();
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  const log = [];
  page.on("console", (m) => log.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.push(`pageerror: ${e}`));
  try {
    await page.goto(`${base}/coi/tests/bench/${sides[side]}.html?type=${type}`);
    const r = await page.waitForFunction(() => window.results, null, { timeout: 60000 }).then((h) => h.jsonValue(), (e) => ({ error: e.message }));
    if (r.error) throw new Error(`${side} ${type}: ${r.error}\nconsole:\n  ${log.join("\n  ")}`);
    const foreign = requests.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith(`blob:${base}/`));
    if (foreign.length) throw new Error(`${side} ${type} fetched from outside localhost:\n  ${foreign.join("\n  ")}`);
    if (!requests.some((u) => u.startsWith(base) && u.endsWith(wasm[type]))) {
      throw new Error(`${side} ${type}: no request for the local ${wasm[type]} was seen:\n  ${requests.join("\n  ")}`);
    }
    return r;
  } finally {
    await context.close();
  }
}

const version = browser.version();
const started = performance.now();
const results = {};
try {
  for (const type of ["micropython", "pyodide"]) {
    for (const side of Object.keys(sides)) results[`${side} ${type}`] = [];
    // Alternate the sides run by run, so that drift in the machine's load
    // falls on both alike.
    for (let i = 0; i < RUNS; i++) {
      for (const side of Object.keys(sides)) results[`${side} ${type}`].push(await once(side, type));
    }
  }
} finally {
  await browser.close();
  server.stop();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const of = (side, types, key) => median(types.flatMap((t) => results[`${side} ${t}`].map((r) => r[key])));
console.log(`Chromium ${version}, ${RUNS} page loads per side and interpreter, cross-origin isolated, served locally; medians:`);
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
