package target

import (
	"testing"

	"github.com/execctx/execctx/component/internal/detect"
)

func TestWorkerTarget(t *testing.T) {
	withScript := detect.Report{InWorker: true, MainChannel: true, HasDocument: true, SyncUsable: true, WorkerScriptID: "py-w1", HasWorkerScript: true}
	noSAB, noDOM, noScript, noChannel := withScript, withScript, withScript, withScript
	noSAB.SyncUsable = false
	noChannel.MainChannel = false
	noDOM.HasDocument = false
	noScript.WorkerScriptID, noScript.HasWorkerScript = "", false
	tests := []struct {
		id         string
		report     detect.Report
		scriptType string
		parent     uint32 // where the worker's element is
		tag        string
		existing   bool // the page already has py-w1-target
		want       string
		wantTag    string // the element made after the script, "" for none
	}{
		{id: "C86 C94 in head", report: withScript, scriptType: "py", parent: headH, tag: "script", want: "py-w1-target", wantTag: "SCRIPT-PY"},
		{id: "C86 in body", report: withScript, scriptType: "py", parent: bodyH, tag: "script", want: "py-w1-target", wantTag: "SCRIPT-PY"},
		{id: "C86 mpy", report: withScript, scriptType: "mpy", parent: bodyH, tag: "script", want: "py-w1-target", wantTag: "SCRIPT-MPY"},
		{id: "C93 custom element", report: withScript, scriptType: "py", parent: bodyH, tag: "py-script", want: "py-w1"},
		{id: "C92 PyWorker", report: noScript, scriptType: "py", parent: bodyH, tag: "script", want: ""},
		{id: "C92 no SharedArrayBuffer", report: noSAB, scriptType: "py", parent: bodyH, tag: "script", want: ""},
		{id: "no channel to main", report: noChannel, scriptType: "py", parent: bodyH, tag: "script", want: ""},
		{id: "main has no DOM", report: noDOM, scriptType: "py", parent: bodyH, tag: "script", want: ""},
		{id: "script gone from the page", report: withScript, scriptType: "py", parent: 0, tag: "script", want: ""},
		{id: "an earlier context's element is reused", report: withScript, scriptType: "py", parent: bodyH, tag: "script", existing: true, want: "py-w1-target"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			d := newFakeDOM()
			script := d.add(tc.parent, tc.tag, "py-w1", "target", "ignored") // Q14
			d.add(bodyH, "div", "ignored")
			if tc.existing {
				d.add(bodyH, "script-py", "py-w1-target")
			}
			r := NewResolver(setterDOM{fakeDOM: d}, tc.scriptType)
			for call := 1; call <= 2; call++ {
				got, err := r.CurrentTarget(tc.report)
				if err != nil || got != tc.want {
					t.Fatalf("call %d: CurrentTarget = %q, %v; want %q", call, got, err, tc.want)
				}
			}
			made := 0
			if tc.wantTag != "" {
				made = 1
				el := d.after(script)
				if d.TagName(el) != tc.wantTag || d.ElementID(el) != tc.want || d.els[el].parent != tc.parent {
					t.Fatalf("made %s#%s in %d, want %s#%s right after the script", d.TagName(el), d.ElementID(el), d.els[el].parent, tc.wantTag, tc.want)
				}
			}
			if d.created != made {
				t.Fatalf("%d elements made, want %d", d.created, made)
			}
			d.checkRefs(t) // a worker keeps its target's id only
		})
	}
}
