// The execctx side of the benchmark. It imports the package that started
// it (self.execctx.url), so that the driver can also run an earlier build
// beside the current one, and reports what its spin before blocking cost.
import { loops, spinSince } from "../browser/pages/bench/loops.js";

const { document, sync } = await import(globalThis.execctx.url);
const channel = globalThis[Symbol.for("execctx.worker")].channel;

sync.run = (n) => {
  const before = channel.spinStats?.();
  const result = loops(n, () => document.title, (a, b) => sync.add(a, b));
  return { ...result, spin: before && spinSince(before, channel.spinStats()) };
};
