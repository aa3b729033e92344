package hostmock

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/execctx/execctx/api"
)

// Handles of the two objects every page has, as the WIT fixes them.
const (
	WindowHandle   uint32 = 0
	DocumentHandle uint32 = 1
)

// Page is a fake document: enough DOM for the context logic (ids, tags,
// attributes, properties, tree order) and for tests to look at the result.
// It implements api.Window and api.Document and is safe for concurrent
// use, as a main context and a worker context share it.
type Page struct {
	mu       sync.Mutex
	nodes    map[uint32]*node
	next     uint32
	title    string
	current  uint32 // the running script; 0 when none
	released []uint32
}

type node struct {
	tag      string // upper case
	id       string
	attrs    map[string]string
	props    map[string]api.Value
	parent   *node
	children []*node
	handle   uint32
}

// NewPage returns a page with <html>, <head> and <body>.
func NewPage() *Page {
	p := &Page{nodes: map[uint32]*node{}, next: 2}
	html := p.newNode("html")
	p.appendChild(html, p.newNode("head"))
	p.appendChild(html, p.newNode("body"))
	return p
}

func (p *Page) newNode(tag string) *node {
	n := &node{tag: strings.ToUpper(tag), attrs: map[string]string{}, props: map[string]api.Value{}, handle: p.next}
	p.nodes[n.handle] = n
	p.next++
	return n
}

func (p *Page) appendChild(parent, child *node) {
	p.detach(child)
	child.parent = parent
	parent.children = append(parent.children, child)
}

func (p *Page) detach(n *node) {
	if n.parent != nil {
		n.parent.children = slices.DeleteFunc(n.parent.children, func(c *node) bool { return c == n })
		n.parent = nil
	}
}

// Head returns the handle of <head>.
func (p *Page) Head() uint32 { return p.byTag("HEAD") }

// Body returns the handle of <body>.
func (p *Page) Body() uint32 { return p.byTag("BODY") }

func (p *Page) byTag(tag string) uint32 {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, n := range p.walk() {
		if n.tag == tag {
			return n.handle
		}
	}
	return 0
}

// walk lists the attached nodes in tree order.
func (p *Page) walk() []*node {
	var out []*node
	var visit func(*node)
	visit = func(n *node) {
		out = append(out, n)
		for _, c := range n.children {
			visit(c)
		}
	}
	visit(p.nodes[2])
	return out
}

// Add appends a new element to parent and returns its handle.
func (p *Page) Add(parent uint32, tag, id string, attrs map[string]string) uint32 {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := p.newNode(tag)
	n.id = id
	for k, v := range attrs {
		n.attrs[k] = v
	}
	p.appendChild(p.nodes[parent], n)
	return n.handle
}

// SetCurrentScript marks the script that runs now (0 for none).
func (p *Page) SetCurrentScript(h uint32) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.current = h
}

// Title returns document.title.
func (p *Page) Title() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.title
}

// Find returns the attached element with id, as getElementById would.
func (p *Page) Find(id string) (uint32, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := p.findLocked(id)
	if n == nil {
		return 0, false
	}
	return n.handle, true
}

func (p *Page) findLocked(id string) *node {
	for _, n := range p.walk() {
		if n.id == id && id != "" {
			return n
		}
	}
	return nil
}

// Describe returns "TAG#id" of h and its parent, e.g. "SCRIPT-PY#py-0 in BODY".
func (p *Page) Describe(h uint32) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	n, ok := p.nodes[h]
	if !ok {
		return fmt.Sprintf("no element %d", h)
	}
	where := "detached"
	if n.parent != nil {
		where = "in " + n.parent.tag
	}
	return fmt.Sprintf("%s#%s %s", n.tag, n.id, where)
}

// NextSibling returns the handle after h in its parent, if any.
func (p *Page) NextSibling(h uint32) (uint32, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := p.nodes[h]
	if n == nil || n.parent == nil {
		return 0, false
	}
	i := slices.Index(n.parent.children, n)
	if i+1 >= len(n.parent.children) {
		return 0, false
	}
	return n.parent.children[i+1].handle, true
}

// Text returns an element's textContent property.
func (p *Page) Text(h uint32) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := p.nodes[h]; n != nil {
		return n.props["textContent"].Text
	}
	return ""
}

// Released returns the handles the guest released, in order.
func (p *Page) Released() []uint32 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]uint32(nil), p.released...)
}
