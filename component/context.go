//go:build wasip1

package main

import (
	"github.com/execctx/execctx/component/internal/bindings"
	"github.com/execctx/execctx/component/internal/config"
	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/files"
	"github.com/execctx/execctx/component/internal/interpreters"
	"github.com/execctx/execctx/component/internal/jsval"
	"github.com/execctx/execctx/component/internal/modules"
	"github.com/execctx/execctx/component/internal/notsupported"
	"github.com/execctx/execctx/component/internal/pagescript"
	"github.com/execctx/execctx/component/internal/target"
	"github.com/execctx/execctx/component/internal/workers"
	"github.com/execctx/execctx/component/internal/wrap"
	"github.com/execctx/execctx/internal/cabi"
	"github.com/execctx/execctx/internal/wittypes"
)

// contextExports implements the exported context interface. One instance
// is one context, so its state is per realm: the report, the loaded config
// and whether the worker warning was printed.
type contextExports struct {
	report   *detect.Report
	cfg      *loadedConfig
	warned   bool
	resolver *target.Resolver
	scripts  *pagescript.Reader
}

// loadedConfig is the outcome of loading the config, error included, so
// that every name reports the same config.
type loadedConfig struct {
	values map[string]any
	json   string
	url    string
	err    error
}

func newContext() *contextExports { return &contextExports{} }

func (c *contextExports) env() detect.Report {
	if c.report == nil {
		r := toReport(bindings.EnvironmentDescribe())
		c.report = &r
	}
	return *c.report
}

// scriptType is "mpy" under MicroPython and "py" otherwise, as in PyScript.
func (c *contextExports) scriptType() string { return interpreters.ScriptType(c.env().Interpreter) }

func (c *contextExports) config() *loadedConfig {
	if c.cfg == nil {
		c.cfg = c.loadConfig()
	}
	return c.cfg
}

// source picks the config source among the host's candidates (spec §3.1).
func (c *contextExports) source() (config.Source, bool, error) {
	return config.Select(toSources(bindings.EnvironmentConfigSources()), c.scriptType()+"-config")
}

func (c *contextExports) loadConfig() *loadedConfig {
	r := c.env()
	src, ok, err := c.source()
	if err != nil {
		return &loadedConfig{err: err}
	}
	var parsed any = map[string]any{}
	var url string
	if ok {
		if parsed, url, err = config.Load(src, r.BaseURL, hostFetcher{}); err != nil {
			return &loadedConfig{err: err}
		}
	}
	values, err := config.Normalize(parsed, r.Interpreter)
	if err != nil {
		return &loadedConfig{err: err}
	}
	return &loadedConfig{values: values, json: config.Marshal(values), url: url}
}

// ConfigURL is the absolute URL Config will fetch, if the config names one.
func (c *contextExports) ConfigURL() (cabi.Option[string], error) {
	src, ok, err := c.source()
	if err != nil || !ok {
		return cabi.None[string](), err
	}
	url, err := config.URLOf(src, c.env().BaseURL)
	return cabi.Option[string]{Some: url != "", Value: url}, err
}

// Interpreter resolves an interpreter's name or alias, with its script
// type, for the host: the one table of names is Go's (package
// interpreters). It reads no import, so hosts call it before they can
// describe the realm.
func (c *contextExports) Interpreter(name string) (wittypes.InterpreterNames, error) {
	i, err := interpreters.OfContext(name)
	if err != nil {
		return wittypes.InterpreterNames{}, err
	}
	return wittypes.InterpreterNames{Name: i, ScriptType: interpreters.ScriptType(i)}, nil
}

// RunningInWorker is RUNNING_IN_WORKER: the host's word (see detect).
func (c *contextExports) RunningInWorker() bool { return detect.RunningInWorker(c.env()) }

// Config is the normalised config as JSON text, or its load error.
func (c *contextExports) Config() (string, error) {
	cfg := c.config()
	return cfg.json, cfg.err
}

// warnOnce prints the SharedArrayBuffer warning the first time a worker
// without it asks for window or document, unless sync_main_only is set.
// ShouldWarn loads the config only in such a worker.
func (c *contextExports) warnOnce() {
	if c.warned {
		return
	}
	c.warned = true
	if detect.ShouldWarn(c.env(), func() map[string]any { return c.config().values }) {
		bindings.EnvironmentWarn(notsupported.SABMessage)
	}
}

// Window says what pyscript.window is here, warning once where it cannot work.
func (c *contextExports) Window() wittypes.Access {
	c.warnOnce()
	return toAccess(detect.Window(c.env()))
}

// Document says what pyscript.document is here, warning as Window does.
func (c *contextExports) Document() wittypes.Access {
	c.warnOnce()
	return toAccess(detect.Document(c.env()))
}

// Sync says what pyscript.sync is here.
func (c *contextExports) Sync() wittypes.Access { return toAccess(detect.Sync(c.env())) }

