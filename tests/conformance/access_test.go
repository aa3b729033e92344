package conformance

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
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
	h := hostmock.MainHosts(hostmock.NewPage(), "pyodide")
	h.Env.Report.Runtime = api.RuntimeKindNode
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
	direct := api.Access{Kind: api.AccessDirect}
	proxied := api.Access{Kind: api.AccessProxied}
	ns := func(name, msg string) api.Access {
		return api.Access{Kind: api.AccessNotSupported, NotSupported: api.NotSupported{Name: name, Message: msg}}
	}
	mainSync := ns("pyscript.sync", syncMessage)
	tests := []struct {
		id                     string
		hosts                  *hostmock.Hosts
		window, document, sync api.Access
	}{
		{"C34 C37 C46 main thread", hostmock.MainHosts(hostmock.NewPage(), "pyodide"), direct, direct, mainSync},
		{"C35 worker with SharedArrayBuffer", hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", true), proxied, proxied, proxied},
		{"C38 worker without SharedArrayBuffer", hostmock.WorkerHosts(hostmock.NewPage(), "micropython", false),
			ns("pyscript.window", sabMessage), ns("pyscript.document", sabMessage), api.Access{Kind: api.AccessAsyncOnly}},
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
				want := map[string]api.Access{"window": tc.window, "document": tc.document, "sync": tc.sync}[name]
				var got api.Access
				var err error
				switch name {
				case "window":
					got, err = c.Window(ctx)
				case "document":
					got, err = c.Document(ctx)
				default:
					got, err = c.Sync(ctx)
				}
				if assert.NoError(t, err, name) {
					assert.Equal(t, want, got, name)
				}
			}
		})
	}
}

// TestImportAndWorkerAccess: what js_import and PyWorker are, from the
// component, as window, document and sync are.
func TestImportAndWorkerAccess(t *testing.T) {
	direct := api.Access{Kind: api.AccessDirect}
	ns := func(name, msg string) api.Access {
		return api.Access{Kind: api.AccessNotSupported, NotSupported: api.NotSupported{Name: name, Message: msg}}
	}
	noPyWorker := ns("pyscript.PyWorker", "pyscript.PyWorker works only when running in the main thread")
	tests := []struct {
		id                 string
		hosts              *hostmock.Hosts
		jsImport, pyWorker api.Access
	}{
		{"C63 main thread", hostmock.MainHosts(hostmock.NewPage(), "pyodide"), direct, direct},
		{"C06 node main thread", nodeMain(false), direct, direct},
		{"C44 C66 worker with SharedArrayBuffer", hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", true), api.Access{Kind: api.AccessProxied}, noPyWorker},
		{"C45 C66 worker without SharedArrayBuffer", hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", false), ns("pyscript.js_import", sabMessage), noPyWorker},
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
		{"C34 C36 main thread", func(p *hostmock.Page) *hostmock.Hosts { return hostmock.MainHosts(p, "pyodide") }},
		{"C35 C36 worker with SharedArrayBuffer", func(p *hostmock.Page) *hostmock.Hosts { return hostmock.WorkerHosts(p, "pyodide", true) }},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			page := hostmock.NewPage()
			c := newContext(t, tc.hosts(page))
			doc, err := c.Get(ctx, hostmock.WindowHandle, "document")
			require.NoError(t, err)
			require.Equal(t, api.Value{Kind: api.ValueObject, Object: hostmock.DocumentHandle}, doc, "window.document")
			title := api.Value{Kind: api.ValueText, Text: "A new title"}
			require.NoError(t, c.Set(ctx, hostmock.DocumentHandle, "title", title))
			got, err := c.Get(ctx, hostmock.DocumentHandle, "title")
			require.NoError(t, err)
			assert.Equal(t, title, got, "document.title read back")
			assert.Equal(t, title.Text, page.Title(), "the page's title")
		})
	}
}

// TestNotSupportedUse: every use of a NotSupported window or document
// fails with its exact message, and never reaches the host.
func TestNotSupportedUse(t *testing.T) {
	noSAB := func() *hostmock.Hosts { return hostmock.WorkerHosts(hostmock.NewPage(), "micropython", false) }
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
			return c.Set(ctx, hostmock.WindowHandle, "x", api.Value{Kind: api.ValueNumber, Number: 1})
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
			require.NoError(t, tc.hosts.Page.Set(ctx, hostmock.DocumentHandle, "title", api.Value{Kind: api.ValueText, Text: "untouched"}))
			checkErr(t, tc.use(c), tc.want, false)
			assert.Equal(t, "untouched", tc.hosts.Page.Title(), "the host's page changed")
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
			h := hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", tc.sync)
			h.Env.Report.MainChannel = !tc.foreign
			if tc.config != "" {
				h.Env.Sources = []api.ConfigSource{hostmock.ExplicitConfig(tc.config, api.ConfigFormatAuto)}
			}
			for url, body := range tc.files {
				h.Fetch.Files[base+url] = body
			}
			c := newContext(t, h)
			for range 3 {
				_, _ = c.Window(ctx)
				_, _ = c.Document(ctx)
			}
			var want []string
			if tc.warning {
				want = []string{sabMessage}
			}
			assert.Equal(t, want, h.Env.Warnings(), "warnings")
			if tc.files != nil {
				assert.Len(t, h.Fetch.Fetched(), 1, "fetches of the config URL")
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
		{"C34 main thread", hostmock.MainHosts(hostmock.NewPage(), "pyodide"), 0},
		{"C35 worker with SharedArrayBuffer", hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", true), 0},
		{"C40 worker without SharedArrayBuffer reads sync_main_only", hostmock.WorkerHosts(hostmock.NewPage(), "pyodide", false), 1},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := tc.hosts
			h.Env.Sources = []api.ConfigSource{hostmock.ExplicitConfig(configJSONURL, api.ConfigFormatAuto)}
			h.Fetch.Files[base+"c.json"] = `{"name": "app"}`
			c := newContext(t, h)
			_, _ = c.Window(ctx)
			_, _ = c.Document(ctx)
			require.Len(t, h.Fetch.Fetched(), tc.wantFetch, "fetches by window and document")
			_, err := c.Config(ctx)
			require.NoError(t, err)
			assert.Equal(t, []string{base + "c.json"}, h.Fetch.Fetched(), "after config(), the config URL once")
		})
	}
}
