// Package detect turns the host's environment report into what each name
// of the context is: RUNNING_IN_WORKER, and whether window, document and
// sync are direct, proxied, async-only or NotSupported (spec §2, §4, §5).
package detect

import "github.com/execctx/execctx/component/internal/notsupported"

// Runtime is the kind of JS runtime; the order matches the WIT enum.
type Runtime uint8

// The runtimes a host can report.
const (
	RuntimeBrowser Runtime = iota
	RuntimeNode
	RuntimeDeno
	RuntimeOther
)

// String returns the runtime's name as messages use it.
func (r Runtime) String() string {
	switch r {
	case RuntimeBrowser:
		return "browser"
	case RuntimeNode:
		return "node"
	case RuntimeDeno:
		return "deno"
	}
	return "other"
}

// Report is what the host says about the realm; the fields follow the
// WIT environment report.
type Report struct {
	InWorker bool // a Web Worker or a worker_threads thread
	// HasDocument: a DOM document is reachable, locally on the main thread
	// or, for a worker, on its main thread through a proxy.
	HasDocument bool
	// SyncUsable: SharedArrayBuffer and Atomics (or a service worker) can
	// carry a worker's synchronous calls to main.
	SyncUsable  bool
	Runtime     Runtime
	Interpreter string // "micropython", "pyodide" or ""
	BaseURL     string // absolute; relative URLs resolve against it

	// WorkerScriptID is the id of a worker's <script> element on main;
	// HasWorkerScript is false for a worker made by PyWorker.
	WorkerScriptID  string
	HasWorkerScript bool
}

// Mode is what a name is in this context.
type Mode uint8

// The modes of window, document and sync.
const (
	ModeDirect       Mode = iota // the realm's own object (main thread)
	ModeProxied                  // a synchronous proxy of main's object
	ModeAsyncOnly                // calls work but return promises (sync without SAB)
	ModeNotSupported             // every use fails with Access.NotSupported
)

// Access is a name's mode, with its NotSupported value when it has one.
type Access struct {
	Mode         Mode
	NotSupported notsupported.Value
}

// RunningInWorker is RUNNING_IN_WORKER, and it is the host's word: only a
// Web Worker or a worker_threads thread is a worker. PyScript says
// "worker" whenever globalThis has no document (spec §2.1), which makes a
// Node or Deno main thread a worker (C06); here it is a main thread
// without a DOM, whose window and document are NotSupported instead.
func RunningInWorker(r Report) bool { return r.InWorker }

// Window is what pyscript.window is.
func Window(r Report) Access { return domAccess(r, notsupported.Window) }

// Document is what pyscript.document is.
func Document(r Report) Access { return domAccess(r, notsupported.Document) }

// domAccess is the rule shared by window and document: in a worker the
// SharedArrayBuffer problem comes first, since without synchronous calls
// there is no proxy to ask whether main has a DOM.
func domAccess(r Report, ns func(string) notsupported.Value) Access {
	switch {
	case r.InWorker && !r.SyncUsable:
		return Access{Mode: ModeNotSupported, NotSupported: ns(notsupported.SABMessage)}
	case !r.HasDocument:
		return Access{Mode: ModeNotSupported, NotSupported: ns(notsupported.NoDOMMessage(r.Runtime.String()))}
	case r.InWorker:
		return Access{Mode: ModeProxied}
	}
	return Access{Mode: ModeDirect}
}

// Sync is what pyscript.sync is: a blocking proxy in a worker that can
// wait on main, promises in one that cannot, NotSupported on main.
func Sync(r Report) Access {
	switch {
	case !r.InWorker:
		return Access{Mode: ModeNotSupported, NotSupported: notsupported.Sync}
	case r.SyncUsable:
		return Access{Mode: ModeProxied}
	}
	return Access{Mode: ModeAsyncOnly}
}

// ShouldWarn says whether to print the SharedArrayBuffer warning: in a
// worker that cannot proxy window, unless sync_main_only is truthy.
// config is called only in such a worker, because loading the config may
// fetch it: reading window on the main thread must not.
func ShouldWarn(r Report, config func() map[string]any) bool {
	if !r.InWorker || r.SyncUsable {
		return false
	}
	return !Truthy(config()["sync_main_only"])
}

// Truthy is Python's truthiness of a JSON value, which the original
// applies to sync_main_only: nil, false, 0, "", [] and {} are false and
// everything else is true, so the string "false" is true (spec §4.2).
// Go integers count like JSON numbers, for configs built in Go.
func Truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case float64:
		return v != 0 // NaN is true in Python too
	case int:
		return v != 0
	case int64:
		return v != 0
	case string:
		return v != ""
	case []any:
		return len(v) > 0
	case map[string]any:
		return len(v) > 0
	}
	return true
}
