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
import { start, browserMain, workerNoSAB } from "./instance.mjs";

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
  const { ctx, title } = await start({ ...browserMain, inWorker: true, mainChannel: true });
  ctx.set(1, "title", { tag: "text", val: "from JS" });
  assert.equal(title.value, "from JS");
  assert.deepEqual(ctx.get(1, "title"), { tag: "text", val: "from JS" });
});
