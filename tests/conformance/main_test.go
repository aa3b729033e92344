// Package conformance runs the spec's conformance cases that apply without
// a browser through the real component, with hostmock's fake hosts, under
// two engines: wazero (package host) and jco in Node, as npm users run it
// (tests/internal/jcohost). Every answer is recorded per test, and the
// two engines must give the same answers, call for call. Every table row
// names the spec case it covers; docs/conformance.md explains each case
// id (doc_test.go keeps it complete).
//
// EXECCTX_TEST_MODULE selects another build of the guest for wazero and
// EXECCTX_JCO_CORES another transpiled build for jco, such as the
// gctorture ones `make test-torture` runs this suite against. Without
// Node or a built npm/dist the jco engine is left out, with a message;
// EXECCTX_REQUIRE_JCO=1 (set by make) makes that an error.
//
// EXECCTX_WASMTIME_BRIDGE names tests/wasmtime's bridge, built by `make
// test-wasmtime`: a third engine, Wasmtime, runs the built component
// (EXECCTX_WASMTIME_COMPONENT, build/execctx.component.wasm by default)
// and must give the same answers too.
package conformance

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
	"github.com/execctx/execctx/tests/internal/jcohost"
)

// Context is what the cases call: a host.Context or a jcohost.Context.
type Context = jcohost.API

// engine is one way to run the component.
type engine struct {
	name       string
	newContext func(context.Context, host.Imports) (Context, error)
}

var (
	current     engine                     // the engine the running pass uses
	transcripts = map[string]*transcript{} // per engine
)

func TestMain(m *testing.M) {
	engines, closeAll, err := startEngines()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := 0
	for _, e := range engines {
		current = e
		transcripts[e.name] = newTranscript()
		fmt.Println("conformance: engine", e.name)
		if c := m.Run(); c != 0 {
			code = c
		}
	}
	closeAll()
	for _, e := range engines[1:] {
		if code != 0 {
			break // a failed test's answers are not worth comparing
		}
		if diff := transcripts["wazero"].diff(transcripts[e.name], e.name, known[e.name]); diff != "" {
			fmt.Fprintln(os.Stderr, "conformance: the engines disagree\n"+diff)
			code = 1
		} else {
			fmt.Printf("conformance: wazero and %s gave the same %d answers\n", e.name, transcripts[e.name].count())
		}
	}
	if code == 0 {
		code = checkCoverage(engines)
	}
	os.Exit(code)
}

// startEngines starts wazero, and jco when it can (or must).
func startEngines() ([]engine, func(), error) {
	ctx := context.Background()
	var opts []host.RuntimeOption
	if path := os.Getenv("EXECCTX_TEST_MODULE"); path != "" {
		wasm, err := os.ReadFile(path)
		if err != nil {
			return nil, nil, err
		}
		opts = append(opts, host.WithModule(wasm))
		fmt.Println("conformance: wazero runs", path)
	}
	rt, err := host.NewRuntime(ctx, opts...)
	if err != nil {
		return nil, nil, err
	}
	engines := []engine{{"wazero", func(ctx context.Context, i host.Imports) (Context, error) { return rt.NewContext(ctx, i) }}}
	closeAll := func() { _ = rt.Close(ctx) }
	wt, err := startWasmtime()
	switch {
	case err != nil:
		closeAll()
		return nil, nil, err
	case wt != nil:
		engines = append(engines, engine{"wasmtime", func(ctx context.Context, i host.Imports) (Context, error) { return wt.NewContext(ctx, i) }})
		closeWazero := closeAll
		closeAll = func() { closeWazero(); _ = wt.Close() }
	default:
		fmt.Println("conformance: wasmtime engine left out: EXECCTX_WASMTIME_BRIDGE is not set (make test-wasmtime sets it)")
	}
	cores := os.Getenv("EXECCTX_JCO_CORES")
	jco, absent, err := jcohost.Optional(jcohost.Options{Cores: cores})
	switch {
	case err != nil:
		closeAll()
		return nil, nil, err
	case absent != nil:
		fmt.Println("conformance: jco engine left out:", absent)
		return engines, closeAll, nil
	}
	if cores != "" {
		fmt.Println("conformance: jco runs", cores)
	}
	engines = append(engines, engine{"jco", func(ctx context.Context, i host.Imports) (Context, error) { return jco.NewContext(ctx, i) }})
	return engines, func() { closeAll(); _ = jco.Close() }, nil
}

// newContext makes a context on the current engine whose every answer is
// recorded under the test's name.
func newContext(t *testing.T, h *hostmock.Hosts) Context {
	t.Helper()
	skipKnown(t)
	c, err := current.newContext(context.Background(), h.Imports())
	if err != nil {
		t.Fatalf("%s: %v", current.name, err)
	}
	t.Cleanup(func() { _ = c.Close(context.Background()) })
	return jcohost.Recorder{API: c, Log: transcripts[current.name].logger(t.Name())}
}

// ctx is the context every call of the suite uses.
var ctx = context.Background()
