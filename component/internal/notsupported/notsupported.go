// Package notsupported holds PyScript's NotSupported values: a name and
// the exact message any use of that name fails with (spec §8).
package notsupported

// Value is a feature that does not work in this context. It is an error
// whose text is the message, as the original's AttributeError and
// TypeError carry it.
type Value struct {
	Name    string
	Message string
}

// Error returns the message.
func (v Value) Error() string { return v.Message }

// String returns the original's repr.
func (v Value) String() string { return "<NotSupported " + v.Name + " [" + v.Message + "]>" }

// SABMessage is the message of window and document in a worker that cannot
// make synchronous calls to the main thread.
const SABMessage = "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer"

// NoChannelReason is why window, document, sync and js_import fail in a
// worker that has no channel to a main thread: one execctx did not start
// (a worker_threads Worker or Web Worker made by other code). PyScript's
// workers always had one, so this message is execctx's own.
const NoChannelReason = "This worker has no channel to a main thread: only workers started by PyWorker have one."

// NoChannelMessage is the message of names (such as "`sync`") in a worker
// without a channel to a main thread.
func NoChannelMessage(names string) string {
	return "Unable to use " + names + " in worker. " + NoChannelReason
}

// WindowOrDocument is how the messages of window and document name them.
const WindowOrDocument = "`window` or `document`"

// Sync is pyscript.sync on the main thread.
var Sync = Value{Name: "pyscript.sync", Message: "pyscript.sync works only when running in a worker"}

// PyWorker is pyscript.PyWorker in a worker.
var PyWorker = Value{Name: "pyscript.PyWorker", Message: "pyscript.PyWorker works only when running in the main thread"}

// Window is pyscript.window where it cannot work.
func Window(message string) Value { return Value{Name: "pyscript.window", Message: message} }

// Document is pyscript.document where it cannot work.
func Document(message string) Value { return Value{Name: "pyscript.document", Message: message} }

// SyncNoChannel is pyscript.sync in a worker without a channel to a main
// thread.
var SyncNoChannel = Value{Name: "pyscript.sync", Message: NoChannelMessage("`sync`")}

// JSImport is pyscript.js_import in a worker that cannot import on main.
// The original set it to None without SharedArrayBuffer; a NotSupported
// says why.
func JSImport(message string) Value { return Value{Name: "pyscript.js_import", Message: message} }

// NoDOMMessage explains that a runtime without a DOM (Node, Deno) has no
// window or document, on the main thread or through a worker's proxy.
func NoDOMMessage(runtime string) string {
	return "Unable to use `window` or `document`: the " + runtime +
		" runtime has no DOM. Run in a browser, or give the host a DOM."
}
