// Package differential runs generated configs through the component under
// both engines, wazero (package host) and jco in Node as npm users run it
// (tests/internal/jcohost), and requires the same bytes from each: the
// normalised config, or the error. It exists because the two once
// disagreed on integers 120–154 and one-character strings while each
// looked plausible (see component/internal/guestabi/arena.go).
//
// Without Node or a built npm/dist the suite is skipped with a message;
// EXECCTX_REQUIRE_JCO=1 (set by make) makes that an error. With
// EXECCTX_WASMTIME_BRIDGE set (make test-wasmtime), Wasmtime runs every
// config as well and must give the same bytes.
package differential

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
	"github.com/execctx/execctx/tests/internal/jcohost"
)

var (
	wazero    *host.Runtime
	jco       *jcohost.Runtime
	jcoAbsent error            // why the jco engine is not there
	wasmtime  *jcohost.Runtime // nil unless EXECCTX_WASMTIME_BRIDGE is set

	wasmtimeSame atomic.Int64 // answers Wasmtime gave the same as wazero
)

func TestMain(m *testing.M) {
	ctx := context.Background()
	var err error
	if wazero, err = host.NewRuntime(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if jco, jcoAbsent, err = jcohost.Optional(jcohost.Options{}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if wasmtime, _, err = jcohost.Wasmtime(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	if wasmtime != nil {
		fmt.Printf("differential: wasmtime gave wazero's answer %d times\n", wasmtimeSame.Load())
	}
	_ = wazero.Close(ctx)
	for _, rt := range []*jcohost.Runtime{jco, wasmtime} {
		if rt != nil {
			_ = rt.Close()
		}
	}
	os.Exit(code)
}

// answer is what Config gave: the JSON text or the error's text.
type answer struct {
	text string
	err  string
}

func (a answer) String() string {
	if a.err != "" {
		return "error " + a.err
	}
	return a.text
}

// configBoth loads sources as a main thread's config under both engines,
// at the same time (one runs in Go, the other in Node), and fails the
// test unless both answered the same bytes. It returns that answer.
func configBoth(t *testing.T, sources ...api.ConfigSource) answer {
	t.Helper()
	return callBoth(t, sources, func(ctx context.Context, c jcohost.API) answer {
		text, err := c.Config(ctx)
		return answerOf(text, err)
	})
}

// callBoth runs call on a fresh main-thread context with sources under
// each engine, at the same time, and fails the test unless both answered
// the same. It returns that answer.
func callBoth(t *testing.T, sources []api.ConfigSource, call func(context.Context, jcohost.API) answer) answer {
	t.Helper()
	if jcoAbsent != nil {
		t.Skipf("%v: the differential suite needs node and npm/dist (make npm)", jcoAbsent)
	}
	done := make(chan answer, 1)
	go func() { done <- callOn(jco.NewContext, sources, call) }()
	var wt chan answer
	if wasmtime != nil {
		wt = make(chan answer, 1)
		go func() { wt <- callOn(wasmtime.NewContext, sources, call) }()
	}
	w := callOn(wazero.NewContext, sources, call)
	j := <-done
	if w != j {
		t.Fatalf("the engines disagree on %.300q\nwazero: %.500s\njco:    %.500s", sources[0].Text, w, j)
	}
	if wt != nil {
		if x := <-wt; w != x {
			t.Fatalf("the engines disagree on %.300q\nwazero:   %.500s\nwasmtime: %.500s", sources[0].Text, w, x)
		}
		wasmtimeSame.Add(1)
	}
	return w
}

// callOn runs call on one fresh context of one engine.
func callOn[C jcohost.API](newContext func(context.Context, host.Imports) (C, error), sources []api.ConfigSource, call func(context.Context, jcohost.API) answer) answer {
	ctx := context.Background()
	h := hostmock.MainHosts(hostmock.NewPage(), "micropython")
	h.Env.Sources = sources
	c, err := newContext(ctx, h.Imports())
	if err != nil {
		return answer{err: "new context: " + err.Error()}
	}
	defer c.Close(ctx)
	return call(ctx, c)
}

func answerOf(text string, err error) answer {
	if err != nil {
		return answer{err: err.Error()}
	}
	return answer{text: text}
}
