package main

import (
	"fmt"

	"go.bytecodealliance.org/wit"
)

// Kind is the shape of a WIT type, after aliases are resolved.
type Kind int

// The kinds this generator supports. Flags, tuples, char, resources,
// futures and streams are refused with an error naming the type.
const (
	Bool Kind = iota
	U8
	U16
	U32
	U64
	S8
	S16
	S32
	S64
	F32
	F64
	String
	Record
	Variant
	Enum
	Option
	Result
	List
)

// Type is the generator's model of a WIT type.
type Type struct {
	Kind   Kind
	Name   string  // WIT name of a named type, "" when anonymous
	Fields []Field // Record
	Cases  []Case  // Variant and Enum (Enum cases have no Type)
	Elem   *Type   // Option, List, Result's ok type (nil for result<_, E>)
	Err    *Type   // Result's error type
	Docs   string  // the WIT doc comment of a named type
}

// Field is a record field.
type Field struct {
	Name string
	Type *Type
	Docs string
}

// Case is a variant or enum case; Type is nil when it has no payload.
type Case struct {
	Name string
	Type *Type
	Docs string
}

// Param is a function parameter or its single result.
type Param struct {
	Name string
	Type *Type
}

// Func is a freestanding function of an interface.
type Func struct {
	Interface *Iface
	Name      string
	Params    []Param
	Result    *Type  // nil when the function returns nothing
	Docs      string // the WIT doc comment
}

// Iface is an interface the world imports or exports.
type Iface struct {
	Name     string // WIT name, e.g. "window"
	Module   string // core module name, e.g. "execctx:context/window@0.1.0"
	Funcs    []*Func
	Exported bool
	Docs     string // the WIT doc comment
}

// Model is everything the generator emits code for.
type Model struct {
	Package string // e.g. "execctx:context@0.1.0"
	World   string
	Ifaces  []*Iface // imports first, then exports, in WIT order
	Named   []*Type  // named types, in first-use order
}

// converter turns wit types into model types, sharing named ones.
type converter struct {
	named map[*wit.TypeDef]*Type
	order []*Type
}

func buildModel(res *wit.Resolve, worldName string) (*Model, error) {
	var world *wit.World
	for _, w := range res.Worlds {
		if w.Name == worldName || worldName == "" {
			world = w
			break
		}
	}
	if world == nil {
		return nil, fmt.Errorf("world %q not found", worldName)
	}
	m := &Model{Package: world.Package.Name.String(), World: world.Name}
	c := &converter{named: map[*wit.TypeDef]*Type{}}
	add := func(items func(yield func(string, wit.WorldItem) bool), exported bool) error {
		var err error
		items(func(_ string, item wit.WorldItem) bool {
			ref, ok := item.(*wit.InterfaceRef)
			if !ok {
				err = fmt.Errorf("world %s: only interfaces may be imported or exported", world.Name)
				return false
			}
			if !exported && isWASI(ref.Interface) {
				return true
			}
			var iface *Iface
			iface, err = c.iface(ref.Interface, exported)
			if err == nil {
				m.Ifaces = append(m.Ifaces, iface)
			}
			return err == nil
		})
		return err
	}
	if err := add(world.Imports.All(), false); err != nil {
		return nil, err
	}
	if err := add(world.Exports.All(), true); err != nil {
		return nil, err
	}
	m.Named = c.order
	return m, nil
}

// isWASI reports whether i is a WASI interface. The world imports WASI
// so that it declares everything the component imports, but the guest
// reaches WASI through Go's wasip1 runtime and the preview1 adapter, and
// hosts take it from their runtime (wasmtime's WASIp2, jco's
// preview2-shim, wazero's wasip1), so no glue is generated for it.
func isWASI(i *wit.Interface) bool {
	return i.Package.Name.Namespace == "wasi"
}

func (c *converter) iface(i *wit.Interface, exported bool) (*Iface, error) {
	out := &Iface{Name: *i.Name, Exported: exported, Docs: i.Docs.Contents}
	pkg := i.Package.Name
	out.Module = fmt.Sprintf("%s:%s/%s", pkg.Namespace, pkg.Package, *i.Name)
	if pkg.Version != nil {
		out.Module += "@" + pkg.Version.String()
	}
	var err error
	i.Functions.All()(func(name string, f *wit.Function) bool {
		var fn *Func
		fn, err = c.function(out, f)
		if err != nil {
			err = fmt.Errorf("%s.%s: %w", out.Name, name, err)
			return false
		}
		out.Funcs = append(out.Funcs, fn)
		return true
	})
	return out, err
}

func (c *converter) function(iface *Iface, f *wit.Function) (*Func, error) {
	if !f.IsFreestanding() {
		return nil, fmt.Errorf("only freestanding functions are supported")
	}
	fn := &Func{Interface: iface, Name: f.Name, Docs: f.Docs.Contents}
	for _, p := range f.Params {
		t, err := c.typ(p.Type)
		if err != nil {
			return nil, fmt.Errorf("param %s: %w", p.Name, err)
		}
		fn.Params = append(fn.Params, Param{Name: p.Name, Type: t})
	}
	switch len(f.Results) {
	case 0:
	case 1:
		t, err := c.typ(f.Results[0].Type)
		if err != nil {
			return nil, fmt.Errorf("result: %w", err)
		}
		fn.Result = t
	default:
		return nil, fmt.Errorf("multiple results are not supported")
	}
	return fn, checkResults(fn)
}

// checkResults refuses a result<...> anywhere but as a function's own
// result: only there does it have a Go shape, (T, error).
func checkResults(fn *Func) error {
	var visit func(t *Type, top bool) error
	visit = func(t *Type, top bool) error {
		if t == nil {
			return nil
		}
		if t.Kind == Result && !top {
			return fmt.Errorf("a result<...> is supported only as a function's result")
		}
		for _, f := range t.Fields {
			if err := visit(f.Type, false); err != nil {
				return err
			}
		}
		for _, c := range t.Cases {
			if err := visit(c.Type, false); err != nil {
				return err
			}
		}
		return visit(t.Elem, false)
	}
	for _, p := range fn.Params {
		if err := visit(p.Type, false); err != nil {
			return fmt.Errorf("param %s: %w", p.Name, err)
		}
	}
	return visit(fn.Result, true)
}
