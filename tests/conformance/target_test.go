package conformance

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
)

// mainScript adds a main-thread script to page's <body> (or <head>) and
// marks it as running; attrs may be nil.
func mainScript(p *hostmock.Page, inHead bool, tag, id string, attrs map[string]string) uint32 {
	parent := p.Body()
	if inHead {
		parent = p.Head()
	}
	s := p.Add(parent, tag, id, attrs)
	p.SetCurrentScript(s)
	return s
}

// workerFor returns hosts for a worker (with SharedArrayBuffer) that runs
// for the element with id scriptID on p; "" for a PyWorker-made one.
func workerFor(p *hostmock.Page, interpreter, scriptID string) *hostmock.Hosts {
	h := hostmock.WorkerHosts(p, interpreter, true)
	if scriptID != "" {
		h.Env.Report.WorkerScriptID = api.Some(scriptID)
	}
	return h
}

func TestCurrentTarget(t *testing.T) {
	tests := []struct {
		id     string
		setup  func(p *hostmock.Page) (*hostmock.Hosts, uint32) // hosts and the script
		want   string                                           // current_target()
		wantEl string                                           // the element with that id
		after  bool                                             // right after the script
	}{
		{id: "C85 C95 pyodide", want: "py-0", wantEl: "SCRIPT-PY#py-0 in BODY", after: true,
			setup: func(p *hostmock.Page) (*hostmock.Hosts, uint32) {
				return hostmock.MainHosts(p, "pyodide"), mainScript(p, false, "script", "", nil)
			}},
		{id: "C85 C95 micropython", want: "mpy-0", wantEl: "SCRIPT-PY#mpy-0 in BODY", after: true,
			setup: func(p *hostmock.Page) (*hostmock.Hosts, uint32) {
				return hostmock.MainHosts(p, "micropython"), mainScript(p, false, "script", "", nil)
			}},
		{id: "C90 target attribute", want: "out", wantEl: "DIV#out in BODY",
			setup: func(p *hostmock.Page) (*hostmock.Hosts, uint32) {
				p.Add(p.Body(), "div", "out", nil)
				return hostmock.MainHosts(p, "pyodide"), mainScript(p, false, "script", "", map[string]string{"target": "out"})
			}},
		{id: "C89 mpy-script writes into itself", want: "mpy-0", wantEl: "MPY-SCRIPT#mpy-0 in BODY",
			setup: func(p *hostmock.Page) (*hostmock.Hosts, uint32) {
				return hostmock.MainHosts(p, "micropython"), mainScript(p, false, "mpy-script", "", nil)
			}},
		{id: "C86 C94 worker script in head", want: "py-w1-target", wantEl: "SCRIPT-PY#py-w1-target in HEAD", after: true,
			setup: func(p *hostmock.Page) (*hostmock.Hosts, uint32) {
				return workerFor(p, "pyodide", "py-w1"), p.Add(p.Head(), "script", "py-w1", nil)
			}},
		{id: "C86 micropython worker script", want: "mpy-w1-target", wantEl: "SCRIPT-MPY#mpy-w1-target in BODY", after: true,
			setup: func(p *hostmock.Page) (*hostmock.Hosts, uint32) {
				return workerFor(p, "micropython", "mpy-w1"), p.Add(p.Body(), "script", "mpy-w1", nil)
			}},
		{id: "C93 py-script worker writes into itself", want: "w", wantEl: "PY-SCRIPT#w in BODY",
			setup: func(p *hostmock.Page) (*hostmock.Hosts, uint32) {
				return workerFor(p, "pyodide", "w"), p.Add(p.Body(), "py-script", "w", map[string]string{"worker": ""})
			}},
		{id: "C92 PyWorker-made worker", want: "",
			setup: func(p *hostmock.Page) (*hostmock.Hosts, uint32) { return workerFor(p, "pyodide", ""), 0 }},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			page := hostmock.NewPage()
			h, script := tc.setup(page)
			c := newContext(t, h)
			for call := 1; call <= 2; call++ {
				got, err := c.CurrentTarget(ctx)
				require.NoError(t, err, "call %d", call)
				require.Equal(t, tc.want, got, "call %d: current_target()", call)
			}
			if tc.want == "" {
				return
			}
			el, _ := page.Find(tc.want)
			next, _ := page.NextSibling(script)
			assert.Equal(t, tc.wantEl, page.Describe(el), "the target element")
			assert.Equal(t, tc.after, next == el, "the target element is right after the script")
		})
	}
}

