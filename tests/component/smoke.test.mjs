// Smoke test of the componentised build in Node, without the facade: the
// component transpiled by jco into build/js (async instantiation; the
// facade uses its own sync transpile in npm/dist/component) instantiates
// (the WASI adapter's allocations land in the arena that tools/wasmpatch
// exports) and its exports work with plain JS host imports. The facade's
// own tests are tests/node.
//
//   make test-component
import { test } from "node:test";
import assert from "node:assert/strict";
import { WASIShim } from "../../tools/node_modules/@bytecodealliance/preview2-shim/lib/common/instantiation.js";
import { readFile } from "node:fs/promises";

const out = new URL("../../build/js/", import.meta.url);
const { instantiate } = await import(new URL("execctx.js", out));

function hosts(report, sources) {
  const warnings = [];
  const title = { value: "" };
  const ours = {
    environment: {
      describe: () => report,
      configSources: () => sources,
      warn: (message) => warnings.push(message),
    },
    window: {
      get: (target, name) => (target === 1 && name === "title" ? { tag: "text", val: title.value } : { tag: "undefined" }),
      set: (target, name, value) => { if (target === 1 && name === "title") title.value = value.val; },
      call: () => { throw "not a function"; },
      release: () => {},
    },
    document: {
      getElementById: () => undefined, createElement: () => 2, insertAfter: () => {},
      tagName: () => "DIV", elementId: () => "", setElementId: () => {}, currentScript: () => undefined,
    },
    worker: { spawn: () => 7 },
    fetch: { fetchText: () => { throw "offline"; } },
  };
  const imports = { ...new WASIShim().getImportObject(), ...new WASIShim().getImportObject({ asVersion: "0.2.3" }) };
  for (const [name, impl] of Object.entries(ours)) {
    imports[`execctx:context/${name}`] = impl;
    imports[`execctx:context/${name}@0.1.0`] = impl;
  }
  return { imports, warnings, title };
}

async function start(report, sources = []) {
  const h = hosts(report, sources);
  const getCoreModule = async (path) => WebAssembly.compile(await readFile(new URL(path, out)));
  const exports = await instantiate(getCoreModule, h.imports);
  return { ctx: exports.context ?? exports["execctx:context/context@0.1.0"], ...h };
}

const browserMain = { inWorker: false, hasDocument: true, syncUsable: true, runtime: "browser", interpreter: "micropython", baseUrl: "https://x.test/" };
const workerNoSAB = { ...browserMain, inWorker: true, syncUsable: false };

test("main thread: flag, config, access", async () => {
  const { ctx } = await start(browserMain, [{ origin: "tag", text: "name = \"demo\"", format: "toml" }]);
  assert.equal(ctx.runningInWorker(), false);
  assert.deepEqual(JSON.parse(ctx.config()), { name: "demo", type: "mpy" });
  assert.deepEqual(ctx.window(), { tag: "direct" });
  assert.deepEqual(ctx.sync(), { tag: "not-supported", val: { name: "pyscript.sync", message: "pyscript.sync works only when running in a worker" } });
});

test("worker without SharedArrayBuffer: NotSupported, one warning, errors thrown", async () => {
  const { ctx, warnings } = await start(workerNoSAB);
  assert.equal(ctx.runningInWorker(), true);
  assert.equal(ctx.document().tag, "not-supported");
  ctx.window();
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /SharedArrayBuffer support/);
  assert.throws(() => ctx.get(1, "title"), (e) => /SharedArrayBuffer support/.test(e.payload));
});

test("a bad config is an error with its position", async () => {
  const { ctx } = await start(browserMain, [{ origin: "tag", text: "files = [", format: "toml" }]);
  assert.throws(() => ctx.config(), (e) => /^\(PY1000\): Invalid TOML\nline 1, column/.test(e.payload));
});

test("document.title through the component", async () => {
  const { ctx, title } = await start({ ...browserMain, inWorker: true });
  ctx.set(1, "title", { tag: "text", val: "from JS" });
  assert.equal(title.value, "from JS");
  assert.deepEqual(ctx.get(1, "title"), { tag: "text", val: "from JS" });
});
