package notsupported

import "testing"

func TestValues(t *testing.T) {
	tests := []struct {
		id         string
		v          Value
		name, repr string
	}{
		{"C80", Value{"test_feature", "Feature not available"}, "test_feature", "<NotSupported test_feature [Feature not available]>"},
		{"C46", Sync, "pyscript.sync", "<NotSupported pyscript.sync [pyscript.sync works only when running in a worker]>"},
		{"C66", PyWorker, "pyscript.PyWorker", "<NotSupported pyscript.PyWorker [pyscript.PyWorker works only when running in the main thread]>"},
		{"C38", Window(SABMessage), "pyscript.window", "<NotSupported pyscript.window [" + SABMessage + "]>"},
		{"C39", Document(SABMessage), "pyscript.document", "<NotSupported pyscript.document [" + SABMessage + "]>"},
	}
	for _, tc := range tests {
		if tc.v.Name != tc.name || tc.v.String() != tc.repr || tc.v.Error() != tc.v.Message {
			t.Errorf("%s: %+v repr %q", tc.id, tc.v, tc.v.String())
		}
	}
}

func TestNoDOMMessageNamesTheRuntime(t *testing.T) {
	if got := NoDOMMessage("node"); got != "Unable to use `window` or `document`: the node runtime has no DOM. Run in a browser, or give the host a DOM." {
		t.Fatalf("NoDOMMessage(node) = %q", got)
	}
}
