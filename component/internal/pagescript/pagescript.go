// Package pagescript reads the tags of a PyScript page as PyScript runs
// them (spec §7.4, §9): <script type="py">, <script type="mpy">,
// <py-script> and <mpy-script>. For one element it decides which
// interpreter runs it, whether on the main thread or in a worker, where
// its code is, whether it may await at top level, and for a worker its
// id, name, config attribute and service worker. A host finds the tags
// and runs what [Reader.Read] says; every rule is here.
//
// It keeps polyscript's rules and messages: a worker attribute with a
// value, or a worker's empty src, is "(PY0409) Invalid worker attribute
// for <the tag>"; a main tag with both src and code (other than
// comments) is "(PY0409) Invalid content for <the tag, with its
// content>"; a tag runs with top-level await unless its async attribute
// is false, 0 or no (any case); inline code is dedented, and a custom
// element that holds child elements gives its HTML, unescaped, with
// polyscript's deprecation warning. It differs in two places:
//
//   - a worker tag without an id gets {type}-w{n} from one counter for the
//     page, as polyscript's, but counted in the order the host reads the
//     tags (document order for execctx's hosts), where polyscript's order
//     depends on when each type's config resolved (Q17); ids already on
//     the page are skipped, as package target skips them;
//   - a <py-script worker> without an id also gets py-wN: polyscript's
//     custom element assigned py-N from its id getter first (Q17).
package pagescript

import (
	"errors"
	"strconv"
	"strings"

	"github.com/execctx/execctx/component/internal/config"
	"github.com/execctx/execctx/component/internal/jsval"
	"github.com/execctx/execctx/component/internal/wrap"
)

// DOM is what the reader needs of the page; handles are the host's.
type DOM interface {
	TagName(element uint32) string // upper-case, e.g. "SCRIPT"
	ElementID(element uint32) string
	SetElementID(element uint32, id string)
	GetElementByID(id string) (uint32, bool)
	Get(handle uint32, name string) (jsval.Value, error)
	Call(handle uint32, method string, args []jsval.Value) (jsval.Value, error)
	// Release drops one reference the DOM returned or the host gave.
	Release(handle uint32)
}

// Script is one tag as PyScript runs it.
type Script struct {
	Type   string // "py" (Pyodide) or "mpy" (MicroPython)
	Worker bool

	// ID is a worker's element id, given or assigned; "" on main, where
	// the output element's id is package target's.
	ID string

	Src    string // absolute URL of the code, when HasSrc
	HasSrc bool
	Code   string // the inline code, dedented, when !HasSrc

	Async bool // top-level await allowed (PyScript's default)

	// A worker's name, config and service-worker attributes; a config
	// attribute that is empty counts as none, so that the worker takes
	// the main config of its type, as polyscript's `config || …`.
	Name, Config, ServiceWorker          string
	HasName, HasConfig, HasServiceWorker bool
}

// Reader reads tags, counting the worker ids it assigns. Use NewReader.
type Reader struct {
	dom     DOM
	warn    func(string)
	workers int // the {type}-w{n} counter, one for the page
}

// NewReader returns a Reader over dom; warn prints a console warning.
func NewReader(dom DOM, warn func(string)) *Reader {
	return &Reader{dom: dom, warn: warn}
}

// polyscript's error texts (esm/errors.js), with PyScript's code.
const (
	invalidWorker  = "Invalid worker attribute"
	invalidContent = "Invalid content"
)

// Read reads element, a handle the caller gives up (Read releases it).
// baseURL resolves src. An error is PyScript's message for a tag it
// refuses, or the DOM's failure.
func (r *Reader) Read(element uint32, baseURL string) (Script, error) {
	defer r.dom.Release(element)
	t, err := r.scriptType(element)
	if err != nil {
		return Script{}, err
	}
	s := Script{Type: t}
	worker, hasWorker, err := r.attr(element, "worker")
	if err != nil {
		return Script{}, err
	}
	src, hasSrc, err := r.attr(element, "src")
	if err != nil {
		return Script{}, err
	}
	async, _, err := r.attr(element, "async")
	if err != nil {
		return Script{}, err
	}
	s.Worker, s.Async = hasWorker, !isSync(async)
	if hasWorker {
		if worker != "" || (hasSrc && src == "") {
			return Script{}, r.refuse(element, invalidWorker, false)
		}
		if err := r.workerAttrs(element, &s); err != nil {
			return Script{}, err
		}
	} else if hasSrc {
		text, err := r.text(element, "textContent")
		if err != nil {
			return Script{}, err
		}
		if !commentsOnly(text) {
			return Script{}, r.refuse(element, invalidContent, true)
		}
	}
	if hasSrc {
		abs, err := config.Resolve(strings.TrimSpace(src), baseURL, nil)
		if err != nil {
			return Script{}, wrap.With("src "+strconv.Quote(src)+": ", err)
		}
		s.Src, s.HasSrc = abs, true
		return s, nil
	}
	s.Code, err = r.code(element, t)
	return s, err
}

