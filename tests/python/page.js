// Runs the Python suite in this page's contexts and reports to the page:
// a row per case, and window.pythonSuite for the Chromium test. Isolated
// pages run the main thread (M) and a worker with SharedArrayBuffer (W);
// other pages a worker without it (W0), or, with ?relay, a worker whose
// calls block through the service-worker relay (W). ?type=pyodide runs
// Pyodide.
import * as execctx from "../execctx/dist/bundle/index.js";
import { runOnMain, runInWorker } from "./driver.mjs";

const type = new URLSearchParams(location.search).get("type") ?? "micropython";
const prefix = type === "pyodide" ? "py" : "mpy";
const base = new URL("./", location.href).href;

function show(label, results) {
  const table = document.getElementById("results");
  for (const r of results) {
    const row = table.insertRow();
    row.insertCell().textContent = label;
    row.insertCell().textContent = r.ids;
    const verdict = row.insertCell();
    verdict.textContent = r.ok ? "ok" : `FAIL ${r.error}`;
    verdict.className = r.ok ? "ok" : "fail";
  }
}

async function suite() {
  const out = {};
  // pyodide's ids are py-…: name the elements for the interpreter.
  document.getElementById("mpy-w1").id = `${prefix}-w1`;
  if (crossOriginIsolated) {
    const mainScript = document.querySelector('script[type="mpy"]:not([worker])');
    out.M = await runOnMain(execctx, { label: "M", base, type, script: mainScript, output: {} });
    out.W = await runInWorker(execctx, { label: "W", base, type, id: `${prefix}-w1` });
  } else if (new URLSearchParams(location.search).has("relay")) {
    const serviceWorker = new URL("../execctx/dist/service-worker.js", base).href;
    out.W = await runInWorker(execctx, { label: "W", base, type, id: `${prefix}-w1`, serviceWorker });
  } else {
    out.W0 = await runInWorker(execctx, { label: "W0", base, type });
  }
  return out;
}

try {
  const results = await suite();
  for (const [label, r] of Object.entries(results)) show(label, r);
  document.getElementById("status").textContent = "done";
  window.pythonSuite = results;
} catch (e) {
  document.getElementById("status").textContent = `failed: ${e?.stack ?? e}`;
  window.pythonSuite = { error: String(e?.stack ?? e) };
}
