//go:build wasip1

package main

import (
	"github.com/execctx/execctx/component/internal/bindings"
	"github.com/execctx/execctx/component/internal/config"
	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/jsval"
	"github.com/execctx/execctx/component/internal/modules"
	"github.com/execctx/execctx/component/internal/pagescript"
	"github.com/execctx/execctx/component/internal/workers"
	"github.com/execctx/execctx/internal/cabi"
	"github.com/execctx/execctx/internal/wittypes"
)

// Conversions between the generated WIT types and the logic packages'
// own types (enums.go converts the enums). The logic packages never see
// the bindings, so they build and test natively.

func toReport(r wittypes.Report) detect.Report {
	return detect.Report{
		InWorker: r.InWorker, MainChannel: r.MainChannel, HasDocument: r.HasDocument, SyncUsable: r.SyncUsable,
		Runtime:     toRuntime(r.Runtime),
		Interpreter: r.Interpreter, BaseURL: r.BaseURL,
		WorkerScriptID: r.WorkerScriptID.Value, HasWorkerScript: r.WorkerScriptID.Some,
	}
}

func toSources(in []wittypes.ConfigSource) []config.Source {
	out := make([]config.Source, len(in))
	for i, s := range in {
		out[i] = config.Source{Origin: toOrigin(s.Origin), Text: s.Text, Format: toFormat(s.Format)}
	}
	return out
}

func toAccess(a detect.Access) wittypes.Access {
	switch a.Mode {
	case detect.ModeDirect:
		return wittypes.Access{Kind: wittypes.AccessDirect}
	case detect.ModeProxied:
		return wittypes.Access{Kind: wittypes.AccessProxied}
	case detect.ModeAsyncOnly:
		return wittypes.Access{Kind: wittypes.AccessAsyncOnly}
	}
	ns := wittypes.NotSupported{Name: a.NotSupported.Name, Message: a.NotSupported.Message}
	return wittypes.Access{Kind: wittypes.AccessNotSupported, NotSupported: ns}
}

func toPageScript(s pagescript.Script) wittypes.ScriptTag {
	opt := func(v string, ok bool) cabi.Option[string] { return cabi.Option[string]{Some: ok, Value: v} }
	return wittypes.ScriptTag{
		ScriptType: s.Type, Worker: s.Worker, ID: s.ID,
		Src: opt(s.Src, s.HasSrc), Code: s.Code, RunAsync: s.Async,
		Name: opt(s.Name, s.HasName), Config: opt(s.Config, s.HasConfig),
		ServiceWorker: opt(s.ServiceWorker, s.HasServiceWorker),
	}
}

func toWorkerOptions(o workers.Options) wittypes.WorkerOptions {
	opt := func(s string, ok bool) cabi.Option[string] { return cabi.Option[string]{Some: ok, Value: s} }
	return wittypes.WorkerOptions{
		Interpreter:   workerTypes[o.Interpreter],
		Config:        toWorkerConfig(o),
		RunAsync:      o.Async,
		Name:          opt(o.Name, o.HasName),
		ServiceWorker: opt(o.ServiceWorker, o.HasServiceWorker),
		ScriptID:      opt(o.ScriptID, o.HasScriptID),
	}
}

var workerTypes = map[string]wittypes.WorkerType{
	"micropython": wittypes.WorkerTypeMicropython,
	"pyodide":     wittypes.WorkerTypePyodide,
	"module":      wittypes.WorkerTypeModule,
}

func toWorkerConfig(o workers.Options) wittypes.WorkerConfig {
	switch {
	case !o.HasConfig:
		return wittypes.WorkerConfig{Kind: wittypes.WorkerConfigUnset}
	case o.ConfigIsURL:
		return wittypes.WorkerConfig{Kind: wittypes.WorkerConfigURL, URL: o.Config}
	}
	return wittypes.WorkerConfig{Kind: wittypes.WorkerConfigJSON, JSON: o.Config}
}

func toModules(in []modules.Entry) []wittypes.JSModule {
	out := make([]wittypes.JSModule, len(in))
	for i, e := range in {
		out[i] = wittypes.JSModule{Name: e.Name, URL: e.URL, Realm: toModuleRealm(e.Realm), Stylesheet: e.Stylesheet}
	}
	return out
}

func toValue(v jsval.Value) wittypes.Value {
	return wittypes.Value{Kind: toValueKind(v.Kind), Boolean: v.Bool, Number: v.Number, Text: v.Text, Object: v.Object}
}

func fromValue(v wittypes.Value) jsval.Value {
	return jsval.Value{Kind: fromValueKind(v.Kind), Bool: v.Boolean, Number: v.Number, Text: v.Text, Object: v.Object}
}

// hostFetcher fetches config files through the fetch import.
type hostFetcher struct{}

// Fetch fetches url through the host; err only when no response arrived.
func (hostFetcher) Fetch(url string) (config.Response, error) {
	r, err := bindings.FetchFetchText(url)
	if err != nil {
		return config.Response{}, err
	}
	return config.Response{Status: int(r.Status), StatusText: r.StatusText, Body: r.Body}, nil
}

// hostDOM gives the target logic the document and window imports.
type hostDOM struct{}

// GetElementByID is document.getElementById through the host.
func (hostDOM) GetElementByID(id string) (uint32, bool) {
	o := bindings.DocumentGetElementByID(id)
	return o.Value, o.Some
}

// CreateElement makes an element through the host.
func (hostDOM) CreateElement(tag string) (uint32, error) { return bindings.DocumentCreateElement(tag) }

// InsertAfter places el right after ref.
func (hostDOM) InsertAfter(ref, el uint32) error { return bindings.DocumentInsertAfter(ref, el) }

// TagName is el's upper-case tag name.
func (hostDOM) TagName(el uint32) string { return bindings.DocumentTagName(el) }

// ElementID is el's id.
func (hostDOM) ElementID(el uint32) string { return bindings.DocumentElementID(el) }

// SetElementID sets el's id.
func (hostDOM) SetElementID(el uint32, id string) { bindings.DocumentSetElementID(el, id) }

// CurrentScript is the main-thread script running now, if any.
func (hostDOM) CurrentScript() (uint32, bool) {
	o := bindings.DocumentCurrentScript()
	return o.Value, o.Some
}

// Get reads a property of a host object.
func (hostDOM) Get(h uint32, name string) (jsval.Value, error) {
	v, err := bindings.WindowGet(h, name)
	return fromValue(v), err
}

// Set writes a property of a host object.
func (hostDOM) Set(h uint32, name string, v jsval.Value) error {
	return bindings.WindowSet(h, name, toValue(v))
}

// Release drops one reference to a host object.
func (hostDOM) Release(h uint32) { bindings.WindowRelease(h) }

// Call calls a method of a host object.
func (hostDOM) Call(h uint32, method string, args []jsval.Value) (jsval.Value, error) {
	in := make([]wittypes.Value, len(args))
	for i, a := range args {
		in[i] = toValue(a)
	}
	v, err := bindings.WindowCall(h, method, in)
	return fromValue(v), err
}
