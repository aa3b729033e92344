// Error paths in a browser: config errors with the spec's codes, and
// workers whose ready must reject rather than hang.
const results = {};
const { createContext, PyWorker, sync } = await import("../execctx/dist/index.js");
const message = (p) => p.then(() => "resolved", (e) => e.message);

results.toml = await message(createContext({ config: 'name = "x"\nfiles = [' }));
results.json = await message(createContext({ config: '{"a":}' }));
results.missing = await message(createContext({ config: "./missing.toml" }));
results.badURL = await message(createContext({ config: "./config.txt" }));
results.throwing = await message(PyWorker("./throws.js", { type: "module" }).ready);
results.notFound = await message(PyWorker("./nowhere.js", { type: "module" }).ready);
results.syntax = await message(PyWorker("./syntax-error.js", { type: "module" }).ready);
try {
  sync.anything;
} catch (e) {
  results.sync = e.message;
}
window.results = results;
