// Command demo runs the execctx component under wazero in two simulated
// contexts, a browser main thread and a worker, over one fake page, and
// prints what each sees. It then loads a broken config to show the error
// a user gets.
//
//	go run ./examples/demo
package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

//go:embed default.toml
var defaultConfig string

//go:embed broken.toml
var brokenConfig string

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

// run prints what each context sees to w.
func run(ctx context.Context, w io.Writer) error {
	rt, err := host.NewRuntime(ctx)
	if err != nil {
		return err
	}
	defer rt.Close(ctx)

	page := hostmock.NewPage()
	script := page.Add(page.Body(), "script", "", map[string]string{"type": "mpy"})
	page.SetCurrentScript(script)
	page.Add(page.Body(), "script", "mpy-w1", map[string]string{"type": "mpy", "worker": ""})

	main := hostmock.MainHosts(page, "micropython")
	main.Env.Sources = []api.ConfigSource{hostmock.TagConfig(defaultConfig, api.ConfigFormatTOML)}
	isolatedWorker := hostmock.WorkerHosts(page, "micropython", true)
	isolatedWorker.Env.Sources = main.Env.Sources
	isolatedWorker.Env.Report.WorkerScriptID = api.Some("mpy-w1")
	nonIsolatedWorker := hostmock.WorkerHosts(page, "micropython", false)
	nonIsolatedWorker.Env.Sources = main.Env.Sources

	for _, c := range []struct {
		title string
		hosts *hostmock.Hosts
	}{
		{"main thread", main},
		{"worker (SharedArrayBuffer usable)", isolatedWorker},
		{"worker (page not cross-origin isolated)", nonIsolatedWorker},
	} {
		if err := show(ctx, w, rt, c.title, c.hosts); err != nil {
			return fmt.Errorf("%s: %w", c.title, err)
		}
	}
	fmt.Fprintf(w, "page title after the worker wrote it: %q\n\n", page.Title())

	broken := hostmock.MainHosts(hostmock.NewPage(), "micropython")
	broken.Env.Sources = []api.ConfigSource{hostmock.TagConfig(brokenConfig, api.ConfigFormatTOML)}
	bc, err := rt.NewContext(ctx, broken.Imports())
	if err != nil {
		return err
	}
	defer bc.Close(ctx)
	_, err = bc.Config(ctx)
	fmt.Fprintf(w, "== a broken <mpy-config>\nconfig error: %v\n", err)
	return nil
}

// show prints to w every name of the context API as hosts' context sees it.
func show(ctx context.Context, w io.Writer, rt *host.Runtime, title string, hosts *hostmock.Hosts) error {
	c, err := rt.NewContext(ctx, hosts.Imports())
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	fmt.Fprintf(w, "== %s\n", title)
	inWorker, err := c.RunningInWorker(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "RUNNING_IN_WORKER: %v\n", inWorker)
	cfg, err := c.Config(ctx)
	fmt.Fprintf(w, "config:            %s%s\n", cfg, errText(err))
	for _, name := range []string{"window", "document", "sync"} {
		a, err := access(ctx, c, name)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%-18s %s\n", name+":", describe(a))
	}
	for _, warning := range hosts.Env.Warnings() {
		fmt.Fprintf(w, "console.warn:      %s\n", warning)
	}
	if _, err := c.PyWorker(ctx, "./worker.py", `{"type": "mpy", "config": {"sync_main_only": true}}`); err != nil {
		fmt.Fprintf(w, "PyWorker:          error: %v\n", err)
	} else {
		fmt.Fprintf(w, "PyWorker:          %s\n", started(hosts))
	}
	urls, err := c.JSImport(ctx, []string{"./local.js"})
	fmt.Fprintf(w, "js_import:         %s\n", orOK(err, strings.Join(urls, ", ")))
	mods, err := c.JSModules(ctx)
	fmt.Fprintf(w, "js_modules:        %s\n", orOK(err, modules(mods)))
	target, err := c.CurrentTarget(ctx)
	fmt.Fprintf(w, "current_target():  %s\n", orOK(err, fmt.Sprintf("%q", target)))
	if inWorker {
		err := c.Set(ctx, hostmock.DocumentHandle, "title", api.Value{Kind: api.ValueText, Text: "written by a worker"})
		fmt.Fprintf(w, "document.title = … %s\n", orOK(err, "written through the proxy"))
	}
	fmt.Fprintln(w)
	return nil
}

// started describes the worker the host was last asked to start.
func started(hosts *hostmock.Hosts) string {
	spawned := hosts.Spawner.Spawned()
	w := spawned[len(spawned)-1]
	cfg := w.Options.Config.JSON
	if w.Options.Config.Kind == api.WorkerConfigURL {
		cfg = w.Options.Config.URL
	}
	return fmt.Sprintf("the host starts %s under %s with config %s", w.URL, w.Options.Interpreter, cfg)
}

func access(ctx context.Context, c *host.Context, name string) (api.Access, error) {
	switch name {
	case "window":
		return c.Window(ctx)
	case "document":
		return c.Document(ctx)
	}
	return c.Sync(ctx)
}

func describe(a api.Access) string {
	if a.Kind == api.AccessNotSupported {
		return fmt.Sprintf("<NotSupported %s [%s]>", a.NotSupported.Name, a.NotSupported.Message)
	}
	return a.Kind.String()
}

func modules(mods []api.JSModule) string {
	var parts []string
	for _, m := range mods {
		parts = append(parts, fmt.Sprintf("%s (%s)", m.Name, m.Realm))
	}
	return strings.Join(parts, ", ")
}

func orOK(err error, ok string) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return ok
}

func errText(err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return ""
}
