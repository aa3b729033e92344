package target

import (
	"testing"

	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/jsval"
)

func TestDisplayTarget(t *testing.T) {
	d := newFakeDOM()
	container := d.add(bodyH, "div", "test-element-container")
	hashed := d.add(bodyH, "div", "#hashed")
	redirected := d.add(bodyH, "div", "")
	scriptWithTarget := d.add(bodyH, "script", "st")
	d.els[scriptWithTarget].props["target"] = jsval.Object(redirected)
	bare := d.add(bodyH, "script", "bare")
	running := d.add(bodyH, "script", "")
	d.current = running
	worker := detect.Report{InWorker: true, MainChannel: true, HasDocument: true, SyncUsable: true}
	tests := []struct {
		id      string
		report  detect.Report
		target  string
		has     bool
		want    uint32
		wantErr string
	}{
		{id: "C87", report: onMain, target: "#test-element-container", has: true, want: container},
		{id: "C87 in a worker", report: worker, target: "#test-element-container", has: true, want: container},
		{id: "plain id", report: onMain, target: "test-element-container", has: true, want: container},
		{id: "one # stripped only", report: onMain, target: "##hashed", has: true, want: hashed},
		{id: "C88 empty", report: onMain, target: "", has: true, wantErr: "Cannot find element with id='' in the page."},
		{id: "C88 missing", report: onMain, target: "non-existing", has: true, wantErr: "Cannot find element with id='non-existing' in the page."},
		{id: "C88 after stripping", report: onMain, target: "#nope", has: true, wantErr: "Cannot find element with id='nope' in the page."},
		{id: "script with a target property", report: onMain, target: "st", has: true, want: redirected},
		{id: "script without one", report: onMain, target: "bare", has: true, want: bare},
		{id: "C92 worker without a target", report: worker, has: false, wantErr: "Cannot find element with id='' in the page."},
	}
	r := NewResolver(setterDOM{fakeDOM: d}, "py")
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := r.DisplayTarget(tc.report, tc.target, tc.has)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("DisplayTarget = %d, %v; want %d", got, err, tc.want)
			}
			d.Release(got) // the caller's reference
			d.checkRefs(t)
		})
	}
	// C89: without a target, display() writes to the running script's
	// output element, which is made on the way.
	got, err := r.DisplayTarget(onMain, "", false)
	if err != nil || d.ElementID(got) != "py-0" || d.TagName(got) != "SCRIPT-PY" || d.after(running) != got {
		t.Fatalf("C89 DisplayTarget() = %d (%s#%s), %v", got, d.TagName(got), d.ElementID(got), err)
	}
	d.Release(got)
	d.checkRefs(t, running, got) // what the cache keeps
}
