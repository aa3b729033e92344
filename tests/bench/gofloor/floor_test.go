package gofloor_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// The benchmarks mirror host.NewRuntime and host.Context's instantiate,
// with the trivial module in place of the core: the difference between
// their rows and host's is what execctx itself adds.

var trivial struct {
	once sync.Once
	wasm []byte
	err  error
}

// trivialWasm builds ./trivial once per process, with the Makefile's
// flags for the core.
func trivialWasm(tb testing.TB) []byte {
	trivial.once.Do(func() {
		dir, err := os.MkdirTemp("", "gofloor")
		if err != nil {
			trivial.err = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "trivial.wasm")
		cmd := exec.Command("go", "build", "-buildmode=c-shared", "-trimpath", "-ldflags=-s -w -buildid=", "-o", out, "./trivial")
		cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
		if msg, err := cmd.CombinedOutput(); err != nil {
			trivial.err = &buildError{err, string(msg)}
			return
		}
		trivial.wasm, trivial.err = os.ReadFile(out)
	})
	if trivial.err != nil {
		tb.Fatalf("build the trivial module: %v", trivial.err)
	}
	return trivial.wasm
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// compile is host.NewRuntime's work for the trivial module.
func compile(ctx context.Context, tb testing.TB, rc wazero.RuntimeConfig) (wazero.Runtime, wazero.CompiledModule) {
	rt := wazero.NewRuntimeWithConfig(ctx, rc)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		tb.Fatal(err)
	}
	compiled, err := rt.CompileModule(ctx, trivialWasm(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return rt, compiled
}

// start is host.Context's instantiate for the trivial module: a fresh
// anonymous instance and Go's _initialize.
func start(ctx context.Context, tb testing.TB, rt wazero.Runtime, compiled wazero.CompiledModule) api.Module {
	cfg := wazero.NewModuleConfig().WithName("").WithStartFunctions()
	mod, err := rt.InstantiateModule(ctx, compiled, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := mod.ExportedFunction("_initialize").Call(ctx); err != nil {
		tb.Fatal(err)
	}
	return mod
}

// TestTrivialModuleRuns checks the floor's module before it is measured:
// it builds, starts, and its export answers.
func TestTrivialModuleRuns(t *testing.T) {
	ctx := context.Background()
	rt, compiled := compile(ctx, t, wazero.NewRuntimeConfig())
	defer rt.Close(ctx)
	mod := start(ctx, t, rt, compiled)
	got, err := mod.ExportedFunction("add").Call(ctx, 2, 3)
	if err != nil || len(got) != 1 || got[0] != 5 {
		t.Fatalf("add(2, 3) = %v, %v; want [5]", got, err)
	}
}

// BenchmarkTrivialCompileCold is BenchmarkCompileCold's floor.
func BenchmarkTrivialCompileCold(b *testing.B) {
	ctx := context.Background()
	trivialWasm(b)
	for b.Loop() {
		rt, _ := compile(ctx, b, wazero.NewRuntimeConfig())
		_ = rt.Close(ctx)
	}
}

// BenchmarkTrivialCompileCached is BenchmarkCompileCached's floor: like
// host.NewRuntime, each runtime opens the cache directory anew.
func BenchmarkTrivialCompileCached(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	cached := func() wazero.RuntimeConfig {
		cache, err := wazero.NewCompilationCacheWithDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		return wazero.NewRuntimeConfig().WithCompilationCache(cache)
	}
	warm, _ := compile(ctx, b, cached())
	_ = warm.Close(ctx)
	for b.Loop() {
		rt, _ := compile(ctx, b, cached())
		_ = rt.Close(ctx)
	}
}

// BenchmarkTrivialInstantiate is BenchmarkInstantiate's floor: a fresh
// instance, Go's _initialize, and Close.
func BenchmarkTrivialInstantiate(b *testing.B) {
	ctx := context.Background()
	rt, compiled := compile(ctx, b, wazero.NewRuntimeConfig())
	defer rt.Close(ctx)
	for b.Loop() {
		_ = start(ctx, b, rt, compiled).Close(ctx)
	}
}
