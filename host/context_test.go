package host_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

// newRuntime compiles a Runtime for one test. EXECCTX_TEST_CACHE, when set
// (make test-race sets it), names a compilation cache that every test and
// test binary shares, so that the module is compiled once, not per test.
func newRuntime(t testing.TB) *host.Runtime {
	t.Helper()
	var opts []host.RuntimeOption
	if dir := os.Getenv("EXECCTX_TEST_CACHE"); dir != "" {
		opts = append(opts, host.WithCompilationCache(dir))
	}
	rt, err := host.NewRuntime(context.Background(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	return rt
}

// TestTrapDiscardsInstance: an environment report with an enum value the
// WIT does not have makes the guest trap while lifting it (the Canonical
// ABI's rule). The call fails with ErrTrapped and the guest's panic text;
// the next call runs on a fresh instance.
func TestTrapDiscardsInstance(t *testing.T) {
	ctx := context.Background()
	h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
	h.Env.Report.Runtime = api.RuntimeKind(99)
	c, err := newRuntime(t).NewContext(ctx, h.Imports())
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.RunningInWorker(ctx)
	if !errors.Is(err, host.ErrTrapped) {
		t.Fatalf("err = %v; want ErrTrapped", err)
	}
	if !strings.Contains(err.Error(), "invalid discriminant 99") {
		t.Fatalf("trap error does not carry the guest's panic: %v", err)
	}

	h.Env.Report.Runtime = api.RuntimeKindBrowser
	got, err := c.RunningInWorker(ctx)
	if err != nil || got {
		t.Fatalf("after the trap: RunningInWorker = %v, %v; want false, nil", got, err)
	}
}

// reentrant is a fetch host that calls back into the same Context.
type reentrant struct {
	*hostmock.Fetcher
	c   *host.Context
	err error
}

func (r *reentrant) FetchText(ctx context.Context, url string) (api.Response, error) {
	_, r.err = r.c.RunningInWorker(ctx)
	return r.Fetcher.FetchText(ctx, url)
}

func TestReentrantCallIsRefused(t *testing.T) {
	ctx := context.Background()
	h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
	h.Env.Sources = []api.ConfigSource{hostmock.AttributeConfig("./c.json")}
	fetch := &reentrant{Fetcher: &hostmock.Fetcher{Files: map[string]string{"https://example.test/app/c.json": `{"a": 1}`}}}
	imports := h.Imports()
	imports.Fetch = fetch
	c, err := newRuntime(t).NewContext(ctx, imports)
	if err != nil {
		t.Fatal(err)
	}
	fetch.c = c
	if _, err := c.Config(ctx); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(fetch.err, host.ErrBusy) {
		t.Fatalf("re-entrant call: err = %v; want ErrBusy", fetch.err)
	}
}

func TestNewContextNeedsEveryImport(t *testing.T) {
	imports := hostmock.MainHosts(hostmock.NewPage(), "pyodide").Imports()
	imports.Fetch = nil
	if _, err := newRuntime(t).NewContext(context.Background(), imports); err == nil {
		t.Fatal("NewContext accepted a missing Fetch import")
	}
}

func TestClosedContext(t *testing.T) {
	ctx := context.Background()
	c, err := newRuntime(t).NewContext(ctx, hostmock.MainHosts(hostmock.NewPage(), "pyodide").Imports())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Config(ctx); !errors.Is(err, host.ErrClosed) {
		t.Fatalf("after Close: err = %v; want ErrClosed", err)
	}
}

// during is a fetch host that runs fn while the guest waits for it, that
// is, while a call on the Context is running.
type during struct {
	*hostmock.Fetcher
	fn func()
}

func (d *during) FetchText(ctx context.Context, url string) (api.Response, error) {
	d.fn()
	return d.Fetcher.FetchText(ctx, url)
}

// TestCloseDuringCall: Close is refused with ErrBusy while a call runs,
// from another goroutine or re-entrantly from a host import, leaves the
// instance working, and works once the call has returned.
func TestCloseDuringCall(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		id        string
		closeOnce func(c *host.Context) error
	}{
		{"from another goroutine", func(c *host.Context) error {
			done := make(chan error, 1)
			go func() { done <- c.Close(ctx) }()
			return <-done
		}},
		{"from a host import", func(c *host.Context) error { return c.Close(ctx) }},
	}
	rt := newRuntime(t)
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
			h.Env.Sources = []api.ConfigSource{hostmock.AttributeConfig("./c.json")}
			fetch := &during{Fetcher: &hostmock.Fetcher{Files: map[string]string{"https://example.test/app/c.json": `{"a": 1}`}}}
			imports := h.Imports()
			imports.Fetch = fetch
			c, err := rt.NewContext(ctx, imports)
			if err != nil {
				t.Fatal(err)
			}
			var closeErr error
			fetch.fn = func() { closeErr = tc.closeOnce(c) }
			if got, err := c.Config(ctx); err != nil || got != `{"a":1,"type":"py"}` {
				t.Fatalf("the running call: %s, %v", got, err)
			}
			if !errors.Is(closeErr, host.ErrBusy) {
				t.Fatalf("Close during a call: %v; want ErrBusy", closeErr)
			}
			if got, err := c.RunningInWorker(ctx); err != nil || got {
				t.Fatalf("after the refused Close: RunningInWorker = %v, %v", got, err)
			}
			if err := c.Close(ctx); err != nil {
				t.Fatalf("Close after the call: %v", err)
			}
			if _, err := c.Config(ctx); !errors.Is(err, host.ErrClosed) {
				t.Fatalf("after Close: err = %v; want ErrClosed", err)
			}
		})
	}
}
