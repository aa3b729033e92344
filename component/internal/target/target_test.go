package target

import (
	"testing"

	"github.com/execctx/execctx/component/internal/detect"
)

var (
	main     = detect.Report{HasDocument: true, SyncUsable: true}
	workerOK = detect.Report{InWorker: true, HasDocument: true, SyncUsable: true}
)

func TestMainTarget(t *testing.T) {
	tests := []struct {
		id, scriptType string
		setup          func(d *fakeDOM) uint32 // returns the current script
		want           string
		check          func(t *testing.T, d *fakeDOM, script uint32)
	}{
		{id: "C85 py", scriptType: "py", want: "py-0",
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "script", "") },
			check: func(t *testing.T, d *fakeDOM, s uint32) {
				if el := d.after(s); d.TagName(el) != "SCRIPT-PY" || d.ElementID(el) != "py-0" {
					t.Errorf("no <script-py id=py-0> after the script")
				}
			}},
		{id: "C95 mpy gets script-py", scriptType: "mpy", want: "mpy-0",
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "script", "") },
			check: func(t *testing.T, d *fakeDOM, s uint32) {
				if d.TagName(d.after(s)) != "SCRIPT-PY" {
					t.Errorf("companion tag %s", d.TagName(d.after(s)))
				}
			}},
		{id: "script in head writes to body", scriptType: "py", want: "py-0",
			setup: func(d *fakeDOM) uint32 { return d.add(headH, "script", "") },
			check: func(t *testing.T, d *fakeDOM, s uint32) {
				if el, _ := d.GetElementByID("py-0"); d.els[el].parent != bodyH {
					t.Errorf("companion not in body")
				}
			}},
		{id: "C90 target attribute", scriptType: "py", want: "out",
			setup: func(d *fakeDOM) uint32 {
				d.add(bodyH, "div", "out")
				return d.add(bodyH, "script", "", "target", "out")
			}},
		{id: "target selector", scriptType: "py", want: "py-0",
			setup: func(d *fakeDOM) uint32 {
				d.add(bodyH, "section", "")
				return d.add(bodyH, "script", "", "target", "section")
			}},
		{id: "py-script element writes into itself", scriptType: "py", want: "py-0",
			setup: func(d *fakeDOM) uint32 { return d.add(bodyH, "py-script", "") }},
		{id: "no current script", scriptType: "py", want: "", setup: func(d *fakeDOM) uint32 { return 0 }},
	}
	for _, tc := range tests {
		d := newFakeDOM()
		script := tc.setup(d)
		d.current = script
		r := NewResolver(d, tc.scriptType)
		got, err := r.CurrentTarget(main)
		if err != nil || got != tc.want {
			t.Errorf("%s: CurrentTarget = %q, %v; want %q", tc.id, got, err, tc.want)
			continue
		}
		if again, _ := r.CurrentTarget(main); again != got {
			t.Errorf("%s: second call %q", tc.id, again)
		}
		if tc.check != nil {
			tc.check(t, d, script)
		}
	}
}

func TestMainTargetCounterAndRedirect(t *testing.T) {
	d := newFakeDOM()
	first := d.add(bodyH, "script", "s1")
	second := d.add(bodyH, "script", "s2")
	r := NewResolver(d, "py")
	d.current = first
	a, _ := r.CurrentTarget(main)
	d.current = second
	b, _ := r.CurrentTarget(main)
	if a != "py-0" || b != "py-1" {
		t.Fatalf("ids %q, %q; want py-0, py-1", a, b)
	}
	// C91: display(target=<script id>) writes to that script's companion.
	el, err := r.DisplayTarget(main, "#s1", true)
	if err != nil || d.ElementID(el) != "py-0" {
		t.Fatalf("C91 DisplayTarget(#s1) = %d (%s), %v", el, d.ElementID(el), err)
	}
}

func TestMissingTargetAttribute(t *testing.T) {
	d := newFakeDOM()
	d.current = d.add(bodyH, "script", "", "target", "nowhere")
	_, err := NewResolver(d, "py").CurrentTarget(main)
	if err == nil || err.Error() != `Cannot find element for target="nowhere": no element has that id or matches that selector` {
		t.Fatalf("err = %v", err)
	}
}

func TestWorkerTarget(t *testing.T) {
	withScript := workerOK
	withScript.WorkerScriptID, withScript.HasWorkerScript = "py-w1", true
	noSAB := withScript
	noSAB.SyncUsable = false
	tests := []struct {
		id     string
		report detect.Report
		tag    string
		want   string
	}{
		{"C86 C94", withScript, "script", "py-w1-target"},
		{"C93 custom element", withScript, "py-script", "py-w1"},
		{"C92 PyWorker", workerOK, "script", ""},
		{"no SharedArrayBuffer", noSAB, "script", ""},
	}
	for _, tc := range tests {
		d := newFakeDOM()
		script := d.add(headH, tc.tag, "py-w1")
		r := NewResolver(d, "py")
		got, err := r.CurrentTarget(tc.report)
		if err != nil || got != tc.want {
			t.Errorf("%s: CurrentTarget = %q, %v; want %q", tc.id, got, err, tc.want)
			continue
		}
		if tc.want == "py-w1-target" {
			if el := d.after(script); d.ElementID(el) != tc.want || d.TagName(el) != "SCRIPT-PY" || d.els[el].parent != headH {
				t.Errorf("%s: companion %s#%s not right after the script in head", tc.id, d.TagName(el), d.ElementID(el))
			}
		}
		if again, _ := r.CurrentTarget(tc.report); again != got {
			t.Errorf("%s: second call %q", tc.id, again)
		}
	}
}

func TestDisplayTarget(t *testing.T) {
	d := newFakeDOM()
	container := d.add(bodyH, "div", "test-element-container")
	r := NewResolver(d, "py")
	tests := []struct {
		id, target string
		has        bool
		want       uint32
		wantErr    string
	}{
		{id: "C87", target: "#test-element-container", has: true, want: container},
		{id: "one # only", target: "##test-element-container", has: true, wantErr: "Cannot find element with id='#test-element-container' in the page."},
		{id: "C88 empty", target: "", has: true, wantErr: "Cannot find element with id='' in the page."},
		{id: "C88 missing", target: "non-existing", has: true, wantErr: "Cannot find element with id='non-existing' in the page."},
		{id: "C92 none", has: false, wantErr: "Cannot find element with id='' in the page."},
	}
	for _, tc := range tests {
		got, err := r.DisplayTarget(main, tc.target, tc.has)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("%s: err = %v", tc.id, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: DisplayTarget = %d, %v", tc.id, got, err)
		}
	}
}
