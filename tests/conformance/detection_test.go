package conformance

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/host/hostmock"
)

func TestRunningInWorker(t *testing.T) {
	nodeWorker := nodeMain(false)
	nodeWorker.Env.Report.InWorker = true
	tests := []struct {
		id    string
		hosts *hostmock.Hosts
		want  bool
	}{
		{"C01 browser main thread", hostmock.MainHosts(hostmock.NewPage(), "micropython"), false},
		{"C02 worker with SharedArrayBuffer", hostmock.WorkerHosts(hostmock.NewPage(), "micropython", true), true},
		{"C04 worker without SharedArrayBuffer", hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", false), true},
		// C06 differs on purpose: a Node main thread has no document but is not a worker.
		{"C06 node main thread (execctx rule)", nodeMain(false), false},
		{"C06 node worker_threads", nodeWorker, true},
		// The host reports the thread; a shim's document changes nothing.
		{"C07 node main thread with a DOM shim", nodeMain(true), false},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := newContext(t, tc.hosts).RunningInWorker(ctx)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "RUNNING_IN_WORKER")
		})
	}
}
