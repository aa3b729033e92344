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

// The relay's floor (relay-bench.mjs): n synchronous GETs that the
// service worker answers at once (its ping), in µs per round trip; null
// for a worker without the relay.
sync.relayFloor = (n) => {
  const relay = self[Symbol.for("execctx.worker")].init.relay;
  if (!relay) return null;
  const url = new URL(relay.url);
  url.searchParams.set("execctx-relay", relay.key);
  const get = () => {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", `${url.href}&ping`, false);
    xhr.send();
  };
  for (let i = 0; i < Math.min(1000, n); i++) get();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) get();
  return ((performance.now() - t0) * 1000) / n;
};
