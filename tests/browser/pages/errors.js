// Error paths in a browser: config errors with the spec's codes, and
// workers whose ready must reject rather than hang.
const results = {};
const { createContext, PyWorker, sync } = await import("../execctx/dist/bundle/index.js");
const message = (p) => p.then(() => "resolved", (e) => e.message);

results.toml = await message(createContext({ config: 'name = "x"\nfiles = [' }));
results.json = await message(createContext({ config: '{"a":}' }));
results.missing = await message(createContext({ config: "./missing.toml" }));
results.badURL = await message(createContext({ config: "./config.txt" }));
results.throwing = await message(PyWorker("./throws.js", { type: "module" }).ready);
results.notFound = await message(PyWorker("./nowhere.js", { type: "module" }).ready);
results.syntax = await message(PyWorker("./syntax-error.js", { type: "module" }).ready);
// Workers that ended: the call in flight and every later call reject, saying why.
for (const how of ["close", "crash", "terminate"]) {
  const w = PyWorker("./ends.js", { type: "module" });
  await w.ready;
  const inFlight = how === "terminate" ? message(w.sync.ping()) : message(w.sync[how]());
  if (how === "terminate") w.terminate();
  results[how] = [await inFlight, await message(w.sync.ping())];
}
try {
  sync.anything;
} catch (e) {
  results.sync = e.message;
}
window.results = results;
