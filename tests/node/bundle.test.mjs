// The package's bundle (npm/dist/bundle, what `import "execctx"` gives in
// every runtime) in Node and Deno: a context, and a worker started on the
// bundle's own worker entry that uses main's compiled modules. The other
// suites here import the unbundled files it is made of.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

const BUNDLE = new URL("../../npm/dist/bundle/index.js", import.meta.url).href;
const { config, PyWorker, RUNNING_IN_WORKER } = await import(BUNDLE);
const started = [];
after(() => Promise.all(started.map((w) => w.terminate())));

test("the bundle makes the realm's context", () => {
  assert.equal(RUNNING_IN_WORKER, false);
  assert.deepEqual(config, { type: "py" });
});

test("a worker started from the bundle runs it, with main's compiled component, and calls main synchronously", async () => {
  const w = PyWorker(new URL("./fixtures/bundle-worker.mjs", import.meta.url), { type: "module" });
  started.push(w);
  w.sync.add = (a, b) => a + b;
  await w.ready;
  assert.deepEqual(await w.sync.started(), { by: BUNDLE, inWorker: true, compiles: 0, sum: 42 });
});

// tools/bundle.mjs puts the core's early start on a line of its own above
// esbuild's code (facade/bundle/core-first.js), so the source map must
// skip that line: the createContext call still maps to facade's index.js.
test("the bundle's index.js source map points past its first line at the facade's source", async () => {
  const mapURL = new URL("../../npm/dist/bundle/index.js.map", import.meta.url);
  const code = await readFile(new URL("index.js", mapURL), "utf8");
  const map = JSON.parse(await readFile(mapURL, "utf8"));
  const source = await readFile(new URL(map.sources[0], mapURL), "utf8");
  const lines = mappingLines(map.mappings);
  assert.deepEqual(lines[0], [], "the early-start line maps to nothing");
  const generated = code.split("\n")[1];
  const col = generated.indexOf("await ");
  assert.ok(col > 0, "the second line creates the context");
  const segment = lines[1].findLast((s) => s.col <= col);
  const wanted = source.split("\n").findIndex((l) => l.includes("await createContext()"));
  assert.equal(segment.srcLine, wanted, `index.js:2:${col} maps to ${map.sources[0]}:${segment.srcLine + 1}, not to line ${wanted + 1}`);
});

/** mappingLines decodes a source map's mappings: per generated line, its segments' { col, srcLine }. */
function mappingLines(mappings) {
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let srcLine = 0;
  return mappings.split(";").map((line) => {
    let col = 0;
    return line ? line.split(",").map((seg) => {
      const fields = [];
      let value = 0, shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      col += fields[0];
      if (fields.length > 2) srcLine += fields[2];
      return { col, srcLine };
    }) : [];
  });
}
