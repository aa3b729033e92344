package conformance

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
)

// TestGCStressStringsCrossIntact sends many host-allocated strings into the
// guest in one call and many guest strings back, repeatedly. Against the
// gctorture build (make test-torture) every cabi_realloc collects garbage
// first, so a buffer that is not pinned until it is lifted gets freed and
// reused, and the texts below stop being identical.
func TestGCStressStringsCrossIntact(t *testing.T) {
	modules := map[string]string{}
	for i := range 40 {
		modules[fmt.Sprintf("./m%02d_%s.js", i, strings.Repeat("x", i))] = fmt.Sprintf("module_%02d", i)
	}
	cfg, _ := json.Marshal(map[string]any{"js_modules": map[string]any{"main": modules}})
	sources := make([]api.ConfigSource, 30)
	for i := range sources {
		sources[i] = hostmock.AttributeConfig(string(cfg)) // identical, or the guest reports PY0409
	}
	for round := range 20 {
		h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
		h.Env.Sources = sources
		c := newContext(t, h)
		got, err := c.JSModules(ctx)
		require.NoError(t, err, "round %d", round)
		names := map[string]string{}
		for _, m := range got {
			names["./"+strings.TrimPrefix(m.URL, base)] = m.Name
		}
		require.Len(t, got, len(modules), "round %d", round)
		require.Equal(t, modules, names, "round %d: names by path", round)
	}
}
