package host_test

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"time"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

// A compilation cache: the first Runtime compiles the module and stores
// the compiled code in the directory; the second finds it there and loads
// it instead of compiling, as a later process would. It writes nothing to
// the cache, and starts in a fraction of the time (tenths of a second
// instead of seconds).
func Example_compilationCache() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "execctx-cache")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	start := time.Now()
	first, err := host.NewRuntime(ctx, host.WithCompilationCache(dir)) // compiles, fills dir
	if err != nil {
		panic(err)
	}
	compiling := time.Since(start)
	if err := first.Close(ctx); err != nil {
		panic(err)
	}
	cached := cacheFiles(dir)

	start = time.Now()
	second, err := host.NewRuntime(ctx, host.WithCompilationCache(dir)) // loads from dir
	if err != nil {
		panic(err)
	}
	loading := time.Since(start)
	defer second.Close(ctx)
	c, err := second.NewContext(ctx, hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", true).Imports())
	if err != nil {
		panic(err)
	}
	defer c.Close(ctx)
	inWorker, err := c.RunningInWorker(ctx)

	fmt.Println("the first runtime cached its compiled code:", len(cached) > 0)
	fmt.Println("the second wrote nothing to the cache:", maps.Equal(cached, cacheFiles(dir)))
	fmt.Println("and started in less than half the time:", loading < compiling/2)
	fmt.Println("RUNNING_IN_WORKER:", inWorker, err)
	// Output:
	// the first runtime cached its compiled code: true
	// the second wrote nothing to the cache: true
	// and started in less than half the time: true
	// RUNNING_IN_WORKER: true <nil>
}

// cacheFiles maps each file under dir to its size and modification time,
// which a runtime that compiled again would change by writing the file.
func cacheFiles(dir string) map[string]string {
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files[path] = fmt.Sprint(info.Size(), info.ModTime().UnixNano())
		return nil
	})
	if err != nil {
		panic(err)
	}
	return files
}
