package host_test

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	require.NoError(t, err)
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
	require.NoError(t, err)
	_, err = c.RunningInWorker(ctx)
	require.ErrorIs(t, err, host.ErrTrapped)
	require.ErrorContains(t, err, "invalid discriminant 99", "the trap error carries the guest's panic")

	h.Env.Report.Runtime = api.RuntimeKindBrowser
	got, err := c.RunningInWorker(ctx)
	require.NoError(t, err, "after the trap")
	assert.False(t, got, "after the trap: RUNNING_IN_WORKER")
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
	require.NoError(t, err)
	fetch.c = c
	_, err = c.Config(ctx)
	require.NoError(t, err)
	assert.ErrorIs(t, fetch.err, host.ErrBusy, "the re-entrant call")
}

func TestNewContextNeedsEveryImport(t *testing.T) {
	imports := hostmock.MainHosts(hostmock.NewPage(), "pyodide").Imports()
	imports.Fetch, imports.Window = nil, nil
	_, err := newRuntime(t).NewContext(context.Background(), imports)
	assert.EqualError(t, err, "execctx: NewContext needs every import; missing Window, Fetch")
}

func TestClosedContext(t *testing.T) {
	ctx := context.Background()
	c, err := newRuntime(t).NewContext(ctx, hostmock.MainHosts(hostmock.NewPage(), "pyodide").Imports())
	require.NoError(t, err)
	require.NoError(t, c.Close(ctx))
	_, err = c.Config(ctx)
	assert.ErrorIs(t, err, host.ErrClosed, "after Close")
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
			require.NoError(t, err)
			var closeErr error
			fetch.fn = func() { closeErr = tc.closeOnce(c) }
			config, err := c.Config(ctx)
			require.NoError(t, err, "the running call")
			assert.Equal(t, `{"a":1,"type":"py"}`, config, "the running call")
			require.ErrorIs(t, closeErr, host.ErrBusy, "Close during a call")
			inWorker, err := c.RunningInWorker(ctx)
			require.NoError(t, err, "after the refused Close")
			assert.False(t, inWorker, "after the refused Close")
			require.NoError(t, c.Close(ctx), "Close after the call")
			_, err = c.Config(ctx)
			assert.ErrorIs(t, err, host.ErrClosed, "after Close")
		})
	}
}
