package target

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/execctx/execctx/component/internal/jsval"
)

// fakeDOM is a small document: elements with a tag, an id, attributes,
// properties and a parent, children in order. It has no Set method; see
// setterDOM. It counts references as the Resolver's contract has it: every
// handle it returns is one reference, which Release drops.
type fakeDOM struct {
	els       map[uint32]*fakeEl
	next      uint32
	current   uint32 // the running script, 0 for none
	created   int    // elements made through CreateElement
	noBody    bool
	createErr error

	refs        map[uint32]int // references handed out and not released
	overRelease []uint32       // releases of handles with no reference left
}

type fakeEl struct {
	tag, id  string
	attrs    map[string]string
	props    map[string]jsval.Value
	parent   uint32
	children []uint32
}

// Handles 0 and 1 are the window and the document, as in the WIT.
const (
	htmlH uint32 = 2
	headH uint32 = 3
	bodyH uint32 = 4
)

func newFakeDOM() *fakeDOM {
	d := &fakeDOM{els: map[uint32]*fakeEl{}, next: htmlH, refs: map[uint32]int{}}
	d.add(0, "html", "")
	d.add(htmlH, "head", "")
	d.add(htmlH, "body", "")
	return d
}

// add appends a new element to parent (0: detached); attrs are name, value
// pairs.
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

// attached reports whether el is in the document, as getElementById sees.
func (d *fakeDOM) attached(el uint32) bool {
	for ; el != 0; el = d.els[el].parent {
		if el == htmlH {
			return true
		}
	}
	return false
}

// inOrder lists the attached elements in creation order, which the tests
// keep equal to document order.
func (d *fakeDOM) inOrder() []uint32 {
	var out []uint32
	for h := range d.els {
		if d.attached(h) {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return out
}

// byID finds an element as GetElementByID does, without handing out a
// reference: for the tests' own checks.
func (d *fakeDOM) byID(id string) (uint32, bool) {
	for _, h := range d.inOrder() {
		if id != "" && d.els[h].id == id {
			return h, true
		}
	}
	return 0, false
}

// ref hands out one reference to h.
func (d *fakeDOM) ref(h uint32) uint32 {
	d.refs[h]++
	return h
}

// refValue hands out a reference when v is an object.
func (d *fakeDOM) refValue(v jsval.Value) jsval.Value {
	if v.Kind == jsval.KindObject {
		d.ref(v.Object)
	}
	return v
}

func (d *fakeDOM) Release(h uint32) {
	if d.refs[h] == 0 {
		d.overRelease = append(d.overRelease, h)
		return
	}
	d.refs[h]--
}

// held lists the handles with references not released, sorted.
func (d *fakeDOM) held() []uint32 {
	var out []uint32
	for h, n := range d.refs {
		for range n {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return out
}

// checkRefs fails t unless the references still held are exactly want
// (any order, one entry per reference) and none was released twice.
func (d *fakeDOM) checkRefs(t *testing.T, want ...uint32) {
	t.Helper()
	want = slices.Sorted(slices.Values(want))
	if got := d.held(); !slices.Equal(got, want) || len(d.overRelease) > 0 {
		t.Fatalf("references held %v, want %v; released with none left: %v", got, want, d.overRelease)
	}
}

func (d *fakeDOM) GetElementByID(id string) (uint32, bool) {
	h, ok := d.byID(id)
	if ok {
		d.ref(h)
	}
	return h, ok
}

func (d *fakeDOM) CreateElement(tag string) (uint32, error) {
	if d.createErr != nil {
		return 0, d.createErr
	}
	d.created++
	return d.ref(d.add(0, tag, "")), nil
}

func (d *fakeDOM) InsertAfter(ref, el uint32) error {
	p := d.els[d.els[ref].parent]
	if p == nil {
		return fmt.Errorf("reference %d has no parent", ref)
	}
	i := slices.Index(p.children, ref)
	p.children = slices.Insert(p.children, i+1, el)
	d.els[el].parent = d.els[ref].parent
	return nil
}

func (d *fakeDOM) TagName(el uint32) string          { return d.els[el].tag }
func (d *fakeDOM) ElementID(el uint32) string        { return d.els[el].id }
func (d *fakeDOM) SetElementID(el uint32, id string) { d.els[el].id = id }

func (d *fakeDOM) CurrentScript() (uint32, bool) {
	if d.current == 0 {
		return 0, false
	}
	return d.ref(d.current), true
}

func (d *fakeDOM) Get(h uint32, name string) (jsval.Value, error) {
	v, err := d.get(h, name)
	return d.refValue(v), err
}

func (d *fakeDOM) get(h uint32, name string) (jsval.Value, error) {
	switch {
	case h == jsval.DocumentHandle && name == "body":
		if d.noBody {
			return jsval.Null(), nil
		}
		return jsval.Object(bodyH), nil
	case name == "parentElement":
		if p := d.els[h].parent; p != 0 {
			return jsval.Object(p), nil
		}
		return jsval.Null(), nil
	}
	if v, ok := d.els[h].props[name]; ok {
		return v, nil
	}
	return jsval.Undefined(), nil
}

func (d *fakeDOM) Call(h uint32, method string, args []jsval.Value) (jsval.Value, error) {
	v, err := d.call(h, method, args)
	return d.refValue(v), err
}

func (d *fakeDOM) call(h uint32, method string, args []jsval.Value) (jsval.Value, error) {
	switch method {
	case "getAttribute":
		if v, ok := d.els[h].attrs[args[0].Text]; ok {
			return jsval.Text(v), nil
		}
		return jsval.Null(), nil
	case "querySelector": // tag names only
		sel := args[0].Text
		if strings.ContainsAny(sel, "[]") {
			return jsval.Value{}, fmt.Errorf("SyntaxError: '%s' is not a valid selector", sel)
		}
		for _, el := range d.inOrder() {
			if d.els[el].tag == strings.ToUpper(sel) {
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
	return jsval.Value{}, fmt.Errorf("TypeError: %s is not a function", method)
}

// after returns the element right after el among its parent's children,
// or 0.
func (d *fakeDOM) after(el uint32) uint32 {
	p := d.els[d.els[el].parent]
	if p == nil {
		return 0
	}
	i := slices.Index(p.children, el)
	if i+1 < len(p.children) {
		return p.children[i+1]
	}
	return 0
}

// setterDOM is a fakeDOM that can also set properties, as the real host
// can (PropertySetter).
type setterDOM struct {
	*fakeDOM
	setErr bool
}

func (d setterDOM) Set(h uint32, name string, v jsval.Value) error {
	if d.setErr {
		return errors.New("TypeError: Cannot redefine property: target")
	}
	d.els[h].props[name] = v
	return nil
}
