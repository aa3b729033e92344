// make bench, Node part: execctx's start-up and per-call costs, and a
// worker→main property get and sync call side by side with coincident
// 4.1.1 and the raw transport floor in the same process, with a core free
// and with every core busy. It prints numbers and never judges them.
// BENCH_CALLS, BENCH_LOADED_CALLS and BENCH_ROUNDS size the loops;
// BENCH_ONLY=calls skips the start-up rows; BENCH_BASELINE=<dir holding an
// earlier build's dist/> runs that build beside this one.
import { performance } from "node:perf_hooks";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { Worker as NodeWorker } from "node:worker_threads";
import { loadAverage, withBusyCores, median, spinLine } from "./load.mjs";
import { floorAnswerer } from "../browser/pages/bench/floor-loops.js";
import { recordTarget } from "./targets.mjs";

const N = Number(process.env.BENCH_CALLS ?? 20000);
const N_LOADED = Number(process.env.BENCH_LOADED_CALLS ?? 5000); // calls per loop with every core busy
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const here = (p) => new URL(p, import.meta.url);
const fmt = (v, unit) => `${v.toFixed(2)} ${unit}`;

const execctx = await import("../../npm/dist/bundle/index.js");
if (process.env.BENCH_ONLY !== "calls") await startup();

// side by side: a fake document on main, so both proxies have a title to read
globalThis.document = { title: "benchmark" };
const sides = { execctx: await execctxSide(execctx) };
if (process.env.BENCH_BASELINE) {
  // an earlier build of the package (a directory holding dist/), measured beside this one
  sides["execctx, baseline"] = await execctxSide(await import(pathToFileURL(join(process.env.BENCH_BASELINE, "dist/index.js")).href));
}
sides["coincident 4.1.1"] = await coincidentSide();
const floor = floorSide();

console.log(`\nworker → main round trips, Node ${process.version} worker_threads, medians of ${ROUNDS} rounds (sides alternating):`);
printTable("a core free", N, await rounds(N));
await withBusyCores(async (busy) => printTable(`both cores busy (${busy} busy loops)`, N_LOADED, await rounds(N_LOADED)));
await Promise.all([...Object.values(sides).map((s) => s.stop()), floor.stop()]);
process.exit(0);

