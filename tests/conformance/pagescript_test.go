package conformance

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
)

// TestPageScript: the tags of a PyScript page as PyScript runs them (spec
// §7.4), read by one main-thread context, as execctx/auto reads them.
// Worker ids count across types in reading order (Q17).
func TestPageScript(t *testing.T) {
	p := hostmock.NewPage()
	h := hostmock.MainHosts(p, "")
	h.Env.Report.BaseURL = "https://example.com/app/"
	c := newContext(t, h)
	some, none := api.Some[string], api.None[string]()
	tag := func(name, text string, attrs map[string]string) uint32 {
		el := p.Add(p.Body(), name, "", attrs)
		require.NoError(t, p.Set(ctx, el, "textContent", api.Value{Kind: api.ValueText, Text: text}))
		return el
	}
	tests := []struct {
		id    string
		el    uint32
		want  api.ScriptTag
		error string
	}{
		{id: "main script, inline, dedented, async by default",
			el:   tag("script", "\n  x = 1\n  print(x)\n", map[string]string{"type": "mpy"}),
			want: api.ScriptTag{ScriptType: "mpy", Code: "\nx = 1\nprint(x)\n", RunAsync: true, Src: none, Name: none, Config: none, ServiceWorker: none}},
		{id: "main script with src and async false",
			el:   tag("script", "", map[string]string{"type": "py", "src": "./main.py", "async": "false"}),
			want: api.ScriptTag{ScriptType: "py", Src: some("https://example.com/app/main.py"), Name: none, Config: none, ServiceWorker: none}},
		{id: "C78 worker with a name and a config, id assigned",
			el: tag("script", "", map[string]string{"type": "py", "worker": "", "src": "w.py", "name": "calc", "config": `{"a": 1}`}),
			want: api.ScriptTag{ScriptType: "py", Worker: true, ID: "py-w0", Src: some("https://example.com/app/w.py"), RunAsync: true,
				Name: some("calc"), Config: some(`{"a": 1}`), ServiceWorker: none}},
		{id: "C78 worker custom element: the counter is the page's",
			el:   tag("mpy-script", "x = 1", map[string]string{"worker": ""}),
			want: api.ScriptTag{ScriptType: "mpy", Worker: true, ID: "mpy-w1", Code: "x = 1", RunAsync: true, Src: none, Name: none, Config: none, ServiceWorker: none}},
		{id: "C78 a worker attribute with a value is refused",
			el:    tag("script", "", map[string]string{"type": "mpy", "worker": "w.py"}),
			error: `(PY0409) Invalid worker attribute for <script type="mpy" worker="w.py"></script>`},
		{id: "src and content on main",
			el:    tag("script", "print(1)", map[string]string{"type": "py", "src": "m.py"}),
			error: `(PY0409) Invalid content for <script src="m.py" type="py">print(1)</script>`},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := c.PageScript(ctx, tc.el)
			if tc.error != "" {
				checkErr(t, err, tc.error, false)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
	for _, id := range []string{"py-w0", "mpy-w1"} {
		_, ok := p.Find(id)
		require.True(t, ok, "no element has the id %q that PageScript gave", id)
	}
}
