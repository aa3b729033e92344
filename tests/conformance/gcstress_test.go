package conformance

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

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
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if len(got) != len(modules) {
			t.Fatalf("round %d: %d modules, want %d", round, len(got), len(modules))
		}
		for _, m := range got {
			path := "./" + strings.TrimPrefix(m.URL, base)
			if modules[path] != m.Name {
				t.Fatalf("round %d: module %q has name %q, want %q", round, m.URL, m.Name, modules[path])
			}
		}
	}
}
