// Package target finds current_target() and resolves display() targets
// (spec §9).
package target

import (
	"fmt"
	"strings"

	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/jsval"
)

// DOM is what the logic needs of the page; handles are the host's.
type DOM interface {
	GetElementByID(id string) (uint32, bool)
	CreateElement(tag string) (uint32, error)
	InsertAfter(reference, element uint32) error
	TagName(element uint32) string
	ElementID(element uint32) string
	SetElementID(element uint32, id string)
	CurrentScript() (uint32, bool)
	Get(handle uint32, name string) (jsval.Value, error)
	Set(handle uint32, name string, value jsval.Value) error
	Call(handle uint32, method string, args []jsval.Value) (jsval.Value, error)
}

// Resolver remembers the targets it made: one companion element per main
// script, and a worker's target, computed on first use.
type Resolver struct {
	dom        DOM
	scriptType string            // "py" or "mpy"
	next       int               // the id counter of scriptType: py-0, py-1, …
	companions map[uint32]string // main script handle → target id
	worker     *string
}

// NewResolver returns a Resolver for scripts of scriptType ("py" or "mpy").
func NewResolver(dom DOM, scriptType string) *Resolver {
	return &Resolver{dom: dom, scriptType: scriptType, companions: map[uint32]string{}}
}

// CurrentTarget is current_target(): the id of the element display()
// writes to by default, or "" when there is none.
func (r *Resolver) CurrentTarget(report detect.Report) (string, error) {
	if report.InWorker {
		return r.workerTarget(report)
	}
	script, ok := r.dom.CurrentScript()
	if !ok {
		return "", nil
	}
	if r.dom.TagName(script) != "SCRIPT" {
		return r.ensureID(script), nil // <py-script> writes into itself
	}
	if id, ok := r.companions[script]; ok {
		return id, nil
	}
	id, err := r.companion(script)
	if err != nil {
		return "", err
	}
	r.companions[script] = id
	return id, nil
}

// ensureID gives el an id of the form {type}-{n} when it has none.
func (r *Resolver) ensureID(el uint32) string {
	if id := r.dom.ElementID(el); id != "" {
		return id
	}
	id := fmt.Sprintf("%s-%d", r.scriptType, r.next)
	r.next++
	r.dom.SetElementID(el, id)
	return id
}

// companion finds or creates a main script's output element: its target
// attribute's element, or a new <script-py> after it (in <body> when the
// script is in <head>). PyScript names it script-py for mpy too (C95), and
// this keeps that for conformance.
func (r *Resolver) companion(script uint32) (string, error) {
	attr, err := r.dom.Call(script, "getAttribute", []jsval.Value{jsval.Text("target")})
	if err != nil {
		return "", fmt.Errorf("current_target: %w", err)
	}
	if attr.Kind == jsval.KindText && attr.Text != "" {
		el, err := r.query(attr.Text)
		if err != nil {
			return "", err
		}
		return r.ensureID(el), nil
	}
	el, err := r.dom.CreateElement("script-py")
	if err != nil {
		return "", fmt.Errorf("current_target: %w", err)
	}
	if err := r.place(script, el); err != nil {
		return "", err
	}
	// script.target lets display(<script id>) redirect here (C91).
	if err := r.dom.Set(script, "target", jsval.Object(el)); err != nil {
		return "", fmt.Errorf("current_target: %w", err)
	}
	return r.ensureID(el), nil
}

// query finds a target attribute's element by id, then as a CSS selector.
// The original crashed with a TypeError when neither matched.
func (r *Resolver) query(target string) (uint32, error) {
	if el, ok := r.dom.GetElementByID(target); ok {
		return el, nil
	}
	v, err := r.dom.Call(jsval.DocumentHandle, "querySelector", []jsval.Value{jsval.Text(target)})
	if err == nil && v.Kind == jsval.KindObject {
		return v.Object, nil
	}
	return 0, fmt.Errorf("Cannot find element for target=%q: no element has that id or matches that selector", target)
}

func (r *Resolver) place(script, el uint32) error {
	parent, err := r.dom.Get(script, "parentElement")
	if err == nil && parent.Kind == jsval.KindObject && r.dom.TagName(parent.Object) == "HEAD" {
		body, err := r.dom.Get(jsval.DocumentHandle, "body")
		if err != nil || body.Kind != jsval.KindObject {
			return fmt.Errorf("current_target: the page has no body to write to")
		}
		_, err = r.dom.Call(body.Object, "appendChild", []jsval.Value{jsval.Object(el)})
		return err
	}
	return r.dom.InsertAfter(script, el)
}

// workerTarget is polyscript's worker target: <script-{type} id="{id}-target">
// right after the worker's script (even in <head>, C94), or the element
// itself for a custom element; "" without a script or a proxy (C92).
func (r *Resolver) workerTarget(report detect.Report) (string, error) {
	if r.worker != nil {
		return *r.worker, nil
	}
	id := ""
	if report.SyncUsable && report.HasDocument && report.HasWorkerScript {
		var err error
		if id, err = r.workerCompanion(report.WorkerScriptID); err != nil {
			return "", err
		}
	}
	r.worker = &id
	return id, nil
}

func (r *Resolver) workerCompanion(scriptID string) (string, error) {
	script, ok := r.dom.GetElementByID(scriptID)
	if !ok {
		return "", nil
	}
	if r.dom.TagName(script) != "SCRIPT" {
		return scriptID, nil
	}
	el, err := r.dom.CreateElement("script-" + r.scriptType)
	if err != nil {
		return "", fmt.Errorf("current_target: %w", err)
	}
	id := scriptID + "-target"
	r.dom.SetElementID(el, id)
	if err := r.dom.InsertAfter(script, el); err != nil {
		return "", fmt.Errorf("current_target: %w", err)
	}
	return id, nil
}

// DisplayTarget resolves display()'s target: an id with at most one
// leading "#" stripped, or the current target when hasTarget is false.
// A main script's element redirects to its companion.
func (r *Resolver) DisplayTarget(report detect.Report, target string, hasTarget bool) (uint32, error) {
	if hasTarget {
		target = strings.TrimPrefix(target, "#")
	} else {
		var err error
		if target, err = r.CurrentTarget(report); err != nil {
			return 0, err
		}
	}
	el, ok := r.dom.GetElementByID(target)
	if !ok {
		return 0, fmt.Errorf("Cannot find element with id='%s' in the page.", target)
	}
	if r.dom.TagName(el) == "SCRIPT" {
		if t, err := r.dom.Get(el, "target"); err == nil && t.Kind == jsval.KindObject {
			return t.Object, nil
		}
	}
	return el, nil
}
