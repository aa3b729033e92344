package target

import (
	"fmt"
	"slices"
	"strings"

	"github.com/execctx/execctx/component/internal/jsval"
)

// fakeDOM is a tiny document: elements with a tag, an id, attributes,
// properties and a parent, kept in tree order per parent.
type fakeDOM struct {
	els     map[uint32]*fakeEl
	next    uint32
	current uint32
}

type fakeEl struct {
	tag, id  string
	attrs    map[string]string
	props    map[string]jsval.Value
	parent   uint32
	children []uint32
}

const (
	htmlH uint32 = 2
	headH uint32 = 3
	bodyH uint32 = 4
)

func newFakeDOM() *fakeDOM {
	d := &fakeDOM{els: map[uint32]*fakeEl{}, next: 2}
	d.add(0, "html", "")
	d.add(htmlH, "head", "")
	d.add(htmlH, "body", "")
	return d
}

func (d *fakeDOM) add(parent uint32, tag, id string, attrs ...string) uint32 {
	h := d.next
	d.next++
	d.els[h] = &fakeEl{tag: strings.ToUpper(tag), id: id, attrs: map[string]string{}, props: map[string]jsval.Value{}, parent: parent}
	for i := 0; i+1 < len(attrs); i += 2 {
		d.els[h].attrs[attrs[i]] = attrs[i+1]
	}
	if p := d.els[parent]; p != nil {
		p.children = append(p.children, h)
	}
	return h
}

func (d *fakeDOM) GetElementByID(id string) (uint32, bool) {
	for h, e := range d.els {
		if e.id == id && id != "" && (e.parent != 0 || h == htmlH) {
			return h, true
		}
	}
	return 0, false
}

func (d *fakeDOM) CreateElement(tag string) (uint32, error) { return d.add(0, tag, ""), nil }

func (d *fakeDOM) InsertAfter(ref, el uint32) error {
	p := d.els[d.els[ref].parent]
	if p == nil {
		return fmt.Errorf("reference %d is detached", ref)
	}
	i := slices.Index(p.children, ref)
	p.children = slices.Insert(p.children, i+1, el)
	d.els[el].parent = d.els[ref].parent
	return nil
}

func (d *fakeDOM) TagName(el uint32) string          { return d.els[el].tag }
func (d *fakeDOM) ElementID(el uint32) string        { return d.els[el].id }
func (d *fakeDOM) SetElementID(el uint32, id string) { d.els[el].id = id }
func (d *fakeDOM) CurrentScript() (uint32, bool)     { return d.current, d.current != 0 }

func (d *fakeDOM) Get(h uint32, name string) (jsval.Value, error) {
	switch {
	case h == jsval.DocumentHandle && name == "body":
		return jsval.Object(bodyH), nil
	case name == "parentElement":
		return jsval.Object(d.els[h].parent), nil
	}
	if v, ok := d.els[h].props[name]; ok {
		return v, nil
	}
	return jsval.Undefined(), nil
}

func (d *fakeDOM) Set(h uint32, name string, v jsval.Value) error {
	d.els[h].props[name] = v
	return nil
}

func (d *fakeDOM) Call(h uint32, method string, args []jsval.Value) (jsval.Value, error) {
	switch method {
	case "getAttribute":
		if v, ok := d.els[h].attrs[args[0].Text]; ok {
			return jsval.Text(v), nil
		}
		return jsval.Null(), nil
	case "querySelector": // tags only
		for el, e := range d.els {
			if e.tag == strings.ToUpper(args[0].Text) {
				return jsval.Object(el), nil
			}
		}
		return jsval.Null(), nil
	case "appendChild":
		el := args[0].Object
		d.els[el].parent = h
		d.els[h].children = append(d.els[h].children, el)
		return args[0], nil
	}
	return jsval.Value{}, fmt.Errorf("%s is not a function", method)
}

// after returns the element right after el in its parent, or 0.
func (d *fakeDOM) after(el uint32) uint32 {
	p := d.els[d.els[el].parent]
	i := slices.Index(p.children, el)
	if i+1 < len(p.children) {
		return p.children[i+1]
	}
	return 0
}
