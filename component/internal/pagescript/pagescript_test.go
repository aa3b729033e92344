package pagescript

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/execctx/execctx/component/internal/jsval"
)

// fakeDOM is a flat page: elements with a tag, attributes in order, text
// and a child-element count. It counts what is released.
type fakeDOM struct {
	els      map[uint32]*el
	next     uint32
	released []uint32
}

type el struct {
	tag      string // lower case
	id       string
	attrs    [][2]string
	text     string
	html     string
	children int
}

func newDOM() *fakeDOM { return &fakeDOM{els: map[uint32]*el{}, next: 2} }

// add makes an element from "tag" and "name=value" pairs ("name" alone: empty value).
func (d *fakeDOM) add(tag, text string, attrs ...string) uint32 {
	e := &el{tag: tag, text: text, html: text}
	for _, a := range attrs {
		if a == "" {
			continue
		}
		k, v, _ := strings.Cut(a, "=")
		if k == "id" {
			e.id = v
			continue
		}
		e.attrs = append(e.attrs, [2]string{k, v})
	}
	d.next++
	d.els[d.next] = e
	return d.next
}

func (d *fakeDOM) TagName(h uint32) string          { return strings.ToUpper(d.els[h].tag) }
func (d *fakeDOM) ElementID(h uint32) string        { return d.els[h].id }
func (d *fakeDOM) SetElementID(h uint32, id string) { d.els[h].id = id }
func (d *fakeDOM) Release(h uint32)                 { d.released = append(d.released, h) }
func (d *fakeDOM) GetElementByID(id string) (uint32, bool) {
	for h, e := range d.els {
		if e.id == id {
			return h, true
		}
	}
	return 0, false
}

func (d *fakeDOM) Get(h uint32, name string) (jsval.Value, error) {
	e := d.els[h]
	switch name {
	case "textContent":
		return jsval.Text(e.text), nil
	case "innerHTML":
		return jsval.Text(e.html), nil
	case "childElementCount":
		return jsval.Number(float64(e.children)), nil
	case "outerHTML":
		var b strings.Builder
		b.WriteString("<" + e.tag)
		for _, a := range e.attrs {
			b.WriteString(" " + a[0] + "=" + strconv.Quote(a[1]))
		}
		b.WriteString(">" + e.html + "</" + e.tag + ">")
		return jsval.Text(b.String()), nil
	}
	return jsval.Undefined(), nil
}

func (d *fakeDOM) Call(h uint32, method string, args []jsval.Value) (jsval.Value, error) {
	e := d.els[h]
	switch method {
	case "getAttribute":
		for _, a := range e.attrs {
			if a[0] == args[0].Text {
				return jsval.Text(a[1]), nil
			}
		}
		return jsval.Null(), nil
	case "cloneNode":
		c := *e
		if !args[0].Bool {
			c.text, c.html = "", ""
		}
		d.next++
		d.els[d.next] = &c
		return jsval.Object(d.next), nil
	}
	return jsval.Value{}, errors.New("TypeError: " + method + " is not a function")
}

const base = "https://example.com/app/index.html"

