package host_test

import (
	"context"
	"fmt"

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

	hosts := hostmock.Worker(hostmock.NewPage(), "micropython", false)
	hosts.Env.Sources = []host.ConfigSource{hostmock.TagConfig("name = \"app\"", host.ConfigFormatTOML)}
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
