// make bench, Chromium part: execctx and coincident 4.1.1 in one browser
// run, on cross-origin isolated pages from the Go server: time from
// navigation to a ready context on main and in a worker, worker → main
// round trips, and what the page downloads before it is ready. It prints
// numbers and never judges them.
import { spawn, execFileSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";

const N = Number(process.env.BENCH_CALLS ?? 10000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(await mkdtemp(join(tmpdir(), "execctx-server-")), "server");
execFileSync("go", ["build", "-o", bin, "./examples/server"], { cwd: root });
const server = spawn(bin, ["-addr", "127.0.0.1:0", "-root", root, "-mount", `/coincident/=${join(root, "tests/node_modules/coincident/dist")}`], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve) => server.stdout.once("data", (l) => resolve(String(l).match(/http:\/\/[^/]+/)[0])));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
});

async function measure(name) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    await page.goto(`${base}/coi/tests/bench/${name}.html?n=${N}`);
    runs.push(await page.waitForFunction(() => window.results, null, { timeout: 60000 }).then((h) => h.jsonValue()));
    await page.close();
  }
  return runs;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = await measure("execctx");
const peer = await measure("coincident");

console.log(`Chromium ${browser.version()}, ${RUNS} page loads each, ${N} calls per loop, medians:`);
console.log("metric                                  execctx    coincident 4.1.1   execctx/coincident");
for (const [label, key, unit] of [
  ["navigation → main context ready", "mainReady", "ms"],
  ["navigation → worker context ready", "workerReady", "ms"],
  ["worker → main document.title get", "get", "µs"],
  ["worker → main sync call", "call", "µs"],
]) {
  const a = median(ours.map((r) => r[key]));
  const b = median(peer.map((r) => r[key]));
  console.log(`${label.padEnd(38)} ${`${a.toFixed(1)} ${unit}`.padStart(10)} ${`${b.toFixed(1)} ${unit}`.padStart(18)} ${(a / b).toFixed(2).padStart(18)}`);
}

// What the execctx page fetched before its context was ready, compressed
// as a server could serve it (examples/server serves it uncompressed).
let raw = 0, gz = 0, br = 0;
for (const url of new Set([`${base}/coi/tests/bench/execctx.html`, ...ours[0].resources])) {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  raw += body.length;
  gz += gzipSync(body, { level: 9 }).length;
  br += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
console.log(`\nexecctx page, bytes before the main context is ready: ${raw} raw, ${gz} gzip -9, ${br} brotli -11 (${ours[0].resources.length + 1} requests)`);

await browser.close();
server.kill();
