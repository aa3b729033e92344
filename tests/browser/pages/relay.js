// The service-worker relay on a page that is not cross-origin isolated:
// a worker started with service_worker gets blocking calls to main, a
// worker that dies in a relayed call ends cleanly, createContext's
// timeout bounds a relayed call, and a service worker that is gone gives
// an error. Results go to window.results for tests/browser/relay.test.mjs.
const SW = "../execctx/dist/service-worker.js";
const params = new URLSearchParams(location.search);
// a first visit has no registration yet; the page itself is never
// controlled: the service worker's scope is the package's folder, which
// holds the workers' script (and so controls them), not this page
const registered = await navigator.serviceWorker.getRegistration(new URL(SW, location.href));
const results = { crossOriginIsolated, registeredAtStart: Boolean(registered), controlledAtStart: Boolean(navigator.serviceWorker.controller) };
// window.progress names the step the page is at, for a test that times out
const message = (p) => p.then((v) => ({ resolved: v }), (e) => e.message);

/** main's functions, as every relayed worker of the page sees them through sync */
function offer(w, calls) {
  w.sync.greet = (who) => `hello ${who}`;
  w.sync.echo = (v) => v;
  w.sync.later = async (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
  w.sync.fail = () => {
    throw new RangeError("main says no");
  };
  w.sync.stall = () => {
    calls.push("stall");
    return new Promise(() => {}); // never answers
  };
  w.sync.count = () => calls.length;
  return w;
}

// degraded starts a worker whose relay (the service worker at sw) cannot serve it, and reports its names
async function degraded(ctx, sw) {
  const w = offer(ctx.PyWorker("./relay-worker.js", { type: "module", service_worker: sw }), []);
  await w.ready;
  return w.sync.mode();
}

try {
  const ctx = await import("../execctx/dist/bundle/index.js");
  if (params.has("sw")) {
    results.degraded = await degraded(ctx, params.get("sw"));
    throw new Error("done");
  }
  const start = (context = ctx, options = {}) => offer(context.PyWorker("./relay-worker.js", { type: "module", service_worker: SW, ...options }), []);
  window.progress = "started";
  const w = start();
  await w.ready;
  window.progress = "reported";
  results.worker = await w.sync.report();
  results.title = document.title;
  results.text = document.getElementById("out").textContent;
  if (params.has("calls")) results.calls = await w.sync.many(Number(params.get("calls")));

  // createContext's timeout bounds a relayed call; the next call works
  window.progress = "timeout test";
  const bounded = start(await ctx.createContext({ timeout: 300 }));
  await bounded.ready;
  results.timeout = await bounded.sync.stallBounded();

  // a worker terminated while it waits on a relayed call
  window.progress = "dying";
  const calls = [];
  const dying = offer(ctx.PyWorker("./relay-worker.js", { type: "module", serviceWorker: SW }), calls);
  await dying.ready;
  const inFlight = message(dying.sync.stallUnbounded());
  while (calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  dying.terminate();
  results.dead = [await inFlight, await message(dying.sync.report())];
  window.progress = "after";
  const after = start();
  await after.ready;
  results.afterDead = (await after.sync.report()).greet;

  // an update of the service worker (here its URL's query changes)
  // installs beside the active one and waits while it has clients: the
  // relay keeps serving the workers it controls
  window.progress = "update";
  const update = await navigator.serviceWorker.register(new URL(`${SW}?v=${Date.now()}`, location.href));
  const installing = update.installing;
  if (installing?.state === "installing") await new Promise((resolve) => installing.addEventListener("statechange", () => installing.state !== "installing" && resolve()));
  results.update = { waiting: Boolean(update.waiting), greet: await after.sync.greetOnce() };
  window.relayWorker = after; // for the test: the service worker gone
} catch (e) {
  if (e.message !== "done") results.error = String(e?.stack ?? e);
}
window.results = results;
