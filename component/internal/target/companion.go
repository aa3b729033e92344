package target

import (
	"errors"

	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/jsval"
	"github.com/execctx/execctx/component/internal/wrap"
)

// companion finds or makes the output element (spec §9.1) of a main
// script not in the cache yet: the element already recorded as
// script.target, else the element its target attribute names, else a new
// <script-py> after the script (in <body> when the script is in <head>).
// The cache keeps both handles.
func (r *Resolver) companion(script uint32) (uint32, error) {
	el, err := r.findOrMakeCompanion(script)
	if err != nil {
		return 0, err
	}
	if s, ok := r.dom.(PropertySetter); ok {
		if err := s.Set(script, "target", jsval.Object(el)); err != nil {
			r.release(el)
			return 0, wrap.With("current_target: recording script.target: ", err)
		}
	}
	r.companions[script] = el
	return el, nil
}

func (r *Resolver) findOrMakeCompanion(script uint32) (uint32, error) {
	if t, err := r.dom.Get(script, "target"); err == nil && t.Kind == jsval.KindObject {
		return t.Object, nil // kept as the companion
	}
	attr, err := r.dom.Call(script, "getAttribute", []jsval.Value{jsval.Text("target")})
	if err != nil {
		return 0, wrap.With("current_target: reading the target attribute: ", err)
	}
	if attr.Kind == jsval.KindText && attr.Text != "" {
		return r.query(attr.Text)
	}
	// "script-py" for mpy too, as PyScript's core.js has it (C95).
	el, err := r.dom.CreateElement("script-py")
	if err != nil {
		return 0, wrap.With("current_target: ", err)
	}
	if err := r.place(script, el); err != nil {
		r.release(el)
		return 0, wrap.With("current_target: ", err)
	}
	return el, nil
}

// query finds a target attribute's element by id, then as a CSS selector,
// as polyscript's queryTarget does.
func (r *Resolver) query(target string) (uint32, error) {
	if el, ok := r.dom.GetElementByID(target); ok {
		return el, nil
	}
	notFound := `Cannot find element for target="` + target + `"`
	v, err := r.dom.Call(jsval.DocumentHandle, "querySelector", []jsval.Value{jsval.Text(target)})
	switch {
	case err != nil: // not a valid selector, most likely
		return 0, wrap.With(notFound+": ", err)
	case v.Kind != jsval.KindObject:
		return 0, errors.New(notFound)
	}
	return v.Object, nil // kept as the companion
}

// place puts a new output element right after the script, or at the end
// of <body> when the script is in <head>, where nothing shows.
func (r *Resolver) place(script, el uint32) error {
	parent, err := r.dom.Get(script, "parentElement")
	inHead := err == nil && parent.Kind == jsval.KindObject && r.dom.TagName(parent.Object) == "HEAD"
	r.releaseValue(parent)
	if !inHead {
		return r.dom.InsertAfter(script, el)
	}
	body, err := r.dom.Get(jsval.DocumentHandle, "body")
	if err != nil || body.Kind != jsval.KindObject {
		return errors.New("the script is in <head> and the page has no <body> to write to")
	}
	defer r.release(body.Object)
	appended, err := r.dom.Call(body.Object, "appendChild", []jsval.Value{jsval.Object(el)})
	r.releaseValue(appended) // el again: the Resolver keeps its own reference
	return err
}

// workerTarget is polyscript's worker target (spec §9.2), computed on the
// first call: "" without a proxy of main's document or without a script
// element (a PyWorker); the element itself for a custom element such as
// <py-script worker> (C93); else <script-{type} id="{id}-target"> right
// after the script, even in <head> (C86, C94). The script's target
// attribute is not consulted, as in polyscript (Q14).
func (r *Resolver) workerTarget(report detect.Report) (string, error) {
	if r.worker != nil {
		return *r.worker, nil
	}
	id := ""
	if detect.Document(report).Mode == detect.ModeProxied && report.HasWorkerScript {
		var err error
		if id, err = r.workerCompanion(report.WorkerScriptID); err != nil {
			return "", err
		}
	}
	r.worker = &id
	return id, nil
}

// Only the id is kept, so every handle it gets is released.
func (r *Resolver) workerCompanion(scriptID string) (string, error) {
	script, ok := r.dom.GetElementByID(scriptID)
	if !ok {
		return "", nil
	}
	defer r.release(script)
	if r.dom.TagName(script) != "SCRIPT" {
		return scriptID, nil
	}
	id := scriptID + "-target"
	if existing, ok := r.dom.GetElementByID(id); ok {
		r.release(existing)
		return id, nil // made by an earlier context of this worker
	}
	el, err := r.dom.CreateElement("script-" + r.scriptType)
	if err != nil {
		return "", wrap.With("current_target: ", err)
	}
	defer r.release(el)
	r.dom.SetElementID(el, id)
	if err := r.dom.InsertAfter(script, el); err != nil {
		return "", wrap.With("current_target: ", err)
	}
	return id, nil
}