/** rounds runs every side's loops ROUNDS times, rotating which goes first; medians per side. */
async function rounds(n) {
  const loadBefore = loadAverage();
  const all = [...Object.entries(sides), ["floor", floor]];
  const got = Object.fromEntries(all.map(([name]) => [name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < all.length; k++) {
      const [name, side] = all[(k + r) % all.length];
      got[name].push(await side.run(n));
    }
  }
  const m = Object.fromEntries(Object.entries(got).map(([name, runs]) => [name, medians(runs)]));
  return { m, load: `${loadBefore} before, ${loadAverage().replace("load average ", "")} after` };
}

/** medians takes each numeric field's median over runs, and keeps the spin statistics. */
function medians(runs) {
  const out = {};
  for (const key of ["get", "call", "spin", "wait"]) {
    if (typeof runs[0][key] === "number") out[key] = median(runs.map((r) => r[key]));
  }
  out.spinStats = runs.map((r) => (typeof r.spin === "object" ? r.spin : undefined));
  return out;
}

function printTable(title, n, { m, load }) {
  const { spin, wait } = m.floor;
  console.log(`\n${title}, ${n} calls per loop; ${load}:`);
  console.log("side                          get µs    call µs   call ÷ floor (spin)   call ÷ floor (wait)");
  const row = (label, get, call) =>
    console.log(`${label.padEnd(28)} ${get === undefined ? "".padStart(8) : get.toFixed(2).padStart(8)} ${call.toFixed(2).padStart(10)} ` +
      `${(call / spin).toFixed(2).padStart(21)} ${(call / wait).toFixed(2).padStart(21)}`);
  for (const [name, r] of Object.entries(m)) if (name !== "floor") row(name, r.get, r.call);
  row("floor: worker spins", undefined, spin);
  row("floor: worker in Atomics.wait", undefined, wait);
  const e = m.execctx, c = m["coincident 4.1.1"], b = m["execctx, baseline"];
  console.log(`execctx ÷ coincident: get ${(e.get / c.get).toFixed(2)}, call ${(e.call / c.call).toFixed(2)}` +
    (b ? `; execctx ÷ baseline: get ${(e.get / b.get).toFixed(2)}, call ${(e.call / b.call).toFixed(2)}` : ""));
  console.log(spinLine(e.spinStats));
}

/** execctxSide starts the benchmark worker with the package pkg. */
async function execctxSide(pkg) {
  const w = pkg.PyWorker(here("./execctx-worker.mjs"), { type: "module" });
  w.sync.add = (a, b) => a + b;
  await w.ready;
  return { run: (n) => w.sync.run(n), stop: () => w.terminate() };
}

// coincident 4.1.1 in Node now and then reads main's document.title as
// undefined after some 200,000 calls in one worker; such a run is retried
// once on a new worker, and says so.
async function coincidentSide() {
  await import("./web-worker-shim.mjs");
  const { default: coincident } = await import("coincident/window/main");
  const { Worker } = coincident();
  const start = async () => {
    const w = new Worker(here("./coincident-worker.mjs"), { type: "module" });
    w.proxy.add = (a, b) => a + b;
    await until(() => w.proxy.run(1));
    return w;
  };
  let peer = await start();
  return {
    run: async (n) => {
      try {
        return await peer.proxy.run(n);
      } catch (e) {
        console.log(`(coincident's run failed: ${e.message}; retried on a new worker)`);
        await peer.terminate();
        peer = await start();
        return peer.proxy.run(n);
      }
    },
    stop: () => peer.terminate(),
  };
}

/** floorSide is the bare transport (floor-loops.js) over a worker_threads worker. */
function floorSide() {
  const worker = new NodeWorker(here("./floor-worker.mjs"));
  const sab = new SharedArrayBuffer(8);
  const answer = floorAnswerer(sab);
  let settle;
  worker.on("message", (m) => (typeof m === "number" ? answer(m) : settle(m.result)));
  return {
    run: (n) => new Promise((resolve) => {
      settle = resolve;
      worker.postMessage({ sab, n });
    }),
    stop: () => worker.terminate(),
  };
}

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

/**
 * goStart is a script that starts the Go module at url the plainest way
 * Node can: read, compile, instantiate with node:wasi, _initialize. Its
 * imports that are not WASI's (execctx's core has the component's) are
 * stubs that throw, so a module whose start-up needed them fails the
 * benchmark instead of passing for a floor.
 */
function goStart(url) {
  if (!existsSync(url)) throw new Error(`node-bench: ${url.pathname} is missing: build it with make bench`);
  return `const { WASI } = await import("node:wasi");
    const { readFile } = await import("node:fs/promises");
    const wasi = new WASI({ version: "preview1" });
    const module = await WebAssembly.compile(await readFile(new URL(${JSON.stringify(url.href)})));
    const imports = wasi.getImportObject();
    for (const { module: m, name, kind } of WebAssembly.Module.imports(module)) {
      if (kind === "function") (imports[m] ??= {})[name] ??= () => { throw new Error(m + "." + name + " is a stub"); };
    }
    wasi.initialize(await WebAssembly.instantiate(module, imports));`;
}

/** startup prints import → ready in new processes, createContext, and reading config. */
async function startup() {
  // import → ready in a fresh process, several times, alternating: the
  // bundle (what `import "execctx"` loads) and the unbundled files it is made
  // of; and the floors, a trivial Go module (tests/bench/gofloor/trivial)
  // and execctx's core module alone, each compiled, instantiated and
  // initialised with Node's own WASI
  const importing = (entry) => `await import(${JSON.stringify(here(entry).href)});`;
  const scripts = {
    bundle: importing("../../npm/dist/bundle/index.js"),
    unbundled: importing("../../npm/dist/index.js"),
    "trivial Go module (the floor)": goStart(here("../../build/bench/trivial.wasm")),
    "execctx's core alone (a floor)": goStart(here("../../npm/dist/component/execctx.core.wasm")),
  };
  const cold = Object.fromEntries(Object.keys(scripts).map((name) => [name, []]));
  for (let i = 0; i < 9; i++) {
    for (const [name, script] of Object.entries(scripts)) {
      const out = execFileSync(process.execPath, ["--no-warnings", "--input-type=module", "-e",
        `const t0 = performance.now(); ${script} console.log(performance.now() - t0);`]);
      cold[name].push(Number(out));
    }
  }
  const warm = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await execctx.createContext();
    warm.push(performance.now() - t0);
  }
  for (const [name, times] of Object.entries(cold)) {
    console.log(`import → ready, Node, new process, ${name} (median of ${times.length}): ${fmt(median(times), "ms")}; ${loadAverage()}`);
  }
  const floor = median(cold["trivial Go module (the floor)"]);
  const core = median(cold["execctx's core alone (a floor)"]);
  recordTarget("Node: import \"execctx\" → ready, new process", fmt(median(cold.bundle), "ms"), "", fmt(median(cold.bundle), "ms"), "≤ 80 ms",
    `a trivial Go module: ${fmt(floor, "ms")}; execctx's core alone: ${fmt(core, "ms")}`);
  console.log(`createContext with the compiled module reused (median of ${warm.length}): ${fmt(median(warm), "ms")}`);

  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < 1e6; i++) sink += execctx.config.type.length + (execctx.RUNNING_IN_WORKER ? 1 : 0);
  console.log(`reading config and RUNNING_IN_WORKER: ${fmt(((performance.now() - t0) * 1e6) / 1e6, "ns")} per pair (checksum ${sink})`);
}
