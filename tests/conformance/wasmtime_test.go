package conformance

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
	"github.com/execctx/execctx/tests/internal/jcohost"
)

// known lists, per engine, the cases where that engine answers
// differently from wazero because of a bug not yet fixed: the case is
// skipped under that engine (and left out of the comparison), and a test
// of its own pins the bug, so that a fix makes it fail and the entry is
// removed.
var known = map[string]map[string]string{
	"wasmtime": {
		"TestConfigErrors/a_config_file_over_the_size_limit": "the guest's cabi_realloc can start a Go GC, which " +
			"reads the clock through WASI; the Canonical ABI forbids leaving the instance inside realloc, and " +
			"Wasmtime enforces it (TestWasmtimeReallocLeavesInstance)",
	},
}

// skipKnown skips a case known to differ under the current engine.
func skipKnown(t *testing.T) {
	if reason, ok := known[current.name][t.Name()]; ok {
		t.Skipf("known %s bug: %s", current.name, reason)
	}
}

// startWasmtime starts tests/wasmtime's bridge, or returns nil when
// EXECCTX_WASMTIME_BRIDGE is unset.
func startWasmtime() (*jcohost.Runtime, error) {
	rt, component, err := jcohost.Wasmtime()
	if rt == nil || err != nil {
		return rt, err
	}
	fmt.Println("conformance: wasmtime runs", component)
	for test, reason := range known["wasmtime"] {
		fmt.Printf("conformance: wasmtime skips %s: %s\n", test, reason)
	}
	return rt, nil
}

// TestWasmtimeReallocLeavesInstance pins a guest bug that only Wasmtime
// shows. To lower a host's answer into the guest, the runtime calls the
// guest's cabi_realloc, which allocates on Go's heap; an allocation can
// start a garbage collection, and Go's runtime then reads the clock, a
// WASI import. The Canonical ABI forbids calling an import from inside
// realloc; Wasmtime traps ("cannot leave component instance"), jco and
// wazero (not a Component Model runtime) let it pass. A 2 MB config file
// triggers a collection here; the gctorture build collects in every
// realloc, and under Wasmtime traps on almost every case. When the guest
// no longer calls out of cabi_realloc this test fails: delete it and
// the entry in known.
func TestWasmtimeReallocLeavesInstance(t *testing.T) {
	if current.name != "wasmtime" {
		t.Skip("a Wasmtime bug")
	}
	h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
	h.Env.Sources = []api.ConfigSource{hostmock.AttributeConfig("./big.json")}
	h.Fetch.Files[base+"big.json"] = `{"a": "` + strings.Repeat("x", 2<<20) + `"}`
	_, err := newContext(t, h).Config(ctx)
	require.ErrorIs(t, err, host.ErrTrapped, "Config of a 2 MB config file")
	require.Contains(t, err.Error(), "cannot leave component instance")
	require.Contains(t, err.Error(), "clock_time_get", "the import called from inside cabi_realloc")
}
