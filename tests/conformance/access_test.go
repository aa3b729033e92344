package conformance

import (
	"testing"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

const sabMessage = "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer"

func TestAccess(t *testing.T) {
	direct := host.Access{Kind: host.AccessDirect}
	proxied := host.Access{Kind: host.AccessProxied}
	ns := func(name, msg string) host.Access {
		return host.Access{Kind: host.AccessNotSupported, NotSupported: host.NotSupported{Name: name, Message: msg}}
	}
	tests := []struct {
		id                     string
		hosts                  *hostmock.Hosts
		window, document, sync host.Access
	}{
		{"C34 C37 C46 main thread", hostmock.Main(hostmock.NewPage(), "pyodide"), direct, direct,
			ns("pyscript.sync", "pyscript.sync works only when running in a worker")},
		{"C35 worker with SharedArrayBuffer", hostmock.Worker(hostmock.NewPage(), "pyodide", true), proxied, proxied, proxied},
		{"C38 worker without SharedArrayBuffer", hostmock.Worker(hostmock.NewPage(), "micropython", false),
			ns("pyscript.window", sabMessage), ns("pyscript.document", sabMessage), host.Access{Kind: host.AccessAsyncOnly}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			c := newContext(t, tc.hosts)
			for name, want := range map[string]host.Access{"window": tc.window, "document": tc.document, "sync": tc.sync} {
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

func TestNodeMainHasNoDOM(t *testing.T) {
	h := hostmock.Main(hostmock.NewPage(), "pyodide")
	h.Env.Report.HasDocument = false
	h.Env.Report.Runtime = host.RuntimeKindNode
	got, err := newContext(t, h).Window(ctx)
	if err != nil || got.Kind != host.AccessNotSupported || got.NotSupported.Name != "pyscript.window" {
		t.Fatalf("window = %+v, %v; want NotSupported pyscript.window", got, err)
	}
	if got.NotSupported.Message == "" || got.NotSupported.Message == sabMessage {
		t.Fatalf("message %q should say that Node has no DOM", got.NotSupported.Message)
	}
}

// TestProxiedDocument: C36, title written and read back through the
// component, and C35's window.document.
func TestProxiedDocument(t *testing.T) {
	for _, inWorker := range []bool{false, true} {
		page := hostmock.NewPage()
		h := hostmock.Main(page, "pyodide")
		if inWorker {
			h = hostmock.Worker(page, "pyodide", true)
		}
		c := newContext(t, h)
		doc, err := c.Get(ctx, hostmock.WindowHandle, "document")
		if err != nil || doc.Kind != host.ValueObject || doc.Object != hostmock.DocumentHandle {
			t.Fatalf("window.document = %+v, %v", doc, err)
		}
		if err := c.Set(ctx, hostmock.DocumentHandle, "title", host.Value{Kind: host.ValueText, Text: "A new title"}); err != nil {
			t.Fatal(err)
		}
		got, err := c.Get(ctx, hostmock.DocumentHandle, "title")
		if err != nil || got.Text != "A new title" || page.Title() != "A new title" {
			t.Fatalf("C36 (worker=%v): title = %+v, %v; page has %q", inWorker, got, err, page.Title())
		}
	}
}

// TestNotSupportedAccess: C39, C45 and the main-thread sync: every use
// fails with the exact message.
func TestNotSupportedAccess(t *testing.T) {
	c := newContext(t, hostmock.Worker(hostmock.NewPage(), "micropython", false))
	_, err := c.Get(ctx, hostmock.DocumentHandle, "title")
	checkErr(t, err, sabMessage, false)
	err = c.Set(ctx, hostmock.WindowHandle, "x", host.Value{})
	checkErr(t, err, sabMessage, false)
	_, err = c.Call(ctx, hostmock.DocumentHandle, "getElementById", nil)
	checkErr(t, err, sabMessage, false)
	_, err = c.JSImport(ctx, []string{"https://example.test/m.js"})
	checkErr(t, err, sabMessage, false)
}

func TestWorkerWarning(t *testing.T) {
	tests := []struct {
		id      string
		config  string
		sync    bool
		warning bool
	}{
		{"C40 warns once without SharedArrayBuffer", "", false, true},
		{"C41 sync_main_only silences it", `{"sync_main_only": true}`, false, false},
		{"C41 Python truthiness: a non-empty string silences", `{"sync_main_only": "false"}`, false, false},
		{"C41 Python truthiness: 0 does not silence", `{"sync_main_only": 0}`, false, true},
		{"no warning with SharedArrayBuffer", "", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := hostmock.Worker(hostmock.NewPage(), "pyodide", tc.sync)
			if tc.config != "" {
				h.Env.Sources = []host.ConfigSource{hostmock.InlineConfig(tc.config, host.ConfigFormatJSON)}
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
		})
	}
}
