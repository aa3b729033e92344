// The worker of ready.html: which execctx started it, and how many
// WebAssembly modules its context compiled (none: main sends its own).
let compiles = 0;
for (const name of ["compile", "compileStreaming"]) {
  const original = WebAssembly[name];
  WebAssembly[name] = (...args) => (compiles++, original(...args));
}
const { sync } = await import(self.execctx.url);

sync.started = () => ({ by: self.execctx.url, compiles });