// scriptType is the tag's type: its type attribute for a <script>, its
// name's prefix for a custom element.
func (r *Reader) scriptType(element uint32) (string, error) {
	tag := r.dom.TagName(element)
	t := strings.ToLower(strings.TrimSuffix(tag, "-SCRIPT"))
	if tag == "SCRIPT" {
		var err error
		if t, _, err = r.attr(element, "type"); err != nil {
			return "", err
		}
	}
	if t != "py" && t != "mpy" {
		return "", errors.New("not a PyScript tag: <" + strings.ToLower(tag) + "> of type " + strconv.Quote(t) +
			`; PyScript runs <script type="py">, <script type="mpy">, <py-script> and <mpy-script>`)
	}
	return t, nil
}

// workerAttrs reads a worker's id (assigning one), name, config and
// service worker.
func (r *Reader) workerAttrs(element uint32, s *Script) error {
	var err error
	if s.Name, s.HasName, err = r.attr(element, "name"); err != nil {
		return err
	}
	if s.Config, s.HasConfig, err = r.attr(element, "config"); err != nil {
		return err
	}
	s.HasConfig = s.Config != ""
	if s.ServiceWorker, s.HasServiceWorker, err = r.attr(element, "service-worker"); err != nil {
		return err
	}
	s.HasServiceWorker = s.ServiceWorker != ""
	s.ID = r.workerID(element, s.Type)
	return nil
}

// workerID is the element's id, or the next free {type}-w{n}, set on it.
func (r *Reader) workerID(element uint32, t string) string {
	if id := r.dom.ElementID(element); id != "" {
		return id
	}
	for {
		id := t + "-w" + strconv.Itoa(r.workers)
		r.workers++
		other, taken := r.dom.GetElementByID(id)
		if !taken {
			r.dom.SetElementID(element, id)
			return id
		}
		r.dom.Release(other)
	}
}

// code is the tag's inline code, as polyscript reads it.
func (r *Reader) code(element uint32, t string) (string, error) {
	children, err := r.dom.Get(element, "childElementCount")
	if err != nil {
		return "", wrap.With("reading the tag's code: ", err)
	}
	if children.Kind != jsval.KindNumber || children.Number == 0 {
		text, err := r.text(element, "textContent")
		return Dedent(text), err
	}
	html, err := r.text(element, "innerHTML")
	if err != nil {
		return "", err
	}
	code := Dedent(Unescape(html))
	r.warn("Deprecated: use <script type=\"" + t + "\"> for an always safe content parsing:\n" + code)
	return code, nil
}

// attr is getAttribute(name); ok is false when the attribute is absent.
func (r *Reader) attr(element uint32, name string) (value string, ok bool, err error) {
	v, err := r.dom.Call(element, "getAttribute", []jsval.Value{jsval.Text(name)})
	if err != nil {
		return "", false, wrap.With("reading the "+name+" attribute: ", err)
	}
	return v.Text, v.Kind == jsval.KindText, nil
}

// text reads a text property of element.
func (r *Reader) text(element uint32, name string) (string, error) {
	v, err := r.dom.Get(element, name)
	if err != nil {
		return "", wrap.With("reading the tag's "+name+": ", err)
	}
	return v.Text, nil
}

// refuse is PyScript's error for a tag polyscript refused: the message
// and the tag's HTML, with its content only for invalid content.
func (r *Reader) refuse(element uint32, message string, deep bool) error {
	html, err := r.outerHTML(element, deep)
	if err != nil {
		return wrap.With("(PY0409) "+message+": ", err)
	}
	return errors.New("(PY0409) " + message + " for " + html)
}

// outerHTML is the HTML of a copy of element (cloneNode(deep)).
func (r *Reader) outerHTML(element uint32, deep bool) (string, error) {
	clone, err := r.dom.Call(element, "cloneNode", []jsval.Value{jsval.Bool(deep)})
	if err != nil {
		return "", err
	}
	if clone.Kind != jsval.KindObject {
		return "", errors.New("cloneNode gave no element")
	}
	defer r.dom.Release(clone.Object)
	return r.text(clone.Object, "outerHTML")
}

// isSync: a tag runs without top-level await only when its async
// attribute is false, 0 or no, in any case (polyscript's isSync).
func isSync(async string) bool {
	return strings.EqualFold(async, "false") || async == "0" || strings.EqualFold(async, "no")
}
