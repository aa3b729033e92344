// Package target computes current_target() and resolves display() targets
// (spec §9): the id of the element a script writes to by default, and the
// element a display(target=...) call writes to.
//
// It keeps PyScript's observable rules, including two oddities kept for
// conformance: a main-thread script's output element is <script-py> for
// mpy scripts too (C95, Q15), and a worker script's output element goes
// right after the script even inside <head> (C94, Q16). It differs where
// the original crashed or could clash:
//
//   - a main script whose target attribute matches nothing fails with
//     `Cannot find element for target="X"`; the original threw a TypeError
//     reading .id of null and the script never ran;
//   - ids it assigns ({type}-{n}) skip ids already in the page, and an
//     output element made earlier (script.target on main, the
//     {id}-target element in a worker) is reused, so a context created
//     again for the same page makes no second element.
//
// Handles: every handle the DOM returns counts as one reference, which the
// Resolver releases (DOM.Release) as soon as it no longer needs it: a
// script's parent, <body>, an element looked up only for its id. It keeps
// the running scripts and their output elements (its cache), and a handle
// DisplayTarget returns belongs to its caller. The window and the
// document (handles 0 and 1) are never released.
package target

import (
	"errors"
	"strconv"
	"strings"

	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/jsval"
)

// DOM is what the logic needs of the page; handles are the host's, with
// jsval.DocumentHandle for the document.
type DOM interface {
	GetElementByID(id string) (uint32, bool)
	CreateElement(tag string) (uint32, error)
	InsertAfter(reference, element uint32) error
	TagName(element uint32) string // upper-case, e.g. "SCRIPT"
	ElementID(element uint32) string
	SetElementID(element uint32, id string)
	CurrentScript() (uint32, bool) // main thread: the script running now
	Get(handle uint32, name string) (jsval.Value, error)
	Call(handle uint32, method string, args []jsval.Value) (jsval.Value, error)
	// Release drops one reference the DOM returned.
	Release(handle uint32)
}

// PropertySetter is what a DOM may also offer to set a JS property. With
// it, a main script's output element is recorded as script.target, as
// PyScript does, so JS sees document.currentScript.target and a later
// context finds the element again.
type PropertySetter interface {
	Set(handle uint32, name string, value jsval.Value) error
}

// Resolver remembers what it computed: one output element per main
// script, and a worker's target, found on first use. Use NewResolver.
type Resolver struct {
	dom        DOM
	scriptType string            // "py" or "mpy"
	next       int               // the {type}-{n} counter: py-0, py-1, …
	companions map[uint32]uint32 // main script → its output element
	worker     *string           // the worker's target, once computed
}

// NewResolver returns a Resolver for scripts of scriptType ("py" or
// "mpy"), which names the ids it assigns.
func NewResolver(dom DOM, scriptType string) *Resolver {
	return &Resolver{dom: dom, scriptType: scriptType, companions: map[uint32]uint32{}}
}

// CurrentTarget is current_target(): the id of the element display()
// writes to by default, or "" when there is none (no running script on
// main; a worker without a script element or without a proxy, C92).
func (r *Resolver) CurrentTarget(report detect.Report) (string, error) {
	if report.InWorker {
		return r.workerTarget(report)
	}
	script, ok := r.dom.CurrentScript()
	if !ok {
		return "", nil
	}
	if r.dom.TagName(script) != "SCRIPT" {
		defer r.release(script)
		return r.ensureID(script), nil // <py-script> writes into itself
	}
	if el, ok := r.companions[script]; ok {
		r.release(script) // the cache holds a reference to it already
		return r.ensureID(el), nil
	}
	el, err := r.companion(script)
	if err != nil {
		r.release(script)
		return "", err
	}
	return r.ensureID(el), nil
}

// DisplayTarget resolves display()'s target to an element: target with one
// leading "#" stripped, or the current target when hasTarget is false. A
// main script's element stands for its output element (C91).
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
		return 0, errors.New("Cannot find element with id='" + target + "' in the page.")
	}
	if r.dom.TagName(el) != "SCRIPT" {
		return el, nil
	}
	if t, err := r.dom.Get(el, "target"); err == nil && t.Kind == jsval.KindObject {
		r.release(el)
		return t.Object, nil
	}
	if c, ok := r.companions[el]; ok {
		// A DOM without PropertySetter: script.target was not set. The
		// caller gets its own reference to c, which the cache keeps.
		r.release(el)
		return r.reference(c)
	}
	return el, nil
}

// reference returns a fresh reference to el, which the Resolver keeps, so
// that a caller can release what it is given: the same element found again
// by id (the cache's own reference stays with the cache).
func (r *Resolver) reference(el uint32) (uint32, error) {
	id := r.dom.ElementID(el)
	if id != "" {
		if again, ok := r.dom.GetElementByID(id); ok {
			return again, nil
		}
	}
	return 0, errors.New("Cannot find element with id='" + id + "' in the page.")
}

// release drops a reference to an object, never the window or document.
func (r *Resolver) release(h uint32) {
	if h != jsval.WindowHandle && h != jsval.DocumentHandle {
		r.dom.Release(h)
	}
}

// releaseValue releases v when it is an object.
func (r *Resolver) releaseValue(v jsval.Value) {
	if v.Kind == jsval.KindObject {
		r.release(v.Object)
	}
}

// ensureID gives el an id of the form {type}-{n} when it has none, and
// returns its id.
func (r *Resolver) ensureID(el uint32) string {
	if id := r.dom.ElementID(el); id != "" {
		return id
	}
	for {
		id := r.scriptType + "-" + strconv.Itoa(r.next)
		r.next++
		other, taken := r.dom.GetElementByID(id)
		if !taken {
			r.dom.SetElementID(el, id)
			return id
		}
		r.release(other)
	}
}
