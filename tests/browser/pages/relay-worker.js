// The relayed worker of relay.js: it reads and writes main's document,
// calls main's functions, blocking, and reports what it saw.
const { RUNNING_IN_WORKER, window, document, sync, js_import } = await import(self.execctx.url);

sync.report = async () => {
  const r = { RUNNING_IN_WORKER };
  r.titleRead = document.title;
  document.title = "written through the relay";
  r.titleReadBack = document.title;
  document.getElementById("out").textContent = "written by the worker";
  r.pathname = window.location.pathname;
  const greet = sync.greet("worker");
  r.greet = greet;
  // the answer kinds of the frame (PROTOCOL.md), in values a page's results can carry
  r.values = [sync.echo(42), Number.isNaN(sync.echo(NaN)), sync.echo(null), sync.echo(undefined) === undefined, sync.echo(true), sync.echo("é"), sync.echo({ a: [1, "b"] })];
  r.later = sync.later(50, "after a promise on main");
  r.big = sync.echo("x".repeat(100000)).length;
  try {
    sync.fail();
  } catch (e) {
    r.failed = `${e.name}: ${e.message}`;
  }
  const [greeting] = await js_import("./greeting.js");
  r.jsImport = greeting.hello();
  return r;
};

// what the worker's names are, when the relay may not have come up
sync.mode = () => {
  const greet = sync.greet("worker");
  return { document: String(document), greet: typeof greet?.then === "function" ? "a promise" : greet };
};

sync.many = (n) => {
  let ok = 0;
  for (let i = 0; i < n; i++) if (sync.echo(i) === i) ok++;
  return ok;
};

sync.stallBounded = () => {
  let error;
  try {
    sync.stall();
  } catch (e) {
    error = e.message;
  }
  return { error, next: sync.greet("again") };
};

sync.stallUnbounded = () => sync.stall();

sync.greetOnce = () => {
  try {
    return sync.greet("once");
  } catch (e) {
    return `threw: ${e.message}`;
  }
};