func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		setup func(d *fakeDOM) uint32
		want  Script
		err   string
	}{
		{name: "main script, inline, async by default",
			setup: func(d *fakeDOM) uint32 {
				return d.add("script", "\n    x = 1\n    if x:\n        print(x)\n", "type=mpy")
			},
			want: Script{Type: "mpy", Async: true, Code: "\nx = 1\nif x:\n    print(x)\n"}},
		{name: "main script with src, resolved against the page; comments are no content",
			setup: func(d *fakeDOM) uint32 {
				return d.add("script", " # the code is in main.py\n", "type=py", "src=./main.py")
			},
			want: Script{Type: "py", Async: true, Src: "https://example.com/app/main.py", HasSrc: true}},
		{name: "async false, 0 and NO run without top-level await",
			setup: func(d *fakeDOM) uint32 { return d.add("script", "x", "type=py", "async=NO") },
			want:  Script{Type: "py", Code: "x"}},
		{name: "any other async value awaits",
			setup: func(d *fakeDOM) uint32 { return d.add("script", "x", "type=py", "async=off") },
			want:  Script{Type: "py", Async: true, Code: "x"}},
		{name: "custom element: type from its name, text content",
			setup: func(d *fakeDOM) uint32 { return d.add("mpy-script", "  a < b", "") },
			want:  Script{Type: "mpy", Async: true, Code: "a < b"}},
		{name: "worker: id assigned, name, config, service worker",
			setup: func(d *fakeDOM) uint32 {
				return d.add("script", "", "type=mpy", "worker", "name=calc", "src=calc.py", "config=./w.toml", "service-worker=./sw.js")
			},
			want: Script{Type: "mpy", Worker: true, ID: "mpy-w0", Async: true, Src: "https://example.com/app/calc.py", HasSrc: true,
				Name: "calc", HasName: true, Config: "./w.toml", HasConfig: true, ServiceWorker: "./sw.js", HasServiceWorker: true}},
		{name: "worker with an id and an empty config: kept, and no config",
			setup: func(d *fakeDOM) uint32 { return d.add("script", "x = 1", "type=py", "worker", "id=mine", "config=") },
			want:  Script{Type: "py", Worker: true, ID: "mine", Async: true, Code: "x = 1"}},
		{name: "C78 a worker attribute with a value",
			setup: func(d *fakeDOM) uint32 { return d.add("script", "x", "type=mpy", "worker=w.py") },
			err:   `(PY0409) Invalid worker attribute for <script type="mpy" worker="w.py"></script>`},
		{name: "a worker with an empty src",
			setup: func(d *fakeDOM) uint32 { return d.add("script", "", "type=mpy", "worker", "src") },
			err:   `(PY0409) Invalid worker attribute for <script type="mpy" worker="" src=""></script>`},
		{name: "src and code on main: the tag with its content",
			setup: func(d *fakeDOM) uint32 { return d.add("script", "print(1)", "type=py", "src=./m.py") },
			err:   `(PY0409) Invalid content for <script type="py" src="./m.py">print(1)</script>`},
		{name: "a src with a scheme that cannot be fetched",
			setup: func(d *fakeDOM) uint32 { return d.add("script", "", "type=py", "src=javascript:alert(1)") },
			err:   `src "javascript:alert(1)": `},
		{name: "not a PyScript tag",
			setup: func(d *fakeDOM) uint32 { return d.add("script", "", "type=module") },
			err:   `not a PyScript tag: <script> of type "module"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDOM()
			h := tc.setup(d)
			got, err := NewReader(d, func(string) {}).Read(h, base)
			switch {
			case tc.err != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.err)):
				t.Fatalf("error %v, want one starting %q", err, tc.err)
			case tc.err == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tc.err == "" && got != tc.want:
				t.Fatalf("got  %+v\nwant %+v", got, tc.want)
			}
			if !slices.Contains(d.released, h) {
				t.Errorf("the element's handle was not released: %v", d.released)
			}
		})
	}
}

// Q17: one counter for the page, across both types, in the order read;
// ids on the page are skipped.
func TestWorkerIDs(t *testing.T) {
	d := newDOM()
	d.add("div", "", "id=py-w1")
	r := NewReader(d, func(string) {})
	var ids []string
	for _, h := range []uint32{
		d.add("script", "", "type=mpy", "worker", "src=a.py"),
		d.add("py-script", "x", "worker"),
		d.add("script", "", "type=py", "worker", "src=b.py", "id=named"),
		d.add("script", "", "type=mpy", "worker", "src=c.py"),
	} {
		s, err := r.Read(h, base)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	if want := []string{"mpy-w0", "py-w2", "named", "mpy-w3"}; !slices.Equal(ids, want) {
		t.Fatalf("ids %v, want %v", ids, want)
	}
}

func TestDeprecatedHTML(t *testing.T) {
	d := newDOM()
	h := d.add("py-script", "", "")
	d.els[h].html, d.els[h].children = "\n  if a &lt; b &amp;&amp; c:\n    <b>x</b>\n", 1
	var warned []string
	s, err := NewReader(d, func(m string) { warned = append(warned, m) }).Read(h, base)
	if err != nil {
		t.Fatal(err)
	}
	if want := "\nif a < b && c:\n  <b>x</b>\n"; s.Code != want {
		t.Fatalf("code %q, want %q", s.Code, want)
	}
	if len(warned) != 1 || !strings.HasPrefix(warned[0], `Deprecated: use <script type="py"> for an always safe content parsing:`) {
		t.Fatalf("warnings %q", warned)
	}
}

func TestCommentsOnly(t *testing.T) {
	for text, want := range map[string]bool{
		"":                          true,
		"  \n\t":                    true,
		"# a\n  // b\n/* c\n d */ ": true,
		"x = 1":                     false,
		"# a\nprint(1)":             false,
		"/* open":                   false,
		"/* a */ print(1) /* b */":  false,
	} {
		if got := commentsOnly(text); got != want {
			t.Errorf("commentsOnly(%q) = %v", text, got)
		}
	}
}

func TestDedent(t *testing.T) {
	for in, want := range map[string]string{
		"x = 1":                 "x = 1",
		"    a\n      b\n    c": "a\n  b\nc",
		"\ta\n\n\t\tb":          "a\n\n\tb",
		"  a\n b":               " a\nb",
	} {
		if got := Dedent(in); got != want {
			t.Errorf("Dedent(%q) = %q, want %q", in, got, want)
		}
	}
}
