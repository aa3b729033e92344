package host_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/host"
)

// Example_compilationCache (cache_example_test.go) shows a second runtime
// loading from the cache; here, a cache that cannot be a directory.
func TestCompilationCacheBadDir(t *testing.T) {
	file := t.TempDir() + "/file"
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	_, err := host.NewRuntime(context.Background(), host.WithCompilationCache(file))
	require.Error(t, err, "NewRuntime with a file as its cache directory")
	assert.True(t, strings.HasPrefix(err.Error(), "compilation cache "+file+": "), "error %q", err)
}
