package bindings_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/execctx/execctx/host/internal/bindings"
	"github.com/execctx/execctx/host/internal/core"
	"github.com/execctx/execctx/internal/cabi"
)

// TestLoweringKeepsTheCause: lowering an export's arguments once ctx is
// done fails in the guest's cabi_realloc, which wazero refuses to run; the
// trap keeps wazero's exit error, so errors.Is finds ctx's error. (package
// host checks ctx before a call; this is the glue's own guarantee.)
func TestLoweringKeepsTheCause(t *testing.T) {
	ctx := context.Background()
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithCloseOnContextDone(true))
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
