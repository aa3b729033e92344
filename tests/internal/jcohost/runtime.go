package jcohost

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/execctx/execctx/host"
)

// ErrUnavailable is wrapped by NewRuntime's error when Node or the built
// npm package is missing, so that a plain `go test` can say what to build.
var ErrUnavailable = errors.New("jco bridge unavailable")

// callTimeout bounds one call when its ctx has no deadline: a bridge that
// stops answering fails the test instead of hanging it.
const callTimeout = 2 * time.Minute

// Runtime is one Node process running bridge.mjs, which compiled the
// component once; each Context is one instance in it. Calls are
// serialised: the bridge handles one at a time.
type Runtime struct {
	mu     sync.Mutex
	cmd    *exec.Cmd
	in     *os.File // to Node
	out    *os.File // from Node
	lines  *bufio.Reader
	stderr *lockedBuffer
	name   string // the bridge's name in errors: "jco", or its command's
	nextID int
	broken error // set once the process can no longer be trusted
}

// Options choose what the bridge runs.
type Options struct {
	// Cores is a directory of the component transpiled by jco with sync
	// instantiation (its core .wasm files), to run instead of the npm
	// package's own, for example the gctorture build. Its JS glue must be
	// the npm package's.
	Cores string
	// Command, when set, is the command line of another bridge that
	// speaks this package's wire (protocol.go) on fd 3 and 4 with jco's
	// value shapes, instead of Node on bridge.mjs: tests/wasmtime's, which
	// runs the component under Wasmtime.
	Command []string
}

// NewRuntime starts Node on bridge.mjs with the npm package in npm/dist,
// or opts.Command.
func NewRuntime(opts Options) (*Runtime, error) {
	args, err := bridgeCommand(opts)
	if err != nil {
		return nil, err
	}
	toNode, in, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	out, fromNode, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	r := &Runtime{in: in, out: out, lines: bufio.NewReaderSize(out, 1<<20), stderr: &lockedBuffer{}, name: "jco"}
	if len(opts.Command) > 0 {
		r.name = filepath.Base(args[0])
	}
	r.cmd = exec.Command(args[0], args[1:]...)
	r.cmd.ExtraFiles = []*os.File{toNode, fromNode} // fd 3 and 4 in Node
	r.cmd.Stderr = r.stderr
	r.cmd.Stdout = r.stderr
	if err := r.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", args[0], err)
	}
	toNode.Close()
	fromNode.Close()
	if _, err := r.receive(context.Background()); err != nil {
		r.Close()
		return nil, fmt.Errorf("bridge %s did not start: %w\n%s", filepath.Base(args[0]), err, r.stderr.take())
	}
	return r, nil
}

// bridgeCommand is the bridge's command line.
func bridgeCommand(opts Options) ([]string, error) {
	if len(opts.Command) > 0 {
		return opts.Command, nil
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	dir := sourceDir()
	dist := filepath.Join(dir, "..", "..", "..", "npm", "dist")
	if _, err := os.Stat(filepath.Join(dist, "index.js")); err != nil {
		return nil, fmt.Errorf("%w: %s not built (run make npm)", ErrUnavailable, dist)
	}
	args := []string{node, filepath.Join(dir, "bridge.mjs"), dist}
	if opts.Cores != "" {
		args = append(args, opts.Cores)
	}
	return args, nil
}

// sourceDir is this package's directory, where bridge.mjs sits.
func sourceDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Close ends the Node process.
func (r *Runtime) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	_ = r.send(map[string]any{"op": "exit"})
	r.in.Close()
	done := make(chan error, 1)
	go func() { done <- r.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		_ = r.cmd.Process.Kill()
		return <-done
	}
}

// Context is one component instance under jco, bound to Go host imports.
// Like host.Context it is not safe for concurrent use; a call made while
// another runs on it returns host.ErrBusy.
type Context struct {
	rt      *Runtime
	id      int
	imports host.Imports
	busy    sync.Mutex
	closed  bool
}

// NewContext instantiates the component with imports.
func (r *Runtime) NewContext(ctx context.Context, imports host.Imports) (*Context, error) {
	r.mu.Lock()
	r.nextID++
	c := &Context{rt: r, id: r.nextID, imports: imports}
	r.mu.Unlock()
	_, err := c.exchange(ctx, map[string]any{"op": "new", "id": c.id, "imports": importInterfaces})
	if err != nil {
		return nil, fmt.Errorf("%s: instantiate: %w", r.name, err)
	}
	return c, nil
}

// Close drops the instance; later calls fail with host.ErrClosed.
func (c *Context) Close(ctx context.Context) error {
	if !c.busy.TryLock() {
		return host.ErrBusy
	}
	defer c.busy.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	_, err := c.exchange(ctx, map[string]any{"op": "close", "id": c.id})
	return err
}

// call runs the export fn (its jco name) with JSON-shaped args and returns
// its JSON-shaped answer; a result's error is returned as a plain error,
// a trap as a *host.TrapError.
func (c *Context) call(ctx context.Context, fn string, args ...any) (any, error) {
	if !c.busy.TryLock() {
		return nil, host.ErrBusy
	}
	defer c.busy.Unlock()
	if c.closed {
		return nil, host.ErrClosed
	}
	if args == nil {
		args = []any{} // an array for JS's spread, not null
	}
	return c.exchange(ctx, map[string]any{"op": "call", "id": c.id, "fn": fn, "args": args})
}
