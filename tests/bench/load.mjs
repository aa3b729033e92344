// What both benchmark drivers share for the call tables: the machine's
// load average, printed beside each table, and busy loops that keep every
// core busy for the "both cores busy" rows.
import { spawn } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";

/** The 1, 5 and 15 minute load averages, as uptime prints them. */
export const loadAverage = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(", ")}`;

/**
 * withBusyCores runs fn while one busy loop per core (separate Node
 * processes) competes for the CPU, and stops them however fn ends.
 */
export async function withBusyCores(fn) {
  const loops = Array.from({ length: availableParallelism() }, () =>
    spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
  const stop = () => loops.forEach((p) => p.exitCode === null && p.signalCode === null && p.kill());
  process.once("exit", stop); // also when the driver dies of an uncaught error
  try {
    await new Promise((r) => setTimeout(r, 300)); // let them start spinning
    return await fn(loops.length);
  } finally {
    stop();
    process.off("exit", stop);
  }
}

/** The median of xs. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * spinLine describes what the execctx worker's spin before blocking cost,
 * from the Spinner.stats() of each measured loop (spinSince in loops.js).
 */
export function spinLine(list) {
  const runs = list.filter(Boolean);
  if (runs.length === 0) return "execctx worker: no spin statistics (a build without the spinner)";
  const sum = (k) => runs.reduce((t, r) => t + r[k], 0);
  const [calls, spins, hits, spunMs, gaps] = ["calls", "spins", "hits", "spunMs", "gaps"].map(sum);
  const us = (ms) => (ms === undefined ? "?" : (ms * 1000).toFixed(1));
  const last = runs.at(-1);
  return `execctx worker: spun ${((spunMs * 1000) / calls).toFixed(2)} µs per call ` +
    `(${spins} of ${calls} calls spun, ${hits} saw the answer while spinning, ${gaps} descheduled while spinning); ` +
    `round-trip estimates at the end: spinning ${us(last.spinMs)} µs, blocking ${us(last.waitMs)} µs`;
}
