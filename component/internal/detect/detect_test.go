package detect

import (
	"testing"

	"github.com/execctx/execctx/component/internal/notsupported"
)

var (
	browserMain = Report{HasDocument: true, SyncUsable: true, Runtime: RuntimeBrowser}
	workerSAB   = Report{InWorker: true, HasDocument: true, SyncUsable: true, Runtime: RuntimeBrowser}
	workerNoSAB = Report{InWorker: true, HasDocument: true, Runtime: RuntimeBrowser}
	nodeMain    = Report{SyncUsable: true, Runtime: RuntimeNode}
	nodeWorker  = Report{InWorker: true, SyncUsable: true, Runtime: RuntimeNode}
)

func TestAccess(t *testing.T) {
	noDOM := notsupported.NoDOMMessage("node")
	tests := []struct {
		id                 string
		r                  Report
		worker             bool
		window, sync       Mode
		windowMsg, syncMsg string
	}{
		{id: "C01 C34", r: browserMain, window: ModeDirect, sync: ModeNotSupported, syncMsg: notsupported.Sync.Message},
		{id: "C02 C35", r: workerSAB, worker: true, window: ModeProxied, sync: ModeProxied},
		{id: "C04 C38", r: workerNoSAB, worker: true, window: ModeNotSupported, windowMsg: notsupported.SABMessage, sync: ModeAsyncOnly},
		{id: "C06 node main", r: nodeMain, window: ModeNotSupported, windowMsg: noDOM, sync: ModeNotSupported, syncMsg: notsupported.Sync.Message},
		{id: "node worker", r: nodeWorker, worker: true, window: ModeNotSupported, windowMsg: noDOM, sync: ModeProxied},
	}
	for _, tc := range tests {
		if got := RunningInWorker(tc.r); got != tc.worker {
			t.Errorf("%s: RunningInWorker = %v", tc.id, got)
		}
		for _, a := range []struct {
			name string
			got  Access
		}{{"pyscript.window", Window(tc.r)}, {"pyscript.document", Document(tc.r)}} {
			if a.got.Mode != tc.window || a.got.NotSupported.Message != tc.windowMsg ||
				(tc.windowMsg != "" && a.got.NotSupported.Name != a.name) {
				t.Errorf("%s: %s = %+v", tc.id, a.name, a.got)
			}
		}
		if s := Sync(tc.r); s.Mode != tc.sync || s.NotSupported.Message != tc.syncMsg {
			t.Errorf("%s: sync = %+v", tc.id, s)
		}
	}
}

func TestShouldWarn(t *testing.T) {
	tests := []struct {
		id     string
		r      Report
		config map[string]any
		want   bool
	}{
		{"C40", workerNoSAB, map[string]any{}, true},
		{"C41 true", workerNoSAB, map[string]any{"sync_main_only": true}, false},
		{"C41 string false is truthy", workerNoSAB, map[string]any{"sync_main_only": "false"}, false},
		{"C41 zero is falsy", workerNoSAB, map[string]any{"sync_main_only": float64(0)}, true},
		{"nil config", workerNoSAB, nil, true},
		{"SAB usable", workerSAB, nil, false},
		{"main thread", browserMain, nil, false},
	}
	for _, tc := range tests {
		if got := ShouldWarn(tc.r, tc.config); got != tc.want {
			t.Errorf("%s: ShouldWarn = %v, want %v", tc.id, got, tc.want)
		}
	}
}

func TestTruthy(t *testing.T) {
	tests := []struct {
		v    any
		want bool
	}{
		{nil, false}, {false, false}, {true, true}, {float64(0), false}, {1.5, true},
		{"", false}, {"no", true}, {[]any{}, false}, {[]any{1}, true},
		{map[string]any{}, false}, {map[string]any{"a": 1}, true},
	}
	for _, tc := range tests {
		if got := Truthy(tc.v); got != tc.want {
			t.Errorf("Truthy(%#v) = %v", tc.v, got)
		}
	}
}
