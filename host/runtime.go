package host

import (
	"context"
	"fmt"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/execctx/execctx/host/internal/bindings"
	"github.com/execctx/execctx/host/internal/core"
	"github.com/execctx/execctx/host/internal/memalloc"
)

// Runtime holds the compiled execctx module. Create it once and share it.
type Runtime struct {
	rt       wazero.Runtime
	compiled wazero.CompiledModule
	memory   memalloc.Allocator // every Context's linear memory
}

// config collects what the options set.
type config struct {
	cacheDir string
	wasm     []byte
}

// RuntimeOption configures NewRuntime. (WIT's option<T> is api.Option.)
type RuntimeOption func(*config)

// WithCompilationCache keeps compiled code in dir, so that later processes
// skip compilation (hundreds of milliseconds) and load it instead.
func WithCompilationCache(dir string) RuntimeOption { return func(c *config) { c.cacheDir = dir } }

// WithModule runs wasm instead of the embedded core module, for example a
// build of the guest with the gctorture tag.
func WithModule(wasm []byte) RuntimeOption { return func(c *config) { c.wasm = wasm } }

// NewRuntime compiles the core module and prepares the host modules.
func NewRuntime(ctx context.Context, opts ...RuntimeOption) (*Runtime, error) {
	cfg := config{wasm: core.Wasm}
	for _, o := range opts {
		o(&cfg)
	}
	rc := wazero.NewRuntimeConfig().WithCloseOnContextDone(true)
	if cfg.cacheDir != "" {
		cache, err := wazero.NewCompilationCacheWithDir(cfg.cacheDir)
		if err != nil {
			return nil, fmt.Errorf("compilation cache %s: %w", cfg.cacheDir, err)
		}
		rc = rc.WithCompilationCache(cache)
	}
	r := &Runtime{rt: wazero.NewRuntimeWithConfig(ctx, rc)}
	if err := r.init(ctx, cfg.wasm); err != nil {
		_ = r.rt.Close(ctx)
		return nil, err
	}
	return r, nil
}

func (r *Runtime) init(ctx context.Context, wasm []byte) error {
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, r.rt); err != nil {
		return fmt.Errorf("wasi: %w", err)
	}
	if err := bindings.Register(ctx, r.rt); err != nil {
		return err
	}
	compiled, err := r.rt.CompileModule(ctx, wasm)
	if err != nil {
		return fmt.Errorf("compile execctx module: %w", err)
	}
	r.compiled = compiled
	return nil
}

// Close releases the runtime and every Context made from it.
func (r *Runtime) Close(ctx context.Context) error { return r.rt.Close(ctx) }
