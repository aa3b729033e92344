package host_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

// TestCompilationCache: a runtime made with WithCompilationCache fills the
// directory, and a second one made from that cache runs contexts.
func TestCompilationCache(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for round := 1; round <= 2; round++ {
		rt, err := host.NewRuntime(ctx, host.WithCompilationCache(dir))
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		c, err := rt.NewContext(ctx, hostmock.WorkerHosts(hostmock.NewPage(), "micropython", true).Imports())
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		got, err := c.RunningInWorker(ctx)
		if err != nil || !got {
			t.Fatalf("round %d: RunningInWorker = %v, %v; want true", round, got, err)
		}
		if err := rt.Close(ctx); err != nil {
			t.Fatal(err)
		}
		if entries, err := os.ReadDir(dir); err != nil || len(entries) == 0 {
			t.Fatalf("round %d: cache directory has %d entries, %v", round, len(entries), err)
		}
	}
}

func TestCompilationCacheBadDir(t *testing.T) {
	file := t.TempDir() + "/file"
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := host.NewRuntime(context.Background(), host.WithCompilationCache(file))
	if err == nil || !strings.HasPrefix(err.Error(), "compilation cache "+file+": ") {
		t.Fatalf("NewRuntime with a file as its cache directory: %v", err)
	}
}
