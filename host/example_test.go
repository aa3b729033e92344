package host_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

// A Go test embeds the component with mock hosts: a worker whose page is
// not cross-origin isolated, with a TOML config.
func Example() {
	ctx := context.Background()
	rt, err := host.NewRuntime(ctx) // compile once, share
	if err != nil {
		panic(err)
	}
	defer rt.Close(ctx)

	hosts := hostmock.WorkerHosts(hostmock.NewPage(), "micropython", false)
	hosts.Env.Sources = []api.ConfigSource{hostmock.TagConfig(`name = "app"`, api.ConfigFormatTOML)}
	c, err := rt.NewContext(ctx, hosts.Imports()) // one instance per context
	if err != nil {
		panic(err)
	}
	defer c.Close(ctx)

	inWorker, _ := c.RunningInWorker(ctx)
	config, _ := c.Config(ctx)
	window, _ := c.Window(ctx)
	_, err = c.Get(ctx, hostmock.DocumentHandle, "title")
	fmt.Println("RUNNING_IN_WORKER:", inWorker)
	fmt.Println("config:", config)
	fmt.Println("window:", window.Kind, window.NotSupported.Name)
	fmt.Println("document.title:", err)
	fmt.Println("warnings:", len(hosts.Env.Warnings()))
	// Output:
	// RUNNING_IN_WORKER: true
	// config: {"name":"app","type":"mpy"}
	// window: not-supported pyscript.window
	// document.title: Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer
	// warnings: 1
}

// A trap and the recovery from it: a host that breaks the Canonical ABI
// (here, a report whose runtime is a case the WIT does not have) makes the
// guest trap. The call fails with a *TrapError that wraps ErrTrapped and
// carries the guest's panic; the instance is discarded, and once the host
// is fixed the next call runs on a fresh one.
func Example_trap() {
	ctx := context.Background()
	rt, err := host.NewRuntime(ctx)
	if err != nil {
		panic(err)
	}
	defer rt.Close(ctx)

	hosts := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
	hosts.Env.Report.Runtime = api.RuntimeKind(7) // not a case of runtime-kind
	c, err := rt.NewContext(ctx, hosts.Imports())
	if err != nil {
		panic(err)
	}
	defer c.Close(ctx)

	_, err = c.RunningInWorker(ctx)
	var trap *host.TrapError
	fmt.Println("trapped:", errors.Is(err, host.ErrTrapped), errors.As(err, &trap))
	panicked, _, _ := strings.Cut(trap.Stderr, "\n") // then the guest's stack
	fmt.Println("in", trap.Call+":", panicked)

	hosts.Env.Report.Runtime = api.RuntimeKindBrowser
	inWorker, err := c.RunningInWorker(ctx) // a fresh instance
	fmt.Println("RUNNING_IN_WORKER:", inWorker, err)
	// Output:
	// trapped: true true
	// in running-in-worker: panic: guest trap: invalid discriminant 7 for RuntimeKind
	// RUNNING_IN_WORKER: false <nil>
}

// unanswered is a fetch host whose server never answers: it gives up only
// when the call's ctx ends, as a real fetch would.
type unanswered struct{}

func (unanswered) FetchText(ctx context.Context, url string) (api.Response, error) {
	<-ctx.Done()
	return api.Response{}, fmt.Errorf("fetch %s: %w", url, ctx.Err())
}

// A call bounded by a deadline: the config's fetch never answers, so the
// deadline passes while the guest waits for it. The error wraps
// context.DeadlineExceeded, and the Context carries on with a fresh
// instance.
func Example_deadline() {
	ctx := context.Background()
	rt, err := host.NewRuntime(ctx)
	if err != nil {
		panic(err)
	}
	defer rt.Close(ctx)

	hosts := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
	hosts.Env.Sources = []api.ConfigSource{hostmock.AttributeConfig("./config.json")}
	imports := hosts.Imports()
	imports.Fetch = unanswered{}
	c, err := rt.NewContext(ctx, imports)
	if err != nil {
		panic(err)
	}
	defer c.Close(ctx)

	bounded, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	_, err = c.Config(bounded)
	fmt.Println("deadline exceeded:", errors.Is(err, context.DeadlineExceeded))
	fmt.Println(err)

	inWorker, err := c.RunningInWorker(ctx) // the next call: a fresh instance
	fmt.Println("RUNNING_IN_WORKER:", inWorker, err)
	// Output:
	// deadline exceeded: true
	// execctx: config: stopped because the call's deadline passed; its guest instance was discarded and the next call starts a fresh one: context deadline exceeded
	// RUNNING_IN_WORKER: false <nil>
}
