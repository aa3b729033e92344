// Package detect turns the host's environment report into what each name
// of the context is: RUNNING_IN_WORKER, and whether window, document,
// sync, js_import and PyWorker are direct, proxied, async-only or
// NotSupported, with the message that says why (spec §2, §4, §5, §6, §7).
// The host reports facts only; every rule and message is here.
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
	// MainChannel: a worker has a channel to the main thread that started
	// it (PyWorker's workers do). A worker that other code started has
	// none: nothing answers its calls to main.
	MainChannel bool
	// HasDocument: a DOM document is reachable, locally on the main thread
	// or, for a worker, on its main thread through a proxy.
	HasDocument bool
	// SyncUsable: a worker's calls to main can block, through SharedArrayBuffer
	// and Atomics or through the service-worker relay (service_worker option).
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

// domAccess is the rule shared by window and document: in a worker the way
// to main comes first, since without synchronous calls to main there is no
// proxy to ask whether main has a DOM.
func domAccess(r Report, ns func(string) notsupported.Value) Access {
	if why := mainUnreachable(r, notsupported.WindowOrDocument); why != "" {
		return notSupported(ns(why))
	}
	switch {
	case !r.HasDocument:
		return notSupported(ns(notsupported.NoDOMMessage(r.Runtime.String())))
	case r.InWorker:
		return Access{Mode: ModeProxied}
	}
	return Access{Mode: ModeDirect}
}

// mainUnreachable says, in a message about names, why a worker cannot make
// synchronous calls to main: it has no channel to main, or no
// SharedArrayBuffer to block on (PyScript's message, which it also used
// for js_import). It is "" where a worker can, and on a main thread.
func mainUnreachable(r Report, names string) string {
	switch {
	case !r.InWorker:
		return ""
	case !r.MainChannel:
		return notsupported.NoChannelMessage(names)
	case !r.SyncUsable:
		return notsupported.SABMessage
	}
	return ""
}

func notSupported(v notsupported.Value) Access {
	return Access{Mode: ModeNotSupported, NotSupported: v}
}

// Sync is what pyscript.sync is: a blocking proxy in a worker that can
// wait on main, promises in one that cannot, NotSupported on main and in
// a worker without a channel to main.
func Sync(r Report) Access {
	switch {
	case !r.InWorker:
		return notSupported(notsupported.Sync)
	case !r.MainChannel:
		return notSupported(notsupported.SyncNoChannel)
	case r.SyncUsable:
		return Access{Mode: ModeProxied}
	}
	return Access{Mode: ModeAsyncOnly}
}

// JSImport is what pyscript.js_import is: direct (it imports in this
// realm) on a main thread; in a worker proxied, since main imports the
// modules and hands them over through the window proxy, so it needs what
// window needs (C44, C45).
func JSImport(r Report) Access {
	if !r.InWorker {
		return Access{Mode: ModeDirect}
	}
	if why := mainUnreachable(r, "`js_import`"); why != "" {
		return notSupported(notsupported.JSImport(why))
	}
	return Access{Mode: ModeProxied}
}

// PyWorker is what pyscript.PyWorker is: direct on a main thread, and
// NotSupported in any worker, with the original's message (C66).
func PyWorker(r Report) Access {
	if r.InWorker {
		return notSupported(notsupported.PyWorker)
	}
	return Access{Mode: ModeDirect}
}

// ShouldWarn says whether to print the SharedArrayBuffer warning: in a
// worker whose window is NotSupported for want of SharedArrayBuffer,
// unless sync_main_only is truthy. A worker without a channel to main is
// not warned: the warning would blame SharedArrayBuffer, which is not the
// reason there. config is called only in a worker that may warn, because
// loading the config may fetch it: reading window on the main thread must
// not.
func ShouldWarn(r Report, config func() map[string]any) bool {
	if mainUnreachable(r, notsupported.WindowOrDocument) != notsupported.SABMessage {
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
