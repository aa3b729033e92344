package detect

import (
	"math"
	"testing"

	"github.com/execctx/execctx/component/internal/notsupported"
)

var (
	browserMain = Report{HasDocument: true, SyncUsable: true, Runtime: RuntimeBrowser}
	workerSAB   = Report{InWorker: true, MainChannel: true, HasDocument: true, SyncUsable: true, Runtime: RuntimeBrowser}
	workerNoSAB = Report{InWorker: true, MainChannel: true, HasDocument: true, Runtime: RuntimeBrowser}
	nodeMain    = Report{SyncUsable: true, Runtime: RuntimeNode}
	nodeWorker  = Report{InWorker: true, MainChannel: true, SyncUsable: true, Runtime: RuntimeNode}
	denoMain    = Report{Runtime: RuntimeDeno}
	shimMain    = Report{HasDocument: true, Runtime: RuntimeNode}
	otherWorker = Report{InWorker: true, MainChannel: true, Runtime: RuntimeOther}
	// Workers that other code started: no channel to a main thread,
	// whatever else the realm has (Node has SharedArrayBuffer).
	nodeForeign    = Report{InWorker: true, SyncUsable: true, Runtime: RuntimeNode}
	browserForeign = Report{InWorker: true, Runtime: RuntimeBrowser}
)

var noChannel = notsupported.NoChannelMessage(notsupported.WindowOrDocument)

func TestAccess(t *testing.T) {
	tests := []struct {
		id                 string
		r                  Report
		worker             bool
		window, sync       Mode
		windowMsg, syncMsg string
	}{
		{id: "C01 C34 C37", r: browserMain, window: ModeDirect, sync: ModeNotSupported, syncMsg: notsupported.Sync.Message},
		{id: "C02 C35", r: workerSAB, worker: true, window: ModeProxied, sync: ModeProxied},
		{id: "C04 C38 C39 C54", r: workerNoSAB, worker: true, window: ModeNotSupported, windowMsg: notsupported.SABMessage, sync: ModeAsyncOnly},
		{id: "C06 node main is not a worker", r: nodeMain, window: ModeNotSupported, windowMsg: notsupported.NoDOMMessage("node"),
			sync: ModeNotSupported, syncMsg: notsupported.Sync.Message},
		{id: "C06 deno main", r: denoMain, window: ModeNotSupported, windowMsg: notsupported.NoDOMMessage("deno"),
			sync: ModeNotSupported, syncMsg: notsupported.Sync.Message},
		{id: "C07 DOM shim on node", r: shimMain, window: ModeDirect, sync: ModeNotSupported, syncMsg: notsupported.Sync.Message},
		{id: "node worker, main has no DOM", r: nodeWorker, worker: true, window: ModeNotSupported, windowMsg: notsupported.NoDOMMessage("node"), sync: ModeProxied},
		{id: "no SAB comes before no DOM", r: otherWorker, worker: true, window: ModeNotSupported, windowMsg: notsupported.SABMessage, sync: ModeAsyncOnly},
		{id: "node worker without a channel: the channel is the reason, not SAB or the DOM", r: nodeForeign, worker: true,
			window: ModeNotSupported, windowMsg: noChannel, sync: ModeNotSupported, syncMsg: notsupported.SyncNoChannel.Message},
		{id: "browser worker without a channel: the channel comes before SAB", r: browserForeign, worker: true,
			window: ModeNotSupported, windowMsg: noChannel, sync: ModeNotSupported, syncMsg: notsupported.SyncNoChannel.Message},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			if got := RunningInWorker(tc.r); got != tc.worker {
				t.Errorf("RunningInWorker = %v", got)
			}
			for _, a := range []struct {
				name string
				got  Access
			}{{"pyscript.window", Window(tc.r)}, {"pyscript.document", Document(tc.r)}} {
				want := Access{Mode: tc.window}
				if tc.windowMsg != "" {
					want.NotSupported = notsupported.Value{Name: a.name, Message: tc.windowMsg}
				}
				if a.got != want {
					t.Errorf("%s = %+v, want %+v", a.name, a.got, want)
				}
			}
			want := Access{Mode: tc.sync}
			if tc.syncMsg != "" {
				want.NotSupported = notsupported.Value{Name: "pyscript.sync", Message: tc.syncMsg}
			}
			if s := Sync(tc.r); s != want {
				t.Errorf("sync = %+v, want %+v", s, want)
			}
		})
	}
}

