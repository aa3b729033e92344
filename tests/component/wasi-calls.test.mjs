// Which WASI functions the guest really calls, out of the 13 interfaces
// the world imports (docs/boundary.md, "What a host must supply"). The
// component runs on preview2-shim's WASI with no preopened directory, no
// environment and no arguments, every function and resource method traced.
// A guest that starts calling something else fails here, and the list in
// docs/boundary.md must change with it.
//
//   make test-component
import { test } from "node:test";
import assert from "node:assert/strict";
import { WASIShim } from "../../tools/node_modules/@bytecodealliance/preview2-shim/lib/common/instantiation.js";
import { start, browserMain, workerNoSAB } from "./instance.mjs";

const calls = new Map(); // "wasi:cli/stdout#get-stdout" or "[method]output-stream.write" → count
const patched = new Set();

const kebab = (name) => name.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
const count = (name) => calls.set(name, (calls.get(name) ?? 0) + 1);

// traced is a WASI import object whose functions count their calls, and
// whose resource classes count their methods' (patched in place: the
// instances the shim makes must stay instances of the classes jco checks).
function traced() {
  const shim = new WASIShim({ sandbox: { preopens: {}, env: {}, args: [] } });
  const wasi = { ...shim.getImportObject(), ...shim.getImportObject({ asVersion: "0.2.3" }) };
  const out = {};
  for (const [iface, impl] of Object.entries(wasi)) {
    out[iface] = {};
    for (const [name, v] of Object.entries(impl)) {
      out[iface][name] = v;
      if (typeof v !== "function") continue;
      if (/^[A-Z]/.test(name)) {
        traceMethods(v);
        continue;
      }
      const key = `${iface.replace(/@.*/, "")}#${kebab(name)}`;
      out[iface][name] = (...args) => (count(key), v(...args));
    }
  }
  return out;
}

function traceMethods(cls) {
  if (patched.has(cls)) return;
  patched.add(cls);
  const resource = kebab(cls.name).slice(1);
  for (const m of Object.getOwnPropertyNames(cls.prototype)) {
    const f = cls.prototype[m];
    if (m === "constructor" || typeof f !== "function") continue;
    cls.prototype[m] = function (...args) {
      count(`[method]${resource}.${kebab(m)}`);
      return f.apply(this, args);
    };
  }
}

function delta(before) {
  return [...calls].filter(([k, n]) => n > (before.get(k) ?? 0)).map(([k]) => k).sort();
}

// What the WASI adapter and Go's start-up call once per instance: the
// arguments and environment (none), a random seed and the monotonic
// clock. (The stdio handles, whether they are terminals, the wall clock
// and the preopened directories went with Go's os and time packages,
// which the guest no longer imports.)
const STARTUP = [
  "wasi:cli/environment#get-arguments",
  "wasi:cli/environment#get-environment",
  "wasi:clocks/monotonic-clock#now",
  "wasi:random/random#get-random-bytes",
];

test("start-up: the adapter's and Go runtime's WASI calls", async () => {
  const before = new Map(calls);
  await start(browserMain, [], { wrapWasi: traced });
  assert.deepEqual(delta(before), STARTUP);
});

test("the context's own work calls no WASI", async () => {
  const { ctx } = await start(browserMain, [{ origin: "tag", text: "name = \"demo\"", format: "toml" }], { wrapWasi: traced });
  const w = await start(workerNoSAB, [], { wrapWasi: traced });
  const before = new Map(calls);
  ctx.config();
  ctx.window();
  ctx.runningInWorker();
  ctx.set(1, "title", { tag: "text", val: "t" });
  ctx.get(1, "title");
  assert.throws(() => ctx.pyWorker("w.py", "{\"type\": \"bogus\"}"));
  w.ctx.window(); // a warning, through the execctx host
  assert.throws(() => w.ctx.get(1, "title"));
  assert.deepEqual(delta(before), []);
});

test("Go's garbage collector reads the clocks", async () => {
  const big = `x = "${"y".repeat(900_000)}"`;
  const { ctx } = await start(browserMain, [{ origin: "tag", text: big, format: "toml" }], { wrapWasi: traced });
  const before = new Map(calls);
  for (let i = 0; i < 30; i++) ctx.config(); // 27 MB of garbage: collections
  assert.deepEqual(delta(before), ["wasi:clocks/monotonic-clock#now", "wasi:clocks/wall-clock#now"]);
});
