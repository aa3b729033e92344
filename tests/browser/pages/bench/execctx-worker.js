// execctx's worker in the Chromium benchmark. It imports the package that
// started it (self.execctx.url), so that an earlier build can run beside
// the current one, and reports what its spin before blocking cost.
import { loops, spinSince } from "./loops.js";

const { document, sync } = await import(self.execctx.url);
const channel = self[Symbol.for("execctx.worker")].channel;

const readyAt = performance.timeOrigin + performance.now();
sync.readyAt = () => readyAt;
sync.run = (n) => {
  const before = channel.spinStats?.();
  const result = loops(n, () => document.title, (a, b) => sync.add(a, b));
  return { ...result, spin: before && spinSince(before, channel.spinStats()) };
};
