package jcohost

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/execctx/execctx/host"
)

// The wire between Go and bridge.mjs: one JSON object per line, on
// Node's fd 3 (Go to Node) and fd 4 (Node to Go).
//
// Go sends {"op": "new"|"call"|"close"|"exit", "id", "fn", "args",
// "imports"}. While Node runs a call, it may send {"import":
// "window.get", "args": [...]} any number of times, each answered with
// {"ok": value}, {"err": message} (the host's error, thrown into jco) or
// {"fail": message} (the bridge failed; the JS half throws, which traps).
// Node ends every op with {"ok": value}, {"err": payload} (the export's
// result error), {"trap": message} or {"fail": message}.

// hostError is a host import's own error (a WIT result's err), which the
// JS half throws into the component as the import's error.
type hostError struct{ err error }

func (e hostError) Error() string { return e.err.Error() }

// exchange sends one op and serves import calls until its answer arrives.
func (c *Context) exchange(ctx context.Context, op map[string]any) (any, error) {
	r := c.rt
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.broken != nil {
		return nil, r.broken
	}
	r.stderr.take() // what the guest printed belongs to this call only
	if err := r.send(op); err != nil {
		return nil, r.fail(err)
	}
	for {
		msg, err := r.receive(ctx)
		if err != nil {
			return nil, r.fail(err)
		}
		if name, ok := msg["import"].(string); ok {
			if err := r.send(c.answer(ctx, name, msg["args"])); err != nil {
				return nil, r.fail(err)
			}
			continue
		}
		return c.final(op, msg)
	}
}

// answer runs one import call against the Go hosts.
func (c *Context) answer(ctx context.Context, name string, rawArgs any) map[string]any {
	call, ok := importCalls[name]
	if !ok {
		return map[string]any{"fail": "the Go half has no import " + name}
	}
	args, _ := rawArgs.([]any)
	v, err := call(ctx, c.imports, args)
	var he hostError
	switch {
	case errors.As(err, &he):
		return map[string]any{"err": he.Error()}
	case err != nil:
		return map[string]any{"fail": fmt.Sprintf("%s: %v", name, err)}
	}
	return map[string]any{"ok": v}
}

// final turns an op's answer into its Go result.
func (c *Context) final(op, msg map[string]any) (any, error) {
	if v, ok := msg["ok"]; ok {
		return v, nil
	}
	if payload, ok := msg["err"].(string); ok {
		return nil, errors.New(payload)
	}
	if reason, ok := msg["trap"].(string); ok {
		return nil, &host.TrapError{Call: fmt.Sprint(op["fn"]), Reason: reason, Stderr: c.rt.stderr.take()}
	}
	return nil, fmt.Errorf("%s bridge: %v", c.rt.name, msg["fail"])
}

func (r *Runtime) send(msg map[string]any) error {
	line, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	_, err = r.in.Write(append(line, '\n'))
	return err
}

func (r *Runtime) receive(ctx context.Context) (map[string]any, error) {
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(callTimeout)
	}
	if err := r.out.SetReadDeadline(deadline); err != nil {
		return nil, err
	}
	line, err := r.lines.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("reading from the %s bridge: %w\n%s", r.name, err, r.stderr.take())
	}
	var msg map[string]any
	if err := json.Unmarshal(line, &msg); err != nil {
		return nil, fmt.Errorf("bad line from the %s bridge: %w: %.200s", r.name, err, line)
	}
	return msg, nil
}

// fail marks the runtime broken: after a transport error, the two halves
// no longer agree on where they are, so every later call fails too.
func (r *Runtime) fail(err error) error {
	r.broken = fmt.Errorf("%s bridge broken: %w", r.name, err)
	_ = r.cmd.Process.Kill()
	return r.broken
}

// lockedBuffer collects Node's stdout and stderr, where the guest prints.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// take returns what was written since the last take.
func (b *lockedBuffer) take() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.buf.String()
	b.buf.Reset()
	return s
}
