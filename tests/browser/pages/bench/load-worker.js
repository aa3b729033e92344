// A worker that makes its context and nothing else (tests/bench/load-bench.mjs).
await import(self.execctx.url);
