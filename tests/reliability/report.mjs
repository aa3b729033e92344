// The JS side of the reliability table (see internal/reliability):
// a test that held appends its row to $EXECCTX_RELIABILITY_LOG. A test
// that fails never reaches its row, and `make reliability` fails with it.
import { appendFileSync } from "node:fs";

const log = globalThis.process?.env.EXECCTX_RELIABILITY_LOG;
const runtime = typeof globalThis.Deno !== "undefined" ? "deno" : "node";

/** row records that area was tried as tried, and what held, in this runtime. */
export function row(area, tried, held) {
  if (!log) return;
  const clean = (s) => String(s).replace(/[\t\n]/g, " ");
  appendFileSync(log, [`${area} (${runtime})`, tried, held].map(clean).join("\t") + "\n");
}