func TestDisplayTarget(t *testing.T) {
	onMain := func(interpreter string) func(p *hostmock.Page) *hostmock.Hosts {
		return func(p *hostmock.Page) *hostmock.Hosts { return hostmock.MainHosts(p, interpreter) }
	}
	tests := []struct {
		id      string
		setup   func(p *hostmock.Page) *hostmock.Hosts
		ran     bool // the running script computed its target first
		target  api.Option[string]
		want    string // the element, as Page.Describe gives it
		wantErr string
	}{
		{id: "C87 #id", setup: onMain("pyodide"), target: api.Some("#test-element-container"), want: "DIV#test-element-container in BODY"},
		{id: "C87 id", setup: onMain("pyodide"), target: api.Some("test-element-container"), want: "DIV#test-element-container in BODY"},
		{id: "C87 in a worker", setup: func(p *hostmock.Page) *hostmock.Hosts { return workerFor(p, "pyodide", "") },
			target: api.Some("#test-element-container"), want: "DIV#test-element-container in BODY"},
		{id: "C88 empty", setup: onMain("pyodide"), target: api.Some(""), wantErr: "Cannot find element with id='' in the page."},
		{id: "C88 missing", setup: onMain("pyodide"), target: api.Some("non-existing"),
			wantErr: "Cannot find element with id='non-existing' in the page."},
		{id: "C89 script type=mpy", target: api.None[string](), want: "SCRIPT-PY#mpy-0 in BODY",
			setup: func(p *hostmock.Page) *hostmock.Hosts {
				mainScript(p, false, "script", "", map[string]string{"type": "mpy"})
				return hostmock.MainHosts(p, "micropython")
			}},
		{id: "C89 mpy-script", target: api.None[string](), want: "MPY-SCRIPT#mpy-0 in BODY",
			setup: func(p *hostmock.Page) *hostmock.Hosts {
				mainScript(p, false, "mpy-script", "", nil)
				return hostmock.MainHosts(p, "micropython")
			}},
		{id: "C89 C93 mpy-script worker", target: api.None[string](), want: "MPY-SCRIPT#mpy-w1 in BODY",
			setup: func(p *hostmock.Page) *hostmock.Hosts {
				p.Add(p.Body(), "mpy-script", "mpy-w1", map[string]string{"worker": ""})
				return workerFor(p, "micropython", "mpy-w1")
			}},
		{id: "C90 target attribute", target: api.None[string](), want: "DIV#out in BODY",
			setup: func(p *hostmock.Page) *hostmock.Hosts {
				p.Add(p.Body(), "div", "out", nil)
				mainScript(p, false, "script", "", map[string]string{"target": "out"})
				return hostmock.MainHosts(p, "pyodide")
			}},
		{id: "C91 a main script's id means its output element", ran: true, target: api.Some("s1"), want: "SCRIPT-PY#py-0 in BODY",
			setup: func(p *hostmock.Page) *hostmock.Hosts {
				mainScript(p, false, "script", "s1", nil)
				return hostmock.MainHosts(p, "pyodide")
			}},
		{id: "C92 PyWorker-made worker has no current target", target: api.None[string](),
			setup:   func(p *hostmock.Page) *hostmock.Hosts { return workerFor(p, "pyodide", "") },
			wantErr: "Cannot find element with id='' in the page."},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			page := hostmock.NewPage()
			page.Add(page.Body(), "div", "test-element-container", nil)
			c := newContext(t, tc.setup(page))
			if tc.ran {
				_, err := c.CurrentTarget(ctx)
				require.NoError(t, err)
			}
			got, err := c.DisplayTarget(ctx, tc.target)
			if tc.wantErr != "" {
				checkErr(t, err, tc.wantErr, false)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, page.Describe(got), "display target")
		})
	}
}

