package host

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/tetratelabs/wazero"
	wazeroapi "github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/execctx/execctx/host/internal/bindings"
)

// Context is one execution context: one guest instance bound to one set of
// host Imports. Its methods mirror pyscript.context.
type Context struct {
	rt      *Runtime
	imports Imports
	busy    sync.Mutex

	mod    wazeroapi.Module
	inst   *bindings.Instance
	stderr bytes.Buffer
	closed bool
}

// NewContext instantiates the module with imports. Every field of imports
// must be set; use hostmock for the ones a test does not care about.
func (r *Runtime) NewContext(ctx context.Context, imports Imports) (*Context, error) {
	if missing := imports.missing(); len(missing) > 0 {
		return nil, fmt.Errorf("execctx: NewContext needs every import; missing %s", strings.Join(missing, ", "))
	}
	c := &Context{rt: r, imports: imports}
	if err := c.instantiate(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// instantiate starts a fresh guest instance and runs Go's initialisation.
func (c *Context) instantiate(ctx context.Context) error {
	c.stderr.Reset()
	cfg := wazero.NewModuleConfig().
		WithName(""). // anonymous, so many instances can coexist
		WithStartFunctions().
		WithStderr(&c.stderr)
	mod, err := c.rt.rt.InstantiateModule(experimental.WithMemoryAllocator(ctx, &c.rt.memory), c.rt.compiled, cfg)
	if err != nil {
		return fmt.Errorf("execctx: instantiate: %w", err)
	}
	if _, err := mod.ExportedFunction("_initialize").Call(ctx); err != nil {
		_ = mod.Close(ctx)
		return fmt.Errorf("execctx: guest initialisation: %w\n%s", err, c.stderr.String())
	}
	c.rt.memory.Started(uint64(mod.Memory().Size()))
	inst, err := bindings.NewInstance(mod, bindings.Imports(c.imports))
	if err != nil {
		_ = mod.Close(ctx)
		return fmt.Errorf("execctx: %w", err)
	}
	c.mod, c.inst = mod, inst
	return nil
}

// Close releases the guest instance; later calls fail with ErrClosed.
// Like any call, it fails with ErrBusy while a call on c is running (from
// another goroutine, or from a host import during that call), rather
// than closing the instance under it; close once that call has returned.
func (c *Context) Close(ctx context.Context) error {
	if !c.busy.TryLock() {
		return ErrBusy
	}
	defer c.busy.Unlock()
	c.closed = true
	return c.discard(ctx)
}

// discard drops the instance, if any, so that the next call starts afresh.
func (c *Context) discard(ctx context.Context) error {
	if c.mod == nil {
		return nil
	}
	err := c.mod.Close(ctx)
	c.mod, c.inst = nil, nil
	return err
}

// call runs fn on a live instance. A trap discards the instance, so that
// the next call starts from a clean one; so does a ctx that is done by the
// time fn returns.
func call[T any](ctx context.Context, c *Context, name string, fn func(*bindings.Instance, context.Context) (T, error)) (T, error) {
	var zero T
	if !c.busy.TryLock() {
		return zero, ErrBusy
	}
	defer c.busy.Unlock()
	if c.closed {
		return zero, ErrClosed
	}
	// wazero closes an instance called with a done ctx; refusing the call
	// first keeps the instance and its state.
	if ctx.Err() != nil {
		return zero, canceled(ctx, name, false)
	}
	if c.inst == nil {
		if err := c.instantiate(ctx); err != nil {
			if stoppedBy(ctx, err) {
				return zero, canceled(ctx, name, true)
			}
			return zero, err
		}
	}
	v, err := fn(c.inst, ctx)
	if ctx.Err() != nil {
		// Once ctx is done, wazero's watcher may close the instance even
		// after fn returned (it races the end of the call), so it is not
		// reused, even when the call completed.
		_ = c.discard(ctx)
		if stoppedBy(ctx, err) {
			return zero, canceled(ctx, name, true)
		}
	}
	if t, ok := asTrap(err); ok {
		trap := &TrapError{Call: name, Reason: t.Reason, Stderr: c.stderr.String(), err: err}
		_ = c.discard(ctx)
		return zero, trap
	}
	return v, err
}
