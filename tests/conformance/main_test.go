// Package conformance runs the spec's conformance cases that apply without
// a browser through the real component under wazero, with hostmock's fake
// hosts. Every table row names the case of
// ../shared/reference/pyscript-context-spec.md (§10) it covers.
//
// EXECCTX_TEST_MODULE selects another build of the guest, such as the
// gctorture one that `make test-torture` runs this suite against.
package conformance

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

var rt *host.Runtime

func TestMain(m *testing.M) {
	ctx := context.Background()
	var opts []host.Option
	if path := os.Getenv("EXECCTX_TEST_MODULE"); path != "" {
		wasm, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		opts = append(opts, host.WithModule(wasm))
		fmt.Println("conformance: running against", path)
	}
	var err error
	if rt, err = host.NewRuntime(ctx, opts...); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	_ = rt.Close(ctx)
	os.Exit(code)
}

func newContext(t *testing.T, h *hostmock.Hosts) *host.Context {
	t.Helper()
	c, err := rt.NewContext(context.Background(), h.Imports())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close(context.Background()) })
	return c
}

// ctx is the context every call of the suite uses.
var ctx = context.Background()
