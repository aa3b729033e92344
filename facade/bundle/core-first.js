// What the bundle's index.js runs first, on a line of its own, before it
// loads shared.js (tools/bundle.mjs, startCoreFirst, puts it there and
// defines CORE, the core module's path from the bundle's folder).
//
// On a page's main thread, the core's download then starts one request
// deep from the page's script, beside shared.js's, instead of after
// shared.js has arrived and run: over a 40 ms round trip that is a round
// trip and shared.js's transfer sooner (docs/benchmarks-history.md, run E). Workers get
// main's compiled modules and fetch nothing; Node and Deno read files.
// facade/src/component.js takes the response by the same symbol's key.
(() => {
  const url = new URL(CORE, import.meta.url);
  if (typeof document === "undefined" || !url.protocol.startsWith("http")) return;
  const response = fetch(url);
  response.catch(() => {}); // component.js awaits it and reports a failure as its own fetch would
  globalThis[Symbol.for("execctx.coreDownload")] = { href: url.href, response };
})();
