package jcohost_test

import (
	"context"
	"testing"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
	"github.com/execctx/execctx/tests/internal/jcohost"
)

// TestBridge checks the bridge itself: values both ways, a result's error,
// an import's error, and host.ErrBusy on re-entry. The conformance and
// differential suites use it for everything else.
func TestBridge(t *testing.T) {
	rt, absent, err := jcohost.Optional(jcohost.Options{})
	if absent != nil {
		t.Skipf("%v: the bridge needs node and npm/dist (make npm)", absent)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	ctx := context.Background()
	h := hostmock.MainHosts(hostmock.NewPage(), "micropython")
	h.Env.Sources = []api.ConfigSource{hostmock.TagConfig("a = 123\nb = \"x\"", api.ConfigFormatTOML)}
	c, err := rt.NewContext(ctx, h.Imports())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if got, err := c.Config(ctx); err != nil || got != `{"a":123,"b":"x","type":"mpy"}` {
		t.Fatalf("Config = %s, %v", got, err)
	}
	if err := c.Set(ctx, 1, "title", api.Value{Kind: api.ValueText, Text: "t"}); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Get(ctx, 1, "title"); err != nil || got != (api.Value{Kind: api.ValueText, Text: "t"}) {
		t.Fatalf("Get = %+v, %v", got, err)
	}
	if _, err := c.JSImport(ctx, []string{"javascript:alert(1)"}); err == nil {
		t.Fatal("a javascript: URL was accepted")
	}
}
