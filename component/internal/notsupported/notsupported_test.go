package notsupported

import (
	"errors"
	"fmt"
	"testing"
)

// TestPyScriptValues: the package's values carry the spec's names and
// messages (spec §1.1, §8).
func TestPyScriptValues(t *testing.T) {
	tests := []struct {
		id            string
		got           Value
		name, message string
	}{
		{"C46 C47", Sync, "pyscript.sync", "pyscript.sync works only when running in a worker"},
		{"C66 C68", PyWorker, "pyscript.PyWorker", "pyscript.PyWorker works only when running in the main thread"},
		{"C38", Window(SABMessage), "pyscript.window", SABMessage},
		{"C39", Document(SABMessage), "pyscript.document", SABMessage},
		{"C45", JSImport(SABMessage), "pyscript.js_import", SABMessage},
		{"window takes its message", Window("m"), "pyscript.window", "m"},
		// execctx's own: a worker that execctx did not start.
		{"window without a channel", Window(NoChannelMessage(WindowOrDocument)), "pyscript.window",
			"Unable to use `window` or `document` in worker. This worker has no channel to a main thread: only workers started by PyWorker have one."},
		{"sync without a channel", SyncNoChannel, "pyscript.sync",
			"Unable to use `sync` in worker. This worker has no channel to a main thread: only workers started by PyWorker have one."},
		{"js_import without a channel", JSImport(NoChannelMessage("`js_import`")), "pyscript.js_import",
			"Unable to use `js_import` in worker. This worker has no channel to a main thread: only workers started by PyWorker have one."},
	}
	for _, tc := range tests {
		if tc.got.Name != tc.name || tc.got.Message != tc.message {
			t.Errorf("%s: %+v, want name %q message %q", tc.id, tc.got, tc.name, tc.message)
		}
	}
}

// TestBehaviour: a Value's repr, and its use as an error whose text is
// the message alone, as the original's AttributeError and TypeError.
func TestBehaviour(t *testing.T) {
	tests := []struct {
		id   string
		v    Value
		repr string
	}{
		{"C80", Value{"test_feature", "Feature not available"}, "<NotSupported test_feature [Feature not available]>"},
		{"C81 C83", Value{"x", "This is not supported."}, "<NotSupported x [This is not supported.]>"},
		{"C38 repr of window", Window(SABMessage), "<NotSupported pyscript.window [" + SABMessage + "]>"},
		{"C46 repr of sync", Sync, "<NotSupported pyscript.sync [pyscript.sync works only when running in a worker]>"},
		{"empty fields", Value{}, "<NotSupported  []>"},
	}
	for _, tc := range tests {
		if got := tc.v.String(); got != tc.repr {
			t.Errorf("%s: String() = %q, want %q", tc.id, got, tc.repr)
		}
		if got := fmt.Sprint(tc.v); got != tc.v.Message {
			t.Errorf("%s: printed as %q; an error prints its message, %q", tc.id, got, tc.v.Message)
		}
		wrapped := fmt.Errorf("context: %w", tc.v)
		var ns Value
		if !errors.As(wrapped, &ns) || ns != tc.v || wrapped.Error() != "context: "+tc.v.Message {
			t.Errorf("%s: wrapped as %q, unwrapped to %+v", tc.id, wrapped.Error(), ns)
		}
	}
}

func TestSABMessageIsPyScripts(t *testing.T) {
	const want = "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer"
	if SABMessage != want {
		t.Fatalf("SABMessage = %q", SABMessage)
	}
}

func TestNoDOMMessage(t *testing.T) {
	tests := []struct{ runtime, want string }{
		{"node", "Unable to use `window` or `document`: the node runtime has no DOM. Run in a browser, or give the host a DOM."},
		{"deno", "Unable to use `window` or `document`: the deno runtime has no DOM. Run in a browser, or give the host a DOM."},
		{"other", "Unable to use `window` or `document`: the other runtime has no DOM. Run in a browser, or give the host a DOM."},
	}
	for _, tc := range tests {
		if got := NoDOMMessage(tc.runtime); got != tc.want {
			t.Errorf("NoDOMMessage(%q) = %q", tc.runtime, got)
		}
	}
}