// TestTargetReleasesHandles: the guest releases, through window.release,
// every handle it got from the host and does not keep (spec §9 lookups).
// Page hands out one handle per element, so a kept element may show up
// too: each handle the host returns counts as one reference.
func TestTargetReleasesHandles(t *testing.T) {
	tests := []struct {
		id string
		// setup builds the page and returns the hosts, what to run, and
		// the handles that must be released, in order.
		setup func(p *hostmock.Page) (*hostmock.Hosts, func(Context) error, func() []uint32)
	}{
		{id: "C85 script in body: its parent", setup: func(p *hostmock.Page) (*hostmock.Hosts, func(Context) error, func() []uint32) {
			mainScript(p, false, "script", "", nil)
			return hostmock.MainHosts(p, "pyodide"), currentTarget, func() []uint32 { return []uint32{p.Body()} }
		}},
		{id: "C85 script in head: its parent, <body> and appendChild's result", setup: func(p *hostmock.Page) (*hostmock.Hosts, func(Context) error, func() []uint32) {
			mainScript(p, true, "script", "", nil)
			return hostmock.MainHosts(p, "pyodide"), currentTarget, func() []uint32 {
				out, _ := p.Find("py-0")
				return []uint32{p.Head(), out, p.Body()}
			}
		}},
		{id: "C85 a second call: the script again", setup: func(p *hostmock.Page) (*hostmock.Hosts, func(Context) error, func() []uint32) {
			s := mainScript(p, false, "script", "", nil)
			twice := func(c Context) error {
				if err := currentTarget(c); err != nil {
					return err
				}
				return currentTarget(c)
			}
			return hostmock.MainHosts(p, "pyodide"), twice, func() []uint32 { return []uint32{p.Body(), s} }
		}},
		{id: "C85 an id already taken: the element found", setup: func(p *hostmock.Page) (*hostmock.Hosts, func(Context) error, func() []uint32) {
			taken := p.Add(p.Body(), "p", "py-0", nil)
			mainScript(p, false, "script", "", nil)
			return hostmock.MainHosts(p, "pyodide"), currentTarget, func() []uint32 { return []uint32{p.Body(), taken} }
		}},
		{id: "C86 worker script: the script and the element made", setup: func(p *hostmock.Page) (*hostmock.Hosts, func(Context) error, func() []uint32) {
			s := p.Add(p.Body(), "script", "py-w1", nil)
			return workerFor(p, "pyodide", "py-w1"), currentTarget, func() []uint32 {
				out, _ := p.Find("py-w1-target")
				return []uint32{out, s}
			}
		}},
		{id: "C93 py-script worker: the element", setup: func(p *hostmock.Page) (*hostmock.Hosts, func(Context) error, func() []uint32) {
			s := p.Add(p.Body(), "py-script", "w", nil)
			return workerFor(p, "pyodide", "w"), currentTarget, func() []uint32 { return []uint32{s} }
		}},
		{id: "C91 display(target=<script>): the script, not its output", setup: func(p *hostmock.Page) (*hostmock.Hosts, func(Context) error, func() []uint32) {
			s := mainScript(p, false, "script", "s1", nil)
			run := func(c Context) error {
				if err := currentTarget(c); err != nil {
					return err
				}
				_, err := c.DisplayTarget(ctx, api.Some("s1"))
				return err
			}
			return hostmock.MainHosts(p, "pyodide"), run, func() []uint32 { return []uint32{p.Body(), s} }
		}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			page := hostmock.NewPage()
			h, run, want := tc.setup(page)
			require.NoError(t, run(newContext(t, h)))
			assert.Equal(t, want(), page.Released(), "released handles")
		})
	}
}

func currentTarget(c Context) error {
	_, err := c.CurrentTarget(ctx)
	return err
}
