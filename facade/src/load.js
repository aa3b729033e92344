// Reading a resource by URL in any realm: file: URLs from disk (Node,
// Deno), anything else with fetch. One place decides how a failure reads.

import { builtin } from "./builtin.js";

/**
 * load returns the body of url as text ("text") or bytes ("bytes"). what
 * names the resource in the error, e.g. "the worker's Python file".
 */
export async function load(url, as, what) {
  const href = String(url);
  if (href.startsWith("file:")) {
    const { readFileSync } = await builtin("node:fs");
    try {
      // readFileSync, not fs/promises: loading fs/promises cost more than
      // it saved, since most of a read is faulting in the fresh 3 MB buffer
      // (about 10 ms on the benchmark machine), on whichever thread reads
      const data = readFileSync(new URL(href));
      // a view, not a copy: nothing else holds data, and copying the 3 MB core
      // cost Node's import → ready about 4 ms
      return as === "text" ? new TextDecoder().decode(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    } catch (e) {
      throw new Error(`execctx: cannot read ${what} ${href}: ${e.message}`, { cause: e });
    }
  }
  const response = await fetch(href);
  if (!response.ok) {
    throw new Error(`execctx: fetching ${what} ${href} failed with ${response.status} ${response.statusText}`.trimEnd());
  }
  return as === "text" ? response.text() : new Uint8Array(await response.arrayBuffer());
}
