package conformance

import (
	"testing"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

const (
	sabMessage    = "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer"
	noChannel     = "This worker has no channel to a main thread: only workers started by PyWorker have one."
	noDOMMessage  = "Unable to use `window` or `document`: the node runtime has no DOM. Run in a browser, or give the host a DOM."
	syncMessage   = "pyscript.sync works only when running in a worker"
	configJSONURL = "./c.json"
)

// nodeMain is a Node main thread: no Web Worker, and a document only when
// a DOM shim (jsdom, linkedom) provides one.
func nodeMain(withShim bool) *hostmock.Hosts {
	h := hostmock.Main(hostmock.NewPage(), "pyodide")
	h.Env.Report.Runtime = host.RuntimeKindNode
	h.Env.Report.HasDocument = withShim
	return h
}

// foreignWorker is a worker that other code started (a worker_threads
// Worker in Node): no channel to a main thread, though Node has
// SharedArrayBuffer.
func foreignWorker() *hostmock.Hosts {
	h := nodeMain(false)
	h.Env.Report.InWorker = true
	return h
}

func TestAccess(t *testing.T) {
	direct := host.Access{Kind: host.AccessDirect}
	proxied := host.Access{Kind: host.AccessProxied}
	ns := func(name, msg string) host.Access {
		return host.Access{Kind: host.AccessNotSupported, NotSupported: host.NotSupported{Name: name, Message: msg}}
	}
	mainSync := ns("pyscript.sync", syncMessage)
	tests := []struct {
		id                     string
		hosts                  *hostmock.Hosts
		window, document, sync host.Access
	}{
		{"C34 C37 C46 main thread", hostmock.Main(hostmock.NewPage(), "pyodide"), direct, direct, mainSync},
		{"C35 worker with SharedArrayBuffer", hostmock.Worker(hostmock.NewPage(), "pyodide", true), proxied, proxied, proxied},
		{"C38 worker without SharedArrayBuffer", hostmock.Worker(hostmock.NewPage(), "micropython", false),
			ns("pyscript.window", sabMessage), ns("pyscript.document", sabMessage), host.Access{Kind: host.AccessAsyncOnly}},
		// C06 differs on purpose: a Node main thread is a main thread without a DOM.
		{"C06 node main thread has no DOM (execctx rule)", nodeMain(false),
			ns("pyscript.window", noDOMMessage), ns("pyscript.document", noDOMMessage), mainSync},
		{"C07 node main thread with a DOM shim", nodeMain(true), direct, direct, mainSync},
		// execctx's own: one reason, the missing channel, for all three.
		{"node worker that execctx did not start", foreignWorker(),
			ns("pyscript.window", "Unable to use `window` or `document` in worker. "+noChannel),
			ns("pyscript.document", "Unable to use `window` or `document` in worker. "+noChannel),
			ns("pyscript.sync", "Unable to use `sync` in worker. "+noChannel)},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			c := newContext(t, tc.hosts)
			for _, name := range []string{"window", "document", "sync"} { // in order: engines are compared call by call
				want := map[string]host.Access{"window": tc.window, "document": tc.document, "sync": tc.sync}[name]
				var got host.Access
				var err error
				switch name {
				case "window":
					got, err = c.Window(ctx)
				case "document":
					got, err = c.Document(ctx)
				default:
					got, err = c.Sync(ctx)
				}
				if err != nil || got != want {
					t.Errorf("%s = %+v, %v; want %+v", name, got, err, want)
				}
			}
		})
	}
}

