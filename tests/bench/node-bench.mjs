// make bench, Node part: execctx's start-up and per-call costs, and a
// worker→main property get and sync call side by side with coincident
// 4.1.1 in the same process. It prints numbers and never judges them.
import { performance } from "node:perf_hooks";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const N = Number(process.env.BENCH_CALLS ?? 20000);
const here = (p) => new URL(p, import.meta.url);
const fmt = (v, unit) => `${v.toFixed(2)} ${unit}`;

// import → ready in a fresh process, several times, alternating: the
// bundle (what `import "execctx"` loads) and the unbundled files it is made of
const entries = { bundle: "../../npm/dist/bundle/index.js", unbundled: "../../npm/dist/index.js" };
const cold = { bundle: [], unbundled: [] };
for (let i = 0; i < 9; i++) {
  for (const [name, entry] of Object.entries(entries)) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e",
      `const t0 = performance.now(); await import(${JSON.stringify(here(entry).href)}); console.log(performance.now() - t0);`]);
    cold[name].push(Number(out));
  }
}
const execctx = await import("../../npm/dist/bundle/index.js");
const warm = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  await execctx.createContext();
  warm.push(performance.now() - t0);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, times] of Object.entries(cold)) {
  console.log(`import → ready, Node, new process, ${name} (median of ${times.length}): ${fmt(median(times), "ms")}`);
}
console.log(`createContext with the compiled module reused (median of ${warm.length}): ${fmt(median(warm), "ms")}`);

let sink = 0;
const t0 = performance.now();
for (let i = 0; i < 1e6; i++) sink += execctx.config.type.length + (execctx.RUNNING_IN_WORKER ? 1 : 0);
console.log(`reading config and RUNNING_IN_WORKER: ${fmt(((performance.now() - t0) * 1e6) / 1e6, "ns")} per pair (checksum ${sink})`);

// side by side: a fake document on main, so both proxies have a title to read
globalThis.document = { title: "benchmark" };
const ours = execctx.PyWorker(here("./execctx-worker.mjs"), { type: "module" });
ours.sync.add = (a, b) => a + b;
await ours.ready;
const e = await ours.sync.run(N);

await import("./web-worker-shim.mjs");
const { default: coincident } = await import("coincident/window/main");
const { Worker } = coincident();
const peer = new Worker(here("./coincident-worker.mjs"), { type: "module" });
peer.proxy.add = (a, b) => a + b;
const c = await until(() => peer.proxy.run(N));

console.log(`\nworker → main, ${N} calls each, Node ${process.version} worker_threads:`);
console.log("operation                       execctx      coincident 4.1.1   execctx/coincident");
for (const [label, a, b] of [["document.title get", e.get, c.get], ["sync call add(i, 1)", e.call, c.call]]) {
  console.log(`${label.padEnd(30)} ${fmt(a, "µs").padStart(10)} ${fmt(b, "µs").padStart(16)} ${(a / b).toFixed(2).padStart(16)}`);
}
await ours.terminate();
await peer.terminate();
process.exit(0);

// coincident's worker registers run after its own start-up; retry until it has.
async function until(fn) {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i > 100) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