func TestJSImportAndPyWorker(t *testing.T) {
	direct := Access{Mode: ModeDirect}
	proxied := Access{Mode: ModeProxied}
	jsImport := func(msg string) Access { return notSupported(notsupported.JSImport(msg)) }
	noPyWorker := notSupported(notsupported.PyWorker)
	tests := []struct {
		id                 string
		r                  Report
		jsImport, pyWorker Access
	}{
		{"C63 main imports in its own realm, and starts workers", browserMain, direct, direct},
		{"C06 a node main thread too", nodeMain, direct, direct},
		{"C44 C66 worker with SAB imports on main", workerSAB, proxied, noPyWorker},
		{"C45 C66 worker without SAB", workerNoSAB, jsImport(notsupported.SABMessage), noPyWorker},
		{"node worker: main's DOM does not matter", nodeWorker, proxied, noPyWorker},
		{"node worker without a channel", nodeForeign, jsImport(notsupported.NoChannelMessage("`js_import`")), noPyWorker},
		{"browser worker without a channel", browserForeign, jsImport(notsupported.NoChannelMessage("`js_import`")), noPyWorker},
	}
	for _, tc := range tests {
		if got := JSImport(tc.r); got != tc.jsImport {
			t.Errorf("%s: JSImport = %+v, want %+v", tc.id, got, tc.jsImport)
		}
		if got := PyWorker(tc.r); got != tc.pyWorker {
			t.Errorf("%s: PyWorker = %+v, want %+v", tc.id, got, tc.pyWorker)
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
		{"C41 one", workerNoSAB, map[string]any{"sync_main_only": 1.0}, false},
		{"C41 zero is falsy", workerNoSAB, map[string]any{"sync_main_only": 0.0}, true},
		{"C41 false", workerNoSAB, map[string]any{"sync_main_only": false}, true},
		{"C41 empty string", workerNoSAB, map[string]any{"sync_main_only": ""}, true},
		{"C41 null", workerNoSAB, map[string]any{"sync_main_only": nil}, true},
		{"C42 no config", workerNoSAB, nil, true},
		{"SAB usable", workerSAB, nil, false},
		{"main thread", browserMain, nil, false},
		{"node main", nodeMain, nil, false},
		{"no channel: SAB is not the reason", nodeForeign, nil, false},
		{"no channel and no SAB: the channel is the reason", browserForeign, nil, false},
	}
	for _, tc := range tests {
		loaded := false
		config := func() map[string]any { loaded = true; return tc.config }
		if got := ShouldWarn(tc.r, config); got != tc.want {
			t.Errorf("%s: ShouldWarn = %v, want %v", tc.id, got, tc.want)
		}
		// Only a worker that lacks SharedArrayBuffer needs the config.
		if needed := tc.r.InWorker && tc.r.MainChannel && !tc.r.SyncUsable; loaded != needed {
			t.Errorf("%s: config loaded = %v, want %v", tc.id, loaded, needed)
		}
	}
}

func TestTruthy(t *testing.T) {
	tests := []struct {
		v    any
		want bool
	}{
		{nil, false}, {false, false}, {true, true},
		{0.0, false}, {math.Copysign(0, -1), false}, {1.5, true}, {-1.0, true}, {math.NaN(), true},
		{0, false}, {2, true}, {int64(0), false}, {int64(-3), true},
		{"", false}, {"no", true}, {"false", true}, {"0", true},
		{[]any{}, false}, {[]any{nil}, true},
		{map[string]any{}, false}, {map[string]any{"a": 1.0}, true},
		{struct{}{}, true},
	}
	for _, tc := range tests {
		if got := Truthy(tc.v); got != tc.want {
			t.Errorf("Truthy(%#v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestRuntimeNames(t *testing.T) {
	tests := []struct {
		r    Runtime
		want string
	}{{RuntimeBrowser, "browser"}, {RuntimeNode, "node"}, {RuntimeDeno, "deno"}, {RuntimeOther, "other"}, {Runtime(9), "other"}}
	for _, tc := range tests {
		if got := tc.r.String(); got != tc.want {
			t.Errorf("Runtime(%d).String() = %q, want %q", tc.r, got, tc.want)
		}
	}
}
