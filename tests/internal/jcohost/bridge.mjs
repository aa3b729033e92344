// The JS half of jcohost: runs the component as the npm package runs it
// (its compiled modules, its WASI shim, its Guest with trap recovery) and
// hands every call and import to the Go half. It knows nothing of the
// WIT: values keep the shape jco gives them. The wire is in protocol.go.
//
//   node bridge.mjs <npm/dist> [<cores dir>]
import { readSync, writeSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [dist, cores] = process.argv.slice(2);
const from = (file) => import(pathToFileURL(join(dist, file)).href);
const { compileComponent } = await from("component.js");
const { wasiImports } = await from("wasi.js");
const { Guest } = await from("guest.js");

const IN = 3;
const OUT = 4;

const compiled = cores ? await compileFrom(cores) : await compileComponent();
const guests = new Map();
let chunks = []; // what has arrived of the next line

// compileFrom compiles another build's core modules (the gctorture one)
// for the npm package's glue, which must be the glue they were made with.
async function compileFrom(dir) {
  const glue = (d) => readFileSync(join(d, "execctx.js"), "utf8");
  if (glue(dir) !== glue(join(dist, "component"))) {
    throw new Error(`${dir}/execctx.js differs from the npm package's glue: transpile both the same way`);
  }
  const { default: names } = await from("component/cores.js");
  const modules = await Promise.all(names.map(async (n) => [n, await WebAssembly.compile(readFileSync(join(dir, n)))]));
  return { wasi: await wasiImports(), modules: new Map(modules) };
}


function run(op) {
  switch (op.op) {
    case "new":
      guests.set(op.id, new Guest(compiled, hostsFor(op.imports)));
      return { ok: null };
    case "close":
      guests.delete(op.id);
      return { ok: null };
    case "call":
      return callExport(guests.get(op.id), op.fn, op.args);
    case "exit":
      process.exit(0);
  }
  throw new Error(`unknown op ${JSON.stringify(op)}`);
}

// callExport runs one export through the npm package's Guest, which turns
// a result's error into an Error with the payload as its message, and a
// trap into an Error whose cause is the trap, after restarting the
// instance.
function callExport(guest, fn, args) {
  try {
    return { ok: guest.call(fn, (context) => context[fn](...args)) };
  } catch (e) {
    return e.cause !== undefined ? { trap: e.message } : { err: e.message };
  }
}

// hostsFor makes the execctx host objects: every function of every
// interface asks the Go half, synchronously, while the call waits.
function hostsFor(interfaces) {
  const hosts = {};
  for (const iface of interfaces) {
    hosts[iface] = new Proxy({}, {
      get: (_, fn) => (typeof fn === "string" ? (...args) => importCall(`${iface}.${fn}`, args) : undefined),
    });
  }
  return hosts;
}

function importCall(name, args) {
  send({ import: name, args });
  const answer = receive();
  if ("err" in answer) throw answer.err; // the host's error: jco makes it the result's err
  if ("fail" in answer) throw new Error(`jcohost: ${answer.fail}`);
  return answer.ok;
}

// The JSON forms: undefined is null, and numbers JSON cannot hold are
// {"$n": name}.
function replace(_, v) {
  if (v === undefined) return null;
  if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))) return { $n: Object.is(v, -0) ? "-0" : String(v) };
  return v;
}

function revive(_, v) {
  if (v === null) return undefined;
  if (v && typeof v === "object" && typeof v.$n === "string" && Object.keys(v).length === 1) return Number(v.$n);
  return v;
}

function send(msg) {
  const bytes = Buffer.from(JSON.stringify(msg, replace) + "\n");
  for (let at = 0; at < bytes.length;) at += retry(() => writeSync(OUT, bytes, at));
}

function receive() {
  for (;;) {
    const last = chunks.at(-1);
    const nl = last ? last.indexOf(10) : -1;
    if (nl >= 0) {
      const line = Buffer.concat([...chunks.slice(0, -1), last.subarray(0, nl)]).toString("utf8");
      chunks = nl + 1 < last.length ? [last.subarray(nl + 1)] : [];
      return JSON.parse(line, revive);
    }
    const buf = Buffer.allocUnsafe(1 << 16);
    const n = retry(() => readSync(IN, buf));
    if (n === 0) process.exit(0); // Go closed the pipe
    chunks.push(buf.subarray(0, n));
  }
}

// retry repeats a pipe operation that would block: the pipes are
// blocking, but a non-blocking one must not end the bridge.
function retry(io) {
  for (;;) {
    try {
      return io();
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

serve();

function serve() {
  send({ ok: "ready" });
  for (;;) {
    const op = receive();
    let answer;
    try {
      answer = run(op);
    } catch (e) {
      answer = { fail: String(e?.stack ?? e) };
    }
    send(answer);
  }
}
