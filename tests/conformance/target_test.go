package conformance

import (
	"testing"

	"github.com/execctx/execctx/host"
	"github.com/execctx/execctx/host/hostmock"
)

func TestCurrentTargetMain(t *testing.T) {
	for _, tc := range []struct {
		id, interpreter, want string
	}{
		{"C85 C95 pyodide", "pyodide", "py-0"},
		{"C85 C95 micropython", "micropython", "mpy-0"},
	} {
		t.Run(tc.id, func(t *testing.T) {
			page := hostmock.NewPage()
			script := page.Add(page.Body(), "script", "", nil)
			page.SetCurrentScript(script)
			c := newContext(t, hostmock.Main(page, tc.interpreter))
			got, err := c.CurrentTarget(ctx)
			if err != nil || got != tc.want {
				t.Fatalf("current_target() = %q, %v; want %q", got, err, tc.want)
			}
			el, ok := page.Find(tc.want)
			next, _ := page.NextSibling(script)
			if !ok || next != el || page.Describe(el) != "SCRIPT-PY#"+tc.want+" in BODY" {
				t.Fatalf("companion element: %s, right after the script: %v", page.Describe(el), next == el)
			}
			again, _ := c.CurrentTarget(ctx)
			if again != got {
				t.Fatalf("second call gave %q", again)
			}
		})
	}
}

func TestCurrentTargetAttribute(t *testing.T) {
	page := hostmock.NewPage()
	out := page.Add(page.Body(), "div", "out", nil)
	script := page.Add(page.Body(), "script", "", map[string]string{"target": "out"})
	page.SetCurrentScript(script)
	c := newContext(t, hostmock.Main(page, "pyodide"))
	got, err := c.CurrentTarget(ctx)
	if err != nil || got != "out" {
		t.Fatalf("C90 current_target() = %q, %v", got, err)
	}
	h, err := c.DisplayTarget(ctx, host.None[string]())
	if err != nil || h != out {
		t.Fatalf("display target = %d, %v; want %d", h, err, out)
	}
}

func TestCurrentTargetWorker(t *testing.T) {
	page := hostmock.NewPage()
	script := page.Add(page.Head(), "script", "py-w1", nil)
	h := hostmock.Worker(page, "pyodide", true)
	h.Env.Report.WorkerScriptID = host.Some("py-w1")
	got, err := newContext(t, h).CurrentTarget(ctx)
	if err != nil || got != "py-w1-target" {
		t.Fatalf("C86 current_target() = %q, %v", got, err)
	}
	el, _ := page.Find("py-w1-target")
	next, _ := page.NextSibling(script)
	if next != el || page.Describe(el) != "SCRIPT-PY#py-w1-target in HEAD" {
		t.Fatalf("C94 companion %s", page.Describe(el))
	}

	pyworker := hostmock.Worker(hostmock.NewPage(), "pyodide", true)
	got, err = newContext(t, pyworker).CurrentTarget(ctx)
	if err != nil || got != "" {
		t.Fatalf("C92 PyWorker's current_target() = %q, %v", got, err)
	}
}

func TestDisplayTarget(t *testing.T) {
	page := hostmock.NewPage()
	container := page.Add(page.Body(), "div", "test-element-container", nil)
	c := newContext(t, hostmock.Main(page, "pyodide"))
	tests := []struct {
		id      string
		target  host.Opt[string]
		want    uint32
		wantErr string
	}{
		{id: "C87 #id", target: host.Some("#test-element-container"), want: container},
		{id: "C87 id", target: host.Some("test-element-container"), want: container},
		{id: "C88 empty", target: host.Some(""), wantErr: "Cannot find element with id='' in the page."},
		{id: "C88 missing", target: host.Some("non-existing"), wantErr: "Cannot find element with id='non-existing' in the page."},
		{id: "C92 no current target", target: host.None[string](), wantErr: "Cannot find element with id='' in the page."},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := c.DisplayTarget(ctx, tc.target)
			if tc.wantErr != "" {
				checkErr(t, err, tc.wantErr, false)
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("display target = %d, %v; want %d", got, err, tc.want)
			}
		})
	}
}
