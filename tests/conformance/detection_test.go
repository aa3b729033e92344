package conformance

import (
	"testing"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

func TestRunningInWorker(t *testing.T) {
	node := func(inWorker bool) *hostmock.Hosts {
		h := hostmock.Main(hostmock.NewPage(), "pyodide")
		h.Env.Report.HasDocument = false
		h.Env.Report.Runtime = host.RuntimeKindNode
		h.Env.Report.InWorker = inWorker
		return h
	}
	tests := []struct {
		id    string
		hosts *hostmock.Hosts
		want  bool
	}{
		{"C01 browser main thread", hostmock.Main(hostmock.NewPage(), "micropython"), false},
		{"C02 worker with SharedArrayBuffer", hostmock.Worker(hostmock.NewPage(), "micropython", true), true},
		{"C04 worker without SharedArrayBuffer", hostmock.Worker(hostmock.NewPage(), "pyodide", false), true},
		// C06 differs on purpose: a Node main thread has no document but is not a worker.
		{"C06 node main thread (execctx rule)", node(false), false},
		{"C06 node worker_threads", node(true), true},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := newContext(t, tc.hosts).RunningInWorker(ctx)
			if err != nil || got != tc.want {
				t.Fatalf("RunningInWorker = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}
