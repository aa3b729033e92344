package host_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host"
)

// A minimal host, written from scratch: a main thread whose document has a
// title and one element, <div id="out">, with a JSON config and no
// workers or network. Each type implements one interface of package api.

// fixedEnv describes a main thread with a document, and one config.
type fixedEnv struct{}

func (fixedEnv) Describe(context.Context) api.Report {
	return api.Report{HasDocument: true, SyncUsable: true, Runtime: api.RuntimeKindOther, BaseURL: "https://example.test/"}
}

func (fixedEnv) ConfigSources(context.Context) []api.ConfigSource {
	return []api.ConfigSource{{Origin: api.ConfigOriginExplicit, Text: `{"name": "minimal"}`, Format: api.ConfigFormatJSON}}
}

func (fixedEnv) Warn(_ context.Context, message string) { fmt.Println("console.warn:", message) }

// The handles this host gives out: 0 and 1 are fixed by the WIT.
const (
	documentHandle uint32 = 1
	outHandle      uint32 = 2
)

// titleWindow holds document.title, the only property it has.
type titleWindow struct{ title string }

func (w *titleWindow) Get(_ context.Context, target uint32, name string) (api.Value, error) {
	if target == documentHandle && name == "title" {
		return api.Value{Kind: api.ValueText, Text: w.title}, nil
	}
	return api.Value{Kind: api.ValueUndefined}, nil
}

func (w *titleWindow) Set(_ context.Context, target uint32, name string, v api.Value) error {
	if target != documentHandle || name != "title" {
		return fmt.Errorf("TypeError: cannot set %s", name)
	}
	w.title = v.Text
	return nil
}

func (*titleWindow) Call(_ context.Context, _ uint32, method string, _ []api.Value) (api.Value, error) {
	return api.Value{}, fmt.Errorf("TypeError: %s is not a function", method)
}

// Release has nothing to free: the elements live as long as the page.
func (*titleWindow) Release(context.Context, uint32) {}

// readOnlyDocument has the one element, and no running script.
type readOnlyDocument struct{}

func (readOnlyDocument) GetElementByID(_ context.Context, id string) api.Option[uint32] {
	if id == "out" {
		return api.Some(outHandle)
	}
	return api.None[uint32]()
}

func (readOnlyDocument) CreateElement(context.Context, string) (uint32, error) {
	return 0, errors.New("this document is read-only")
}

func (readOnlyDocument) InsertAfter(context.Context, uint32, uint32) error {
	return errors.New("this document is read-only")
}

func (readOnlyDocument) TagName(context.Context, uint32) string { return "DIV" }

func (readOnlyDocument) ElementID(_ context.Context, element uint32) string {
	if element == outHandle {
		return "out"
	}
	return ""
}

func (readOnlyDocument) SetElementID(context.Context, uint32, string) {}

func (readOnlyDocument) CurrentScript(context.Context) api.Option[uint32] { return api.None[uint32]() }

// noWorkers refuses to start workers.
type noWorkers struct{}

func (noWorkers) Spawn(_ context.Context, url string, _ api.WorkerOptions) (uint32, error) {
	return 0, fmt.Errorf("no workers here (asked for %s)", url)
}

// offline answers every fetch with a 404.
type offline struct{}

func (offline) FetchText(context.Context, string) (api.Response, error) {
	return api.Response{Status: 404, StatusText: "Not Found"}, nil
}

// Example_minimalHost runs the context API against the host above.
func Example_minimalHost() {
	ctx := context.Background()
	rt, err := host.NewRuntime(ctx)
	if err != nil {
		panic(err)
	}
	defer rt.Close(ctx)

	c, err := rt.NewContext(ctx, host.Imports{
		Environment: fixedEnv{}, Window: &titleWindow{}, Document: readOnlyDocument{}, Worker: noWorkers{}, Fetch: offline{},
	})
	if err != nil {
		panic(err)
	}
	defer c.Close(ctx)

	config, err := c.Config(ctx)
	fmt.Println("config:", config, err)
	out, err := c.DisplayTarget(ctx, api.Some("#out"))
	fmt.Println("display(target=\"#out\") writes to handle", out, err)
	err = c.Set(ctx, documentHandle, "title", api.Value{Kind: api.ValueText, Text: "hello"})
	title, _ := c.Get(ctx, documentHandle, "title")
	fmt.Println("document.title:", title.Text, err)
	_, err = c.PyWorker(ctx, "./worker.py", `{"type": "pyodide"}`)
	fmt.Println("PyWorker:", err)
	// Output:
	// config: {"name":"minimal","type":"py"} <nil>
	// display(target="#out") writes to handle 2 <nil>
	// document.title: hello <nil>
	// PyWorker: pyscript.PyWorker: no workers here (asked for https://example.test/worker.py)
}
