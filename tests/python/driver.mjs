// Runs the Python suite (harness.py and the test_*.py files) in one
// context, for the Chromium page and the Node tests alike. execctx is the
// imported package; base is the URL of this folder as served.

const settings = (base) => new URL("settings.json", base).href;

/** runOnMain runs the suite on this thread for label ("M" or "NM"). */
export async function runOnMain(execctx, { label, base, type, script, output }) {
  const context = await execctx.createContext({
    interpreter: type,
    baseURL: base,
    config: settings(base),
    ...(script && { currentScript: () => script }),
  });
  // MicroPython's async runs return no value: the suite hands its results
  // to a callback instead.
  let results;
  globalThis.execctxPythonSuite = (json) => {
    results = JSON.parse(json);
  };
  const source = `import harness, js\nfrom pyscript import config
js.execctxPythonSuite(await harness.main(${JSON.stringify(label)}, config["test_modules"]))`;
  try {
    await execctx.runPython(source, { type, context, async: true, ...output });
  } finally {
    delete globalThis.execctxPythonSuite;
    // the named workers the suite started: a Node process lives as long as they do
    await Promise.all((execctx.workers[Symbol.for("execctx.namedWorkers")] ?? []).map((w) => w.terminate()));
  }
  return results;
}

/**
 * runInWorker runs the suite in a worker for label ("W", "W0" or "NW"); id
 * binds the worker to a <script> element of the page (C86); serviceWorker
 * is PyWorker's service_worker option (a page without SharedArrayBuffer
 * whose worker blocks through the relay runs "W").
 */
export async function runInWorker(execctx, { label, base, type, id, serviceWorker }) {
  const context = await execctx.createContext({ interpreter: type, baseURL: base });
  const worker = context.PyWorker(new URL("run_worker.py", base).href, {
    type,
    async: true,
    config: settings(base),
    ...(id && { id }),
    ...(serviceWorker && { service_worker: serviceWorker }),
  });
  worker.sync.label = () => label;
  try {
    await worker.ready;
    return JSON.parse(await worker.sync.results());
  } finally {
    worker.terminate();
  }
}

// The cases each context must report, by their @case ids: a case that
// silently vanishes, or runs where it should not, fails the suite.
const NEIGHBOURS = ["util NotSupported", "as_bytearray", "is_awaitable", "fetch module", "fetch response", "fetch chained", "fetch options", "fetch options JSON"];
const ALL = ["C08", "C09", "C10", "C80", "C81 C82", "C83", "C84", ...NEIGHBOURS];
const NAMED = ["C71", "C72 C73 C77", "C74", "C75", "PyWorker name", "export NameError"];
const MAIN = [...ALL, ...NAMED, "C01", "C11", "C12", "C46", "C47", "C57", "C60", "C61", "unknown type", "worker raises", "worker 404", "ready error text"];
const WORKER = [...ALL, "C02", "C59", "C66", "C76"];
const HTTP = ["fetch 404", "fetch relative"]; // the page's server: browsers only
export const EXPECTED = {
  M: [...MAIN, ...HTTP, "C34 C35", "C36", "C37", "C85"],
  NM: [...MAIN, "C92"],
  W: [...WORKER, ...HTTP, "C34 C35", "C36", "C44", "C58", "C86"],
  W0: [...WORKER, ...HTTP, "C38", "C39", "C45", "C64", "C92"],
  NW: [...WORKER, "C44", "C58", "C92"],
};
