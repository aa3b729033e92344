package host_test

import (
	"context"
	"testing"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

// Benchmarks print numbers for `make bench`; no test asserts a duration.

// BenchmarkCompileCold compiles the module with no cache.
func BenchmarkCompileCold(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		rt, err := host.NewRuntime(ctx)
		if err != nil {
			b.Fatal(err)
		}
		_ = rt.Close(ctx)
	}
}

// BenchmarkCompileCached compiles with a warm on-disk compilation cache.
func BenchmarkCompileCached(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	warm, err := host.NewRuntime(ctx, host.WithCompilationCache(dir))
	if err != nil {
		b.Fatal(err)
	}
	_ = warm.Close(ctx)
	for b.Loop() {
		rt, err := host.NewRuntime(ctx, host.WithCompilationCache(dir))
		if err != nil {
			b.Fatal(err)
		}
		_ = rt.Close(ctx)
	}
}

// BenchmarkInstantiate measures NewContext (instantiate plus Go's
// _initialize) and Close.
func BenchmarkInstantiate(b *testing.B) {
	ctx := context.Background()
	rt := newRuntime(b)
	imports := hostmock.MainHosts(hostmock.NewPage(), "pyodide").Imports()
	for b.Loop() {
		c, err := rt.NewContext(ctx, imports)
		if err != nil {
			b.Fatal(err)
		}
		_ = c.Close(ctx)
	}
}

func benchContext(b *testing.B, h *hostmock.Hosts) *host.Context {
	c, err := newRuntime(b).NewContext(context.Background(), h.Imports())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = c.Close(context.Background()) })
	return c
}

// BenchmarkConfigRead is one config() call once the config is loaded.
func BenchmarkConfigRead(b *testing.B) {
	h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
	h.Env.Sources = []api.ConfigSource{hostmock.TagConfig("name = \"bench\"\npackages = [\"numpy\"]\n[files]\n\"a.py\" = \"\"\n", api.ConfigFormatTOML)}
	c := benchContext(b, h)
	ctx := context.Background()
	if _, err := c.Config(ctx); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := c.Config(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWindowGet is one window property read (window.document)
// through the guest and the mocked host.
func BenchmarkWindowGet(b *testing.B) {
	benchGet(b, hostmock.WindowHandle, "document")
}

// BenchmarkDocumentTitleGet is one document.title read through the guest
// and the mocked host, the README's per-call row.
func BenchmarkDocumentTitleGet(b *testing.B) {
	benchGet(b, hostmock.DocumentHandle, "title")
}

func benchGet(b *testing.B, handle uint32, name string) {
	c := benchContext(b, hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", true))
	ctx := context.Background()
	for b.Loop() {
		if _, err := c.Get(ctx, handle, name); err != nil {
			b.Fatal(err)
		}
	}
}
