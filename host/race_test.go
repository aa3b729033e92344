package host_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
	"github.com/execctx/execctx/internal/reliability"
)

// These tests are for `make test-race` (go test -race) as much as for
// plain runs: they share a Runtime and a Context between goroutines, so
// the race detector sees any state that is touched without a lock. They
// keep the number of calls small because wazero is slow under -race.

const goroutines = 4

// roundTrip writes a title through c and reads it back, checking the
// config on the way: a call that crosses both host imports and guest state.
func roundTrip(ctx context.Context, c *host.Context, title, config string) error {
	if err := c.Set(ctx, hostmock.DocumentHandle, "title", api.Value{Kind: api.ValueText, Text: title}); err != nil {
		return fmt.Errorf("set title: %w", err)
	}
	got, err := c.Get(ctx, hostmock.DocumentHandle, "title")
	if err != nil {
		return fmt.Errorf("get title: %w", err)
	}
	if got.Kind != api.ValueText || got.Text != title {
		return fmt.Errorf("title = %+v; want %q", got, title)
	}
	if got, err := c.Config(ctx); err != nil || got != config {
		return fmt.Errorf("config = %s, %v; want %s", got, err, config)
	}
	return nil
}

// TestContextsShareARuntime: goroutines each with their own Context on one
// Runtime run calls at once, and each sees only its own page and config.
func TestContextsShareARuntime(t *testing.T) {
	reliability.Row(t, "concurrency (Go)", fmt.Sprintf("%d goroutines, each its own Context on one Runtime", goroutines), "each sees only its own page and config")
	ctx := context.Background()
	rt := newRuntime(t)
	errs := make(chan error, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
			h.Env.Sources = []api.ConfigSource{hostmock.TagConfig(fmt.Sprintf(`name = "app%d"`, g), api.ConfigFormatTOML)}
			c, err := rt.NewContext(ctx, h.Imports())
			if err != nil {
				errs <- err
				return
			}
			defer c.Close(ctx)
			for round := range 3 {
				title := fmt.Sprintf("goroutine %d, round %d", g, round)
				if err := roundTrip(ctx, c, title, fmt.Sprintf(`{"name":"app%d","type":"py"}`, g)); err != nil {
					errs <- fmt.Errorf("goroutine %d: %w", g, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestSharedContextIsBusy: while a call on a Context waits in a host
// import, every call from other goroutines, Close included, fails with
// ErrBusy; the waiting call then completes, and the Context still works.
func TestSharedContextIsBusy(t *testing.T) {
	reliability.Row(t, "concurrency (Go)", "calls and Close on a Context while a call waits in a host import", "each returns ErrBusy; the call completes")
	ctx := context.Background()
	h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
	h.Env.Sources = []api.ConfigSource{hostmock.AttributeConfig("./c.json")}
	entered, release := make(chan struct{}), make(chan struct{})
	fetch := &during{Fetcher: &hostmock.Fetcher{Files: map[string]string{"https://example.test/app/c.json": `{"a": 1}`}},
		fn: func() { close(entered); <-release }}
	imports := h.Imports()
	imports.Fetch = fetch
	c, err := newRuntime(t).NewContext(ctx, imports)
	require.NoError(t, err)
	defer c.Close(ctx)

	const config = `{"a":1,"type":"py"}`
	first := make(chan error, 1)
	go func() {
		got, err := c.Config(ctx)
		if err == nil && got != config {
			err = fmt.Errorf("config = %s; want %s", got, config)
		}
		first <- err
	}()
	<-entered
	calls := []func() error{
		func() error { _, err := c.Config(ctx); return err },
		func() error { _, err := c.RunningInWorker(ctx); return err },
		func() error { _, err := c.Get(ctx, hostmock.DocumentHandle, "title"); return err },
		func() error { return c.Close(ctx) },
	}
	errs := make(chan error, goroutines*len(calls))
	var wg sync.WaitGroup
	for range goroutines {
		for _, call := range calls {
			wg.Go(func() { errs <- call() })
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if !errors.Is(err, host.ErrBusy) {
			t.Errorf("a call during another: %v; want ErrBusy", err)
		}
	}
	close(release)
	if err := <-first; err != nil {
		t.Fatalf("the waiting call: %v", err)
	}
	if err := roundTrip(ctx, c, "after", config); err != nil {
		t.Fatalf("after the busy calls: %v", err)
	}
}

// TestSharedContextHammered: goroutines call one Context at once. Each
// call either completes correctly or fails with ErrBusy, never with
// anything else, and the Context works afterwards.
func TestSharedContextHammered(t *testing.T) {
	reliability.Row(t, "concurrency (Go)", fmt.Sprintf("%d goroutines calling one Context at once", goroutines), "each call completes or returns ErrBusy; the Context works after")
	ctx := context.Background()
	page := hostmock.NewPage()
	c, err := newRuntime(t).NewContext(ctx, hostmock.MainHosts(page, "pyodide").Imports())
	require.NoError(t, err)
	defer c.Close(ctx)
	require.NoError(t, c.Set(ctx, hostmock.DocumentHandle, "title", api.Value{Kind: api.ValueText, Text: "shared"}))
	errs := make(chan error, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for range 5 {
				got, err := c.Get(ctx, hostmock.DocumentHandle, "title")
				if errors.Is(err, host.ErrBusy) {
					continue
				}
				if err != nil || got.Kind != api.ValueText || got.Text != "shared" {
					errs <- fmt.Errorf("goroutine %d: title = %+v, %v; want \"shared\" or ErrBusy", g, got, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := roundTrip(ctx, c, "after", `{"type":"py"}`); err != nil {
		t.Fatalf("after the hammering: %v", err)
	}
}
