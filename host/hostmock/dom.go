package hostmock

import (
	"context"
	"fmt"
	"strings"

	"github.com/execctx/execctx/api"
)

func text(s string) api.Value    { return api.Value{Kind: api.ValueText, Text: s} }
func object(h uint32) api.Value  { return api.Value{Kind: api.ValueObject, Object: h} }
func undefined() api.Value       { return api.Value{Kind: api.ValueUndefined} }
func null() api.Value            { return api.Value{Kind: api.ValueNull} }
func noObject(h uint32) error    { return fmt.Errorf("no object with handle %d", h) }
func notFunction(m string) error { return fmt.Errorf("TypeError: %s is not a function", m) }
func argText(args []api.Value) string {
	if len(args) == 0 {
		return "undefined"
	}
	return args[0].Text
}

// Get implements api.Window.
func (p *Page) Get(_ context.Context, target uint32, name string) (api.Value, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch target {
	case WindowHandle:
		if name == "document" {
			return object(DocumentHandle), nil
		}
		return undefined(), nil
	case DocumentHandle:
		switch name {
		case "title":
			return text(p.title), nil
		case "body", "head":
			for _, n := range p.walk() {
				if n.tag == strings.ToUpper(name) {
					return object(n.handle), nil
				}
			}
		}
		return undefined(), nil
	}
	n, ok := p.nodes[target]
	if !ok {
		return api.Value{}, noObject(target)
	}
	switch name {
	case "id":
		return text(n.id), nil
	case "tagName":
		return text(n.tag), nil
	case "parentElement":
		if n.parent == nil {
			return null(), nil
		}
		return object(n.parent.handle), nil
	case "outerHTML":
		return text(outerHTMLLocked(n)), nil
	}
	if v, ok := n.props[name]; ok {
		return v, nil
	}
	return undefined(), nil
}

// Set implements api.Window.
func (p *Page) Set(_ context.Context, target uint32, name string, value api.Value) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch target {
	case WindowHandle:
		return nil
	case DocumentHandle:
		if name == "title" {
			p.title = value.Text
		}
		return nil
	}
	n, ok := p.nodes[target]
	if !ok {
		return noObject(target)
	}
	if name == "id" {
		n.id = value.Text
		return nil
	}
	n.props[name] = value
	return nil
}

// Call implements api.Window for the few methods the context logic uses.
func (p *Page) Call(_ context.Context, target uint32, method string, args []api.Value) (api.Value, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if target == DocumentHandle {
		switch method {
		case "getElementById":
			if n := p.findLocked(argText(args)); n != nil {
				return object(n.handle), nil
			}
			return null(), nil
		case "querySelector":
			return p.querySelector(argText(args)), nil
		}
		return api.Value{}, notFunction("document." + method)
	}
	n, ok := p.nodes[target]
	if !ok {
		return api.Value{}, noObject(target)
	}
	switch method {
	case "getAttribute":
		if v, ok := n.attrs[argText(args)]; ok {
			return text(v), nil
		}
		return null(), nil
	case "cloneNode":
		return p.cloneLocked(n, len(args) == 1 && args[0].Boolean), nil
	case "appendChild":
		if len(args) == 1 && p.nodes[args[0].Object] != nil {
			p.appendChild(n, p.nodes[args[0].Object])
			return args[0], nil
		}
		return api.Value{}, fmt.Errorf("TypeError: appendChild needs one element")
	}
	return api.Value{}, notFunction(strings.ToLower(n.tag) + "." + method)
}

// querySelector understands "#id", "tag" and "tag#id".
func (p *Page) querySelector(sel string) api.Value {
	tag, id, _ := strings.Cut(sel, "#")
	for _, n := range p.walk() {
		if (tag == "" || n.tag == strings.ToUpper(tag)) && (id == "" || n.id == id) {
			return object(n.handle)
		}
	}
	return null()
}

// Release implements api.Window by recording handle (see Released).
// Each handle a host returns counts as one reference, which the guest
// releases once it no longer needs it; Page hands out one handle per
// element and keeps every element, so the same handle may be released
// several times and stays usable.
func (p *Page) Release(_ context.Context, handle uint32) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.released = append(p.released, handle)
}

// GetElementByID implements api.Document.
func (p *Page) GetElementByID(_ context.Context, id string) api.Option[uint32] {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := p.findLocked(id); n != nil {
		return api.Some(n.handle)
	}
	return api.None[uint32]()
}

// CreateElement implements api.Document.
func (p *Page) CreateElement(_ context.Context, tag string) (uint32, error) {
	if tag == "" || strings.ContainsAny(tag, " <>") {
		return 0, fmt.Errorf("InvalidCharacterError: %q is not a valid tag name", tag)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.newNode(tag).handle, nil
}

// InsertAfter implements api.Document.
func (p *Page) InsertAfter(_ context.Context, reference, element uint32) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	ref, el := p.nodes[reference], p.nodes[element]
	if ref == nil || el == nil || ref.parent == nil {
		return fmt.Errorf("insert-after: %d or %d is not an attached element", reference, element)
	}
	p.detach(el)
	parent := ref.parent
	for i, c := range parent.children {
		if c == ref {
			parent.children = append(parent.children[:i+1], append([]*node{el}, parent.children[i+1:]...)...)
			break
		}
	}
	el.parent = parent
	return nil
}

// TagName implements api.Document.
func (p *Page) TagName(_ context.Context, element uint32) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := p.nodes[element]; n != nil {
		return n.tag
	}
	return ""
}

// ElementID implements api.Document.
func (p *Page) ElementID(_ context.Context, element uint32) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := p.nodes[element]; n != nil {
		return n.id
	}
	return ""
}

// SetElementID implements api.Document.
func (p *Page) SetElementID(_ context.Context, element uint32, id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := p.nodes[element]; n != nil {
		n.id = id
	}
}

// CurrentScript implements api.Document.
func (p *Page) CurrentScript(context.Context) api.Option[uint32] {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.current == 0 {
		return api.None[uint32]()
	}
	return api.Some(p.current)
}
