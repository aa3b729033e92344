package wasmmem_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/execctx/execctx/host/internal/bindings"
	"github.com/execctx/execctx/host/internal/core"
	"github.com/execctx/execctx/internal/cabi"
)

// TestLoweringKeepsTheCause: lowering an export's arguments once ctx is
// done fails in the guest's cabi_realloc (Memory.Alloc), which wazero
// refuses to run; the trap, passed on by the generated glue, keeps
// wazero's exit error, so errors.Is finds ctx's error. (Package host
// checks ctx before a call; this is the memory's and glue's own guarantee.)
// It lives here, not beside the glue, because check-generate treats that
// directory as generated.
func TestLoweringKeepsTheCause(t *testing.T) {
	ctx := context.Background()
	rc := wazero.NewRuntimeConfig().WithCloseOnContextDone(true)
	if dir := os.Getenv("EXECCTX_TEST_CACHE"); dir != "" { // as in package host's tests
		cache, err := wazero.NewCompilationCacheWithDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		rc = rc.WithCompilationCache(cache)
	}
	rt := wazero.NewRuntimeWithConfig(ctx, rc)
	defer rt.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, rt)
	if err := bindings.Register(ctx, rt); err != nil {
		t.Fatal(err)
	}
	mod, err := rt.InstantiateWithConfig(ctx, core.Wasm, wazero.NewModuleConfig().WithName("").WithStartFunctions())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mod.ExportedFunction("_initialize").Call(ctx); err != nil {
		t.Fatal(err)
	}
	// No import is reached: the call fails before the guest runs.
	inst, err := bindings.NewInstance(mod, bindings.Imports{})
	if err != nil {
		t.Fatal(err)
	}

	done, cancel := context.WithDeadline(ctx, time.Unix(0, 0))
	defer cancel()
	_, err = inst.ContextJSImport(done, []string{"./a.js"})
	var trap *cabi.Trap
	if !errors.As(err, &trap) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v (%T); want a *cabi.Trap wrapping context.DeadlineExceeded", err, err)
	}
}