// TestImportAndWorkerAccess: what js_import and PyWorker are, from the
// component, as window, document and sync are.
func TestImportAndWorkerAccess(t *testing.T) {
	direct := host.Access{Kind: host.AccessDirect}
	ns := func(name, msg string) host.Access {
		return host.Access{Kind: host.AccessNotSupported, NotSupported: host.NotSupported{Name: name, Message: msg}}
	}
	noPyWorker := ns("pyscript.PyWorker", "pyscript.PyWorker works only when running in the main thread")
	tests := []struct {
		id                 string
		hosts              *hostmock.Hosts
		jsImport, pyWorker host.Access
	}{
		{"C63 main thread", hostmock.Main(hostmock.NewPage(), "pyodide"), direct, direct},
		{"C06 node main thread", nodeMain(false), direct, direct},
		{"C44 C66 worker with SharedArrayBuffer", hostmock.Worker(hostmock.NewPage(), "pyodide", true), host.Access{Kind: host.AccessProxied}, noPyWorker},
		{"C45 C66 worker without SharedArrayBuffer", hostmock.Worker(hostmock.NewPage(), "pyodide", false), ns("pyscript.js_import", sabMessage), noPyWorker},
		{"node worker that execctx did not start", foreignWorker(), ns("pyscript.js_import", "Unable to use `js_import` in worker. "+noChannel), noPyWorker},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			c := newContext(t, tc.hosts)
			if got, err := c.JSImportAccess(ctx); err != nil || got != tc.jsImport {
				t.Errorf("js_import = %+v, %v; want %+v", got, err, tc.jsImport)
			}
			if got, err := c.PyWorkerAccess(ctx); err != nil || got != tc.pyWorker {
				t.Errorf("PyWorker = %+v, %v; want %+v", got, err, tc.pyWorker)
			}
		})
	}
}

// TestDocumentTitle: C36, the title written and read back through the
// component, after C34/C35's window.document.
func TestDocumentTitle(t *testing.T) {
	tests := []struct {
		id    string
		hosts func(*hostmock.Page) *hostmock.Hosts
	}{
		{"C34 C36 main thread", func(p *hostmock.Page) *hostmock.Hosts { return hostmock.Main(p, "pyodide") }},
		{"C35 C36 worker with SharedArrayBuffer", func(p *hostmock.Page) *hostmock.Hosts { return hostmock.Worker(p, "pyodide", true) }},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			page := hostmock.NewPage()
			c := newContext(t, tc.hosts(page))
			doc, err := c.Get(ctx, hostmock.WindowHandle, "document")
			if err != nil || doc.Kind != host.ValueObject || doc.Object != hostmock.DocumentHandle {
				t.Fatalf("window.document = %+v, %v", doc, err)
			}
			if err := c.Set(ctx, hostmock.DocumentHandle, "title", host.Value{Kind: host.ValueText, Text: "A new title"}); err != nil {
				t.Fatal(err)
			}
			got, err := c.Get(ctx, hostmock.DocumentHandle, "title")
			if err != nil || got.Kind != host.ValueText || got.Text != "A new title" || page.Title() != "A new title" {
				t.Fatalf("title = %+v, %v; the page has %q", got, err, page.Title())
			}
		})
	}
}

// TestNotSupportedUse: every use of a NotSupported window or document
// fails with its exact message, and never reaches the host.
func TestNotSupportedUse(t *testing.T) {
	noSAB := func() *hostmock.Hosts { return hostmock.Worker(hostmock.NewPage(), "micropython", false) }
	tests := []struct {
		id    string
		hosts *hostmock.Hosts
		use   func(Context) error
		want  string
	}{
		{"C39 document.title", noSAB(), func(c Context) error {
			_, err := c.Get(ctx, hostmock.DocumentHandle, "title")
			return err
		}, sabMessage},
		{"C39 window.x = 1", noSAB(), func(c Context) error {
			return c.Set(ctx, hostmock.WindowHandle, "x", host.Value{Kind: host.ValueNumber, Number: 1})
		}, sabMessage},
		{"C39 document.getElementById()", noSAB(), func(c Context) error {
			_, err := c.Call(ctx, hostmock.DocumentHandle, "getElementById", nil)
			return err
		}, sabMessage},
		{"C06 node main thread: document.title", nodeMain(false), func(c Context) error {
			_, err := c.Get(ctx, hostmock.DocumentHandle, "title")
			return err
		}, noDOMMessage},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			c := newContext(t, tc.hosts)
			if err := tc.hosts.Page.Set(ctx, hostmock.DocumentHandle, "title", host.Value{Kind: host.ValueText, Text: "untouched"}); err != nil {
				t.Fatal(err)
			}
			checkErr(t, tc.use(c), tc.want, false)
			if got := tc.hosts.Page.Title(); got != "untouched" {
				t.Fatalf("the host's page changed: title %q", got)
			}
		})
	}
}

