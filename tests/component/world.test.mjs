// The component's imports and exports are exactly its world's, WASI
// included: what `wasm-tools component targets` checks, done by
// tools/witcheck.mjs (make check-component) with the pinned jco. Here the
// check is run both ways: on wit/ it passes, and on a copy of wit/ whose
// world leaves out one WASI import it must fail and name that import.
//
//   make test-component
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const component = join(root, "build/execctx.component.wasm");

function witcheck(witDir) {
  try {
    return { ok: true, out: execFileSync(process.execPath, [join(root, "tools/witcheck.mjs"), component, witDir], { encoding: "utf8", stdio: "pipe" }) };
  } catch (e) {
    return { ok: false, out: e.stderr };
  }
}

test("the component has the world of wit/, its 13 WASI imports included", () => {
  const { ok, out } = witcheck(join(root, "wit"));
  assert.ok(ok, out);
  assert.match(out, /the same 19 imports \(13 WASI\) and 1 exports/);
});

test("a world without one of the WASI imports does not pass", () => {
  const dir = mkdtempSync(join(tmpdir(), "world-"));
  try {
    cpSync(join(root, "wit"), dir, { recursive: true });
    const file = join(dir, "context.wit");
    const line = "  import wasi:random/random@0.2.3;\n";
    const text = readFileSync(file, "utf8");
    assert.ok(text.includes(line), "context.wit imports wasi:random/random@0.2.3");
    writeFileSync(file, text.replace(line, ""));
    const { ok, out } = witcheck(dir);
    assert.ok(!ok, "witcheck passed a world that misses an import");
    assert.match(out, /import wasi:random\/random@0\.2\.3 is not in world execctx/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
