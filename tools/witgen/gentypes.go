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

// emitTypeAliases names the named types of package api, and their cases,
// in package wittypes, beside their ABI functions: the glue and the guest
// refer to them there.
func emitTypeAliases(e *emitter, m *Model) {
	var named []*Type
	for _, t := range allTypes(m) {
		if t.Name != "" {
			named = append(named, t)
		}
	}
	e.p("// The WIT types, declared in package api.")
	e.p("type (")
	for _, t := range named {
		e.p("\t%s = api.%s", goName(t.Name), goName(t.Name))
		if t.Kind == Variant {
			e.p("\t%sKind = api.%sKind", goName(t.Name), goName(t.Name))
		}
	}
	e.p(")\n")
	e.p("// The cases of the WIT enums and variants, declared in package api.")
	e.p("const (")
	for _, t := range named {
		if t.Kind == Enum || t.Kind == Variant {
			for _, c := range t.Cases {
				n := goName(t.Name) + goName(c.Name)
				e.p("\t%s = api.%s", n, n)
			}
		}
	}
	e.p(")\n")
}
