// Issue 10's target table, filled by the benchmarks of one `make bench`
// run. Each benchmark records its rows with recordTarget (appended, one
// JSON line each, to $EXECCTX_BENCH_TARGETS); run as a script, this file
// prints them with the Go benchmark rows of the same run (parsed from
// the file named by its argument), each beside its target and the load
// average at the time it was measured. It prints and never judges.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const file = process.env.EXECCTX_BENCH_TARGETS;

/**
 * recordTarget notes one row: the metric, what execctx measured, what the
 * peer measured (or "" where the row has none), the value compared with
 * the target (a ratio, or the measurement itself), the target, and the
 * floor measured in the same run where the row has one (what the
 * simplest thing that does the same work costs: a trivial Go module, a
 * bare transport).
 */
export function recordTarget(metric, execctx, peer, value, target, floor = "") {
  if (!file) return;
  const load = loadavg()[0].toFixed(2);
  appendFileSync(file, JSON.stringify({ metric, execctx, peer, value, target, floor, load }) + "\n");
}

// Go's benchmark lines: "BenchmarkInstantiate-2   624   4232358 ns/op",
// each row with its floor's benchmark (tests/bench/gofloor).
const goRows = [
  ["BenchmarkInstantiate", "wazero: NewContext + Close", "≤ 3 ms", "BenchmarkTrivialInstantiate"],
  ["BenchmarkCompileCached", "wazero: compile from the on-disk cache", "≤ 40 ms", "BenchmarkTrivialCompileCached"],
  ["BenchmarkCompileCold", "wazero: compile, cold", "", "BenchmarkTrivialCompileCold"],
];

function goTargets(path) {
  if (!path || !existsSync(path)) return [];
  const text = readFileSync(path, "utf8");
  const ms = (name) => {
    const m = text.match(new RegExp(`^${name}-\\d+\\s+\\d+\\s+([\\d.]+) ns/op`, "m"));
    return m && `${(Number(m[1]) / 1e6).toFixed(2)} ms`;
  };
  return goRows.flatMap(([name, metric, target, floorName]) => {
    const value = ms(name);
    const floor = ms(floorName);
    if (!value) return [];
    return [{ metric, execctx: value, peer: "", value, target, floor: floor ? `a trivial Go module: ${floor}` : "", load: "(go test)" }];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = file && existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
  rows.push(...goTargets(process.argv[2]));
  console.log("\nIssue 10's targets, this run (value: a ratio to the peer, or the measurement itself):");
  console.log("| metric | execctx | peer | value | target | floor, same run | load average (1 min) |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows) console.log(`| ${r.metric} | ${r.execctx} | ${r.peer} | ${r.value} | ${r.target} | ${r.floor ?? ""} | ${r.load} |`);
}
