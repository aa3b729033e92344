// Two tabs of one browser profile share the relay's service worker: each
// runs a relayed worker whose calls main answers with the tab's own id,
// at the same time, and each must get only its own answers. The first
// tab opens the second (?second) and reads its results.
const SW = "../execctx/dist/service-worker.js";
const second = new URLSearchParams(location.search).has("second");
const tab = second ? "second" : "first";
const N = 500;

async function run() {
  const { PyWorker } = await import("../execctx/dist/bundle/index.js");
  const w = PyWorker("./relay-tabs-worker.js", { type: "module", service_worker: SW });
  w.sync.tag = (i) => `${tab}:${i}`;
  await w.ready;
  return w.sync.calls(tab, N);
}

const results = {};
try {
  const other = second ? null : window.open("./relay-tabs.html?second");
  results[tab] = await run();
  if (other) {
    while (!other.results) await new Promise((resolve) => setTimeout(resolve, 20));
    Object.assign(results, other.results);
    other.close();
  }
} catch (e) {
  results.error = String(e?.stack ?? e);
}
window.results = results;
