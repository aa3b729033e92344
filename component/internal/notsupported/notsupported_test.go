package notsupported

import (
	"errors"
	"testing"
)

func TestValues(t *testing.T) {
	tests := []struct {
		id      string
		v       Value
		name    string
		message string
		repr    string
	}{
		{"C80", Value{"test_feature", "Feature not available"}, "test_feature", "Feature not available",
			"<NotSupported test_feature [Feature not available]>"},
		{"C81 C83", Value{"x", "This is not supported."}, "x", "This is not supported.", "<NotSupported x [This is not supported.]>"},
		{"C46 C47", Sync, "pyscript.sync", "pyscript.sync works only when running in a worker",
			"<NotSupported pyscript.sync [pyscript.sync works only when running in a worker]>"},
		{"C66 C68", PyWorker, "pyscript.PyWorker", "pyscript.PyWorker works only when running in the main thread",
			"<NotSupported pyscript.PyWorker [pyscript.PyWorker works only when running in the main thread]>"},
		{"C38", Window(SABMessage), "pyscript.window", SABMessage, "<NotSupported pyscript.window [" + SABMessage + "]>"},
		{"C39", Document(SABMessage), "pyscript.document", SABMessage, "<NotSupported pyscript.document [" + SABMessage + "]>"},
		{"C45", JSImport(SABMessage), "pyscript.js_import", SABMessage, "<NotSupported pyscript.js_import [" + SABMessage + "]>"},
	}
	for _, tc := range tests {
		if tc.v.Name != tc.name || tc.v.Message != tc.message {
			t.Errorf("%s: %+v, want name %q message %q", tc.id, tc.v, tc.name, tc.message)
		}
		if got := tc.v.String(); got != tc.repr {
			t.Errorf("%s: String() = %q, want %q", tc.id, got, tc.repr)
		}
		var err error = tc.v
		var ns Value
		if err.Error() != tc.message || !errors.As(err, &ns) || ns != tc.v {
			t.Errorf("%s: as an error: %q", tc.id, err.Error())
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
