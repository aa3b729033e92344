package host

import (
	"context"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/internal/bindings"
)

// The names below are those of pyscript.context. Each returns the guest's
// own error (for example a NotSupported message or a (PY1000) config
// error) as a plain error, and a trap as an error wrapping ErrTrapped.

// Interpreter resolves an interpreter's name or alias ("micropython" or
// "mpy", "pyodide" or "py"; "" and "module" for none) to its name and
// script type ("mpy" or "py"), for a host to fill in its Report. It reads
// no host import.
func (c *Context) Interpreter(ctx context.Context, name string) (api.InterpreterNames, error) {
	return call(ctx, c, "interpreter", func(i *bindings.Instance, ctx context.Context) (api.InterpreterNames, error) {
		return i.ContextInterpreter(ctx, name)
	})
}

// PageScript reads the tag element (a handle the guest releases) of a
// PyScript page as PyScript runs it: its type, main thread or worker,
// src or inline code, async, and a worker's id, name, config and service
// worker. Worker ids count in the order tags are read, so read a page's
// tags with one Context.
func (c *Context) PageScript(ctx context.Context, element uint32) (api.ScriptTag, error) {
	return call(ctx, c, "page-script", func(i *bindings.Instance, ctx context.Context) (api.ScriptTag, error) {
		return i.ContextPageScript(ctx, element)
	})
}

// RunningInWorker reports RUNNING_IN_WORKER.
func (c *Context) RunningInWorker(ctx context.Context) (bool, error) {
	return call(ctx, c, "running-in-worker", (*bindings.Instance).ContextRunningInWorker)
}

// Config returns the normalised config as JSON text, with "type" set.
func (c *Context) Config(ctx context.Context) (string, error) {
	return call(ctx, c, "config", (*bindings.Instance).ContextConfig)
}

// ConfigURL returns the URL Config will fetch, if the config names one.
func (c *Context) ConfigURL(ctx context.Context) (api.Option[string], error) {
	return call(ctx, c, "config-url", (*bindings.Instance).ContextConfigURL)
}

// Window says what window is here: direct, proxied or not supported.
func (c *Context) Window(ctx context.Context) (api.Access, error) {
	return call(ctx, c, "window", (*bindings.Instance).ContextWindow)
}

// Document says what document is here.
func (c *Context) Document(ctx context.Context) (api.Access, error) {
	return call(ctx, c, "document", (*bindings.Instance).ContextDocument)
}

// Sync says what sync is here: proxied (blocking), async-only, or not supported.
func (c *Context) Sync(ctx context.Context) (api.Access, error) {
	return call(ctx, c, "sync", (*bindings.Instance).ContextSync)
}

// JSImportAccess says what js_import is here: direct (it imports in this
// realm), proxied (it imports on main), or not supported.
func (c *Context) JSImportAccess(ctx context.Context) (api.Access, error) {
	return call(ctx, c, "js-import-access", (*bindings.Instance).ContextJSImportAccess)
}

// JSImport resolves urls for js_import; it fails where js_import is unavailable.
func (c *Context) JSImport(ctx context.Context, urls []string) ([]string, error) {
	return call(ctx, c, "js-import", func(i *bindings.Instance, ctx context.Context) ([]string, error) {
		return i.ContextJSImport(ctx, urls)
	})
}

// PyWorkerAccess says what PyWorker is here: direct on a main thread, not
// supported in a worker.
func (c *Context) PyWorkerAccess(ctx context.Context) (api.Access, error) {
	return call(ctx, c, "py-worker-access", (*bindings.Instance).ContextPyWorkerAccess)
}

// PyWorker validates options (a JSON object) and asks the Worker host to
// start url; it returns the host's worker handle.
func (c *Context) PyWorker(ctx context.Context, url, options string) (uint32, error) {
	return call(ctx, c, "py-worker", func(i *bindings.Instance, ctx context.Context) (uint32, error) {
		return i.ContextPyWorker(ctx, url, options)
	})
}

// CurrentTarget returns current_target(): the id display() writes to.
func (c *Context) CurrentTarget(ctx context.Context) (string, error) {
	return call(ctx, c, "current-target", (*bindings.Instance).ContextCurrentTarget)
}

// DisplayTarget resolves a display() target (an id, "#id", or none for the
// current target) to an element handle.
func (c *Context) DisplayTarget(ctx context.Context, target api.Option[string]) (uint32, error) {
	return call(ctx, c, "display-target", func(i *bindings.Instance, ctx context.Context) (uint32, error) {
		return i.ContextDisplayTarget(ctx, target)
	})
}

// JSModules returns the js_modules available here.
func (c *Context) JSModules(ctx context.Context) ([]api.JSModule, error) {
	return call(ctx, c, "js-modules", (*bindings.Instance).ContextJSModules)
}

// Files lists the config's files resolved: the URL to fetch and the path
// in the interpreter's file system each goes to.
func (c *Context) Files(ctx context.Context) ([]api.FileEntry, error) {
	return call(ctx, c, "files", (*bindings.Instance).ContextFiles)
}

// Get reads a property of window (handle 0), document (1) or a host object.
func (c *Context) Get(ctx context.Context, target uint32, name string) (api.Value, error) {
	return call(ctx, c, "get", func(i *bindings.Instance, ctx context.Context) (api.Value, error) {
		return i.ContextGet(ctx, target, name)
	})
}

// Set writes a property of window, document or a host object.
func (c *Context) Set(ctx context.Context, target uint32, name string, value api.Value) error {
	_, err := call(ctx, c, "set", func(i *bindings.Instance, ctx context.Context) (struct{}, error) {
		return struct{}{}, i.ContextSet(ctx, target, name, value)
	})
	return err
}

// Call calls a method of window, document or a host object.
func (c *Context) Call(ctx context.Context, target uint32, method string, args []api.Value) (api.Value, error) {
	return call(ctx, c, "call", func(i *bindings.Instance, ctx context.Context) (api.Value, error) {
		return i.ContextCall(ctx, target, method, args)
	})
}
