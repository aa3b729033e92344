package target

import (
	"errors"
	"testing"

	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/jsval"
)

var onMain = detect.Report{HasDocument: true, SyncUsable: true}

func TestMainTarget(t *testing.T) {
	tests := []struct {
		id, scriptType string
		plain          bool                          // a DOM without PropertySetter
		setup          func(d *fakeDOM) uint32       // returns the running script
		want           string                        // current_target()
		created        int                           // elements made
		check          func(*fakeDOM, uint32) string // "" when fine
	}{
		{id: "C85 py", scriptType: "py", want: "py-0", created: 1,
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "script", "") },
			check: func(d *fakeDOM, s uint32) string {
				el := d.after(s)
				if d.TagName(el) != "SCRIPT-PY" || d.ElementID(el) != "py-0" {
					return "no <script-py id=py-0> right after the script"
				}
				if d.els[s].props["target"] != jsval.Object(el) {
					return "script.target not recorded"
				}
				return ""
			}},
		{id: "C85 C95 mpy gets script-py", scriptType: "mpy", want: "mpy-0", created: 1,
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "script", "") },
			check: func(d *fakeDOM, s uint32) string {
				if d.TagName(d.after(s)) != "SCRIPT-PY" {
					return "companion is " + d.TagName(d.after(s))
				}
				return ""
			}},
		{id: "script in head writes to body", scriptType: "py", want: "py-0", created: 1,
			setup: func(d *fakeDOM) uint32 { return d.add(headH, "script", "") },
			check: func(d *fakeDOM, s uint32) string {
				if el, _ := d.GetElementByID("py-0"); d.els[el].parent != bodyH || d.after(s) != 0 {
					return "companion not appended to body"
				}
				return ""
			}},
		{id: "C90 target attribute names an id", scriptType: "py", want: "out", created: 0,
			setup: func(d *fakeDOM) uint32 {
				d.add(bodyH, "div", "out")
				return d.add(bodyH, "script", "", "target", "out")
			}},
		{id: "target attribute as a selector gets an id", scriptType: "py", want: "py-0", created: 0,
			setup: func(d *fakeDOM) uint32 {
				d.add(bodyH, "section", "")
				return d.add(bodyH, "script", "", "target", "section")
			}},
		{id: "py-script element writes into itself", scriptType: "py", want: "py-0",
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "py-script", "") }},
		{id: "mpy-script element keeps its id", scriptType: "mpy", want: "mine",
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "mpy-script", "mine") }},
		{id: "no script running", scriptType: "py", want: "", setup: func(d *fakeDOM) uint32 { return 0 }},
		{id: "assigned ids skip taken ones", scriptType: "py", want: "py-2", created: 1,
			setup: func(d *fakeDOM) uint32 {
				d.add(bodyH, "p", "py-0")
				d.add(bodyH, "p", "py-1")
				return d.add(bodyH, "script", "")
			}},
		{id: "an earlier context's script.target is reused", scriptType: "py", want: "py-7", created: 0,
			setup: func(d *fakeDOM) uint32 {
				s := d.add(bodyH, "script", "")
				d.els[s].props["target"] = jsval.Object(d.add(bodyH, "script-py", "py-7"))
				return s
			}},
		{id: "C85 without PropertySetter", scriptType: "py", plain: true, want: "py-0", created: 1,
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "script", "") },
			check: func(d *fakeDOM, s uint32) string {
				if _, ok := d.els[s].props["target"]; ok {
					return "a plain DOM got a property"
				}
				return ""
			}},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			d := newFakeDOM()
			script := tc.setup(d)
			d.current = script
			var dom DOM = setterDOM{fakeDOM: d}
			if tc.plain {
				dom = d
			}
			r := NewResolver(dom, tc.scriptType)
			for call := 1; call <= 2; call++ { // the second call hits the cache
				got, err := r.CurrentTarget(onMain)
				if err != nil || got != tc.want || d.created != tc.created {
					t.Fatalf("call %d: CurrentTarget = %q, %v, %d made; want %q, %d made", call, got, err, d.created, tc.want, tc.created)
				}
			}
			// The cache keeps a <script> and its output element, nothing else.
			if el, ok := d.byID(tc.want); ok && script != 0 && d.TagName(script) == "SCRIPT" {
				d.checkRefs(t, script, el)
			} else {
				d.checkRefs(t)
			}
			if tc.check != nil {
				if msg := tc.check(d, script); msg != "" {
					t.Fatal(msg)
				}
			}
		})
	}
}

func TestMainTargetErrors(t *testing.T) {
	tests := []struct {
		id    string
		setup func(d *fakeDOM) uint32
		dom   func(d *fakeDOM) DOM
		want  string
	}{
		{id: "missing target element", want: `Cannot find element for target="nowhere"`,
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "script", "", "target", "nowhere") }},
		{id: "invalid selector", want: `Cannot find element for target="[x": SyntaxError: '[x' is not a valid selector`,
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "script", "", "target", "[x") }},
		{id: "element cannot be made", want: "current_target: out of memory",
			setup: func(d *fakeDOM) uint32 { d.createErr = errors.New("out of memory"); return d.add(bodyH, "script", "") }},
		{id: "script in head, page without body", want: "current_target: the script is in <head> and the page has no <body> to write to",
			setup: func(d *fakeDOM) uint32 { d.noBody = true; return d.add(headH, "script", "") }},
		{id: "detached script", want: "current_target: reference 5 has no parent",
			setup: func(d *fakeDOM) uint32 { return d.add(0, "script", "") }},
		{id: "script.target cannot be set", want: "current_target: recording script.target: TypeError: Cannot redefine property: target",
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "script", "") },
			dom:   func(d *fakeDOM) DOM { return setterDOM{fakeDOM: d, setErr: true} }},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			d := newFakeDOM()
			d.current = tc.setup(d)
			var dom DOM = setterDOM{fakeDOM: d}
			if tc.dom != nil {
				dom = tc.dom(d)
			}
			got, err := NewResolver(dom, "py").CurrentTarget(onMain)
			if err == nil || err.Error() != tc.want || got != "" {
				t.Fatalf("CurrentTarget = %q, %v\nwant error %s", got, err, tc.want)
			}
			d.checkRefs(t) // a failed call keeps nothing
		})
	}
}

func TestCounterAndRedirect(t *testing.T) {
	for _, plain := range []bool{false, true} {
		d := newFakeDOM()
		first := d.add(bodyH, "script", "s1")
		second := d.add(bodyH, "script", "s2")
		tag := d.add(bodyH, "py-script", "")
		var dom DOM = setterDOM{fakeDOM: d}
		if plain {
			dom = d
		}
		r := NewResolver(dom, "py")
		var ids []string
		for _, s := range []uint32{first, second, tag, first} {
			d.current = s
			id, err := r.CurrentTarget(onMain)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if want := []string{"py-0", "py-1", "py-2", "py-0"}; !equal(ids, want) {
			t.Fatalf("plain %v: ids %q, want %q (one counter per type, C85)", plain, ids, want)
		}
		// C91: display(target=<a main script's id>) writes to its output.
		el, err := r.DisplayTarget(onMain, "#s1", true)
		if err != nil || d.ElementID(el) != "py-0" {
			t.Fatalf("plain %v: C91 DisplayTarget(#s1) = %d (%s), %v", plain, el, d.ElementID(el), err)
		}
		d.Release(el) // the caller's reference
		out0, _ := d.byID("py-0")
		out1, _ := d.byID("py-1")
		d.checkRefs(t, first, out0, second, out1)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
