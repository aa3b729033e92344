package main

import (
	"fmt"
	"strings"
)

// emitter accumulates Go source.
type emitter struct{ strings.Builder }

func (e *emitter) p(format string, args ...any) { fmt.Fprintf(e, format+"\n", args...) }

// allTypes returns every type reachable from the model's functions, each
// once, members before the types that contain them.
func allTypes(m *Model) []*Type {
	seen := map[string]bool{}
	var out []*Type
	var visit func(t *Type)
	visit = func(t *Type) {
		if t == nil || seen[t.key()] {
			return
		}
		seen[t.key()] = true
		for _, f := range t.Fields {
			visit(f.Type)
		}
		for _, c := range t.cases() {
			visit(c.Type)
		}
		if t.Kind == List {
			visit(t.Elem)
		}
		out = append(out, t)
	}
	for _, i := range m.Ifaces {
		for _, f := range i.Funcs {
			for _, p := range f.Params {
				visit(p.Type)
			}
			visit(f.Result)
		}
	}
	return out
}

// emitTypeDecls writes the Go declarations of the named types.
func emitTypeDecls(e *emitter, m *Model) {
	for _, t := range allTypes(m) {
		if t.Name == "" {
			continue
		}
		name := goName(t.Name)
		switch t.Kind {
		case Record:
			e.p("// %s is the WIT record %s.", name, t.Name)
			e.p("type %s struct {", name)
			for _, f := range t.Fields {
				e.p("\t%s %s", goName(f.Name), f.Type.goType())
			}
			e.p("}\n")
		case Enum:
			e.p("// %s is the WIT enum %s.", name, t.Name)
			emitKindEnum(e, name, name, t.Cases)
		case Variant:
			e.p("// %s is the WIT variant %s: Kind names the case, and the", name, t.Name)
			e.p("// field named after the case holds its payload.")
			e.p("type %s struct {", name)
			e.p("\tKind %sKind", name)
			for _, c := range t.Cases {
				if c.Type != nil {
					e.p("\t%s %s", goName(c.Name), c.Type.goType())
				}
			}
			e.p("}\n")
			e.p("// %sKind names a case of %s.", name, name)
			emitKindEnum(e, name+"Kind", name, t.Cases)
		default:
			e.p("// %s is the WIT type %s.", name, t.Name)
			e.p("type %s = %s\n", name, (&Type{Kind: t.Kind, Elem: t.Elem, Err: t.Err}).goType())
		}
	}
}

// emitKindEnum declares an integer type with one constant per case.
func emitKindEnum(e *emitter, typeName, prefix string, cases []Case) {
	e.p("type %s uint%d\n", typeName, 8*discSize(len(cases)))
	e.p("const (")
	for i, c := range cases {
		if i == 0 {
			e.p("\t%s%s %s = iota", prefix, goName(c.Name), typeName)
		} else {
			e.p("\t%s%s", prefix, goName(c.Name))
		}
	}
	e.p(")\n")
	e.p("// String returns the WIT name of the case.")
	e.p("func (k %s) String() string {", typeName)
	e.p("\tswitch k {")
	for _, c := range cases {
		e.p("\tcase %s%s:\n\t\treturn %q", prefix, goName(c.Name), c.Name)
	}
	e.p("\t}")
	e.p("\treturn fmt.Sprintf(\"%s(%%d)\", uint32(k))", typeName)
	e.p("}\n")
}