func TestWorkerWarning(t *testing.T) {
	tests := []struct {
		id      string
		config  string // a config source, JSON text or a URL
		files   map[string]string
		sync    bool
		foreign bool // a worker execctx did not start
		warning bool
	}{
		{id: "C40 warns once without SharedArrayBuffer", warning: true},
		{id: "C41 sync_main_only silences it", config: `{"sync_main_only": true}`},
		{id: "C41 Python truthiness: a non-empty string silences", config: `{"sync_main_only": "false"}`},
		{id: "C41 Python truthiness: 0 does not silence", config: `{"sync_main_only": 0}`, warning: true},
		// The original printed the warning here: the worker's Python saw
		// none of a string config. The worker's own context fetches it.
		{id: "C42 a config URL that sets sync_main_only silences it (execctx)", config: configJSONURL,
			files: map[string]string{"c.json": `{"sync_main_only": true}`}},
		{id: "C42 a config URL without sync_main_only warns", config: configJSONURL,
			files: map[string]string{"c.json": `{"name": "w"}`}, warning: true},
		{id: "no warning with SharedArrayBuffer", sync: true},
		{id: "no warning without a channel to main: SharedArrayBuffer is not the reason", foreign: true},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := hostmock.Worker(hostmock.NewPage(), "pyodide", tc.sync)
			h.Env.Report.MainChannel = !tc.foreign
			if tc.config != "" {
				h.Env.Sources = []host.ConfigSource{hostmock.InlineConfig(tc.config, host.ConfigFormatAuto)}
			}
			for url, body := range tc.files {
				h.Fetch.Files[base+url] = body
			}
			c := newContext(t, h)
			for range 3 {
				_, _ = c.Window(ctx)
				_, _ = c.Document(ctx)
			}
			want := 0
			if tc.warning {
				want = 1
			}
			got := h.Env.Warnings()
			if len(got) != want || (want == 1 && got[0] != sabMessage) {
				t.Fatalf("warnings = %q, want %d of the SharedArrayBuffer message", got, want)
			}
			if n := len(h.Fetch.Fetched()); tc.files != nil && n != 1 {
				t.Fatalf("the config URL was fetched %d times, want 1", n)
			}
		})
	}
}

// TestAccessLoadsNoConfig: window and document need the config only in a
// worker that may have to warn, so elsewhere they fetch nothing; config()
// then fetches it, which shows that the row could fail.
func TestAccessLoadsNoConfig(t *testing.T) {
	tests := []struct {
		id        string
		hosts     *hostmock.Hosts
		wantFetch int // by window and document
	}{
		{"C34 main thread", hostmock.Main(hostmock.NewPage(), "pyodide"), 0},
		{"C35 worker with SharedArrayBuffer", hostmock.Worker(hostmock.NewPage(), "pyodide", true), 0},
		{"C40 worker without SharedArrayBuffer reads sync_main_only", hostmock.Worker(hostmock.NewPage(), "pyodide", false), 1},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := tc.hosts
			h.Env.Sources = []host.ConfigSource{hostmock.InlineConfig(configJSONURL, host.ConfigFormatAuto)}
			h.Fetch.Files[base+"c.json"] = `{"name": "app"}`
			c := newContext(t, h)
			_, _ = c.Window(ctx)
			_, _ = c.Document(ctx)
			if got := h.Fetch.Fetched(); len(got) != tc.wantFetch {
				t.Fatalf("window and document fetched %q, want %d fetches", got, tc.wantFetch)
			}
			if _, err := c.Config(ctx); err != nil {
				t.Fatal(err)
			}
			if got := h.Fetch.Fetched(); len(got) != 1 || got[0] != base+"c.json" {
				t.Fatalf("after config(): fetched %q, want the config URL once", got)
			}
		})
	}
}
