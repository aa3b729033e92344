package conformance

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
	"github.com/execctx/execctx/tests/internal/jcohost"
)

// known lists, per engine, the cases where that engine answers
// differently from wazero because of a bug not yet fixed: the case is
// skipped under that engine (and left out of the comparison), and a test
// of its own pins the bug, so that a fix makes it fail and the entry is
// removed. It is empty: keep it so, and fix the bug instead where you can.
var known = map[string]map[string]string{}

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

// TestLargeLoweringsStayInTheInstance: a host lowering megabytes into a
// fresh instance makes the guest's cabi_realloc allocate that much. The
// Canonical ABI forbids calling an import from inside realloc, and
// Wasmtime traps if one is ("cannot leave component instance"). Go's
// collector reads the clock through WASI when it starts, so the guest
// collects only when an export call begins (guestabi/collect.go), never
// inside realloc. Under Wasmtime this failed before that; every engine
// runs it, and must answer as wazero does.
func TestLargeLoweringsStayInTheInstance(t *testing.T) {
	for _, size := range []int{180 << 10, 900 << 10, 2 << 20, 8 << 20} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
			h.Env.Sources = []api.ConfigSource{hostmock.AttributeConfig("./big.json")}
			h.Fetch.Files[base+"big.json"] = `{"a": "` + strings.Repeat("é", size/2) + `"}`
			cfg, err := newContext(t, h).Config(ctx)
			if size+9 > 1<<20 {
				require.ErrorContains(t, err, "execctx limits a config to 1048576 bytes")
				return
			}
			require.NoError(t, err)
			require.Contains(t, cfg, strings.Repeat("é", 1000))
		})
	}
}