// JSImportAccess says what js_import is here.
func (c *contextExports) JSImportAccess() wittypes.Access { return toAccess(detect.JSImport(c.env())) }

// JSImport resolves js_import's URLs where js_import is available.
func (c *contextExports) JSImport(urls []string) ([]string, error) {
	return modules.JSImport(urls, c.env())
}

// PyWorkerAccess says what PyWorker is here.
func (c *contextExports) PyWorkerAccess() wittypes.Access { return toAccess(detect.PyWorker(c.env())) }

// PyWorker validates a PyWorker call and asks the host to start the
// worker. Where PyWorker is NotSupported (a worker), even a call that
// would be valid on main fails with that value, before anything else is
// looked at (C66).
func (c *contextExports) PyWorker(url, options string) (uint32, error) {
	r := c.env()
	if a := detect.PyWorker(r); a.Mode == detect.ModeNotSupported {
		return 0, a.NotSupported
	}
	resolved, opts, err := workers.Validate(url, options, r.BaseURL)
	if err != nil {
		return 0, err
	}
	handle, err := bindings.WorkerSpawn(resolved, toWorkerOptions(opts))
	if err != nil {
		// The host's own text ("404", a refused URL) says what failed, not where.
		return 0, wrap.With("pyscript.PyWorker: ", err)
	}
	return handle, nil
}

func (c *contextExports) targets() *target.Resolver {
	if c.resolver == nil {
		c.resolver = target.NewResolver(hostDOM{}, c.scriptType())
	}
	return c.resolver
}

// CurrentTarget is current_target().
func (c *contextExports) CurrentTarget() (string, error) {
	return c.targets().CurrentTarget(c.env())
}

// DisplayTarget resolves display()'s target to an element handle.
func (c *contextExports) DisplayTarget(t cabi.Option[string]) (uint32, error) {
	return c.targets().DisplayTarget(c.env(), t.Value, t.Some)
}

// PageScript reads a tag of the page as PyScript runs it; the Reader
// keeps the worker-id counter, so one context reads a page's tags.
func (c *contextExports) PageScript(element uint32) (wittypes.ScriptTag, error) {
	if c.scripts == nil {
		c.scripts = pagescript.NewReader(hostDOM{}, bindings.EnvironmentWarn)
	}
	s, err := c.scripts.Read(element, c.env().BaseURL)
	if err != nil {
		return wittypes.ScriptTag{}, err
	}
	return toPageScript(s), nil
}

// configBase is what the config's relative URLs resolve against: the
// config file's URL, or the base URL for an inline config (spec §3.8).
func (c *contextExports) configBase() string {
	if url := c.config().url; url != "" {
		return url
	}
	return c.env().BaseURL
}

// JSModules is the js_modules table of this realm.
func (c *contextExports) JSModules() ([]wittypes.JSModule, error) {
	cfg := c.config()
	if cfg.err != nil {
		return nil, cfg.err
	}
	entries, err := modules.Table(cfg.values, c.configBase(), c.env())
	return toModules(entries), err
}

// Files lists the config's files, resolved.
func (c *contextExports) Files() ([]wittypes.FileEntry, error) {
	cfg := c.config()
	if cfg.err != nil {
		return nil, cfg.err
	}
	entries, err := files.Resolve(cfg.values, c.configBase())
	out := make([]wittypes.FileEntry, len(entries))
	for i, e := range entries {
		out[i] = wittypes.FileEntry{URL: e.URL, Path: e.Path}
	}
	return out, err
}

// reachable refuses window and document where they are NotSupported; other
// handles came from them, so they are reachable already.
func (c *contextExports) reachable(handle uint32) error {
	var a detect.Access
	switch handle {
	case jsval.WindowHandle:
		a = detect.Window(c.env())
	case jsval.DocumentHandle:
		a = detect.Document(c.env())
	default:
		return nil
	}
	if a.Mode == detect.ModeNotSupported {
		return a.NotSupported
	}
	return nil
}

// Get reads a property of a host object, unless it is a NotSupported one.
func (c *contextExports) Get(handle uint32, name string) (wittypes.Value, error) {
	if err := c.reachable(handle); err != nil {
		return wittypes.Value{}, err
	}
	return bindings.WindowGet(handle, name)
}

// Set writes a property of a host object, unless it is a NotSupported one.
func (c *contextExports) Set(handle uint32, name string, value wittypes.Value) error {
	if err := c.reachable(handle); err != nil {
		return err
	}
	return bindings.WindowSet(handle, name, value)
}

// Call calls a method of a host object, unless it is a NotSupported one.
func (c *contextExports) Call(handle uint32, method string, args []wittypes.Value) (wittypes.Value, error) {
	if err := c.reachable(handle); err != nil {
		return wittypes.Value{}, err
	}
	return bindings.WindowCall(handle, method, args)
}
