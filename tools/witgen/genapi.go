package main

import (
	"fmt"
	"strings"
)

// The public package api is where an embedder reads the boundary: every
// WIT type with its cases and fields, and an interface per imported WIT
// interface, each with its WIT doc comment. The glue refers to these
// declarations; it declares no types of its own.

// emitAPITypes writes the Go declarations of the named WIT types.
func emitAPITypes(e *emitter, m *Model) {
	for _, t := range allTypes(m) {
		if t.Name == "" {
			continue
		}
		name := goName(t.Name)
		switch t.Kind {
		case Record:
			e.p("// %s is the WIT record %s.", name, t.Name)
			e.doc("", t.Docs, true)
			e.p("type %s struct {", name)
			for _, f := range t.Fields {
				e.doc("\t", f.Docs, false)
				e.p("\t%s %s", goName(f.Name), f.Type.apiType())
			}
			e.p("}\n")
		case Enum:
			e.p("// %s is the WIT enum %s.", name, t.Name)
			e.doc("", t.Docs, true)
			emitKindEnum(e, name, name, t.Cases)
		case Variant:
			emitVariant(e, t)
		default:
			e.p("// %s is the WIT type %s.", name, t.Name)
			e.doc("", t.Docs, true)
			e.p("type %s = %s\n", name, t.apiType())
		}
	}
}

func emitVariant(e *emitter, t *Type) {
	name := goName(t.Name)
	e.p("// %s is the WIT variant %s. Kind names the case; the field named", name, t.Name)
	e.p("// after a case holds that case's payload.")
	e.doc("", t.Docs, true)
	e.p("type %s struct {", name)
	e.p("\tKind %sKind", name)
	for _, c := range t.Cases {
		if c.Type != nil {
			e.p("\t// %s is the payload of case %s.", goName(c.Name), c.Name)
			e.p("\t%s %s", goName(c.Name), c.Type.apiType())
		}
	}
	e.p("}\n")
	e.p("// %sKind names a case of %s.", name, name)
	emitKindEnum(e, name+"Kind", name, t.Cases)
}

// emitKindEnum declares an integer type with one constant per case,
// numbered as the Canonical ABI numbers them.
func emitKindEnum(e *emitter, typeName, prefix string, cases []Case) {
	e.p("type %s uint%d\n", typeName, 8*discSize(len(cases)))
	e.p("// The cases of %s, by their WIT discriminants.", prefix)
	e.p("const (")
	for i, c := range cases {
		e.doc("\t", c.Docs, false)
		e.p("\t%s%s %s = %d", prefix, goName(c.Name), typeName, i)
	}
	e.p(")\n")
	e.p("// String returns the WIT name of the case.")
	e.p("func (k %s) String() string {", typeName)
	e.p("\tswitch k {")
	for _, c := range cases {
		e.p("\tcase %s%s:\n\t\treturn %q", prefix, goName(c.Name), c.Name)
	}
	e.p("\t}")
	e.p("\treturn \"%s(\" + strconv.FormatUint(uint64(k), 10) + \")\"", typeName)
	e.p("}\n")
}

// emitAPIInterfaces writes an interface per imported WIT interface that has
// functions: what a host implements for the component to call.
func emitAPIInterfaces(e *emitter, m *Model) {
	for _, i := range hostImports(m) {
		name := goName(i.Name)
		e.p("// %s is what a host implements for the WIT interface", name)
		e.p("// %s, which the component imports.", i.Module)
		e.doc("", i.Docs, true)
		e.p("type %s interface {", name)
		for k, f := range i.Funcs {
			if k > 0 {
				e.p("")
			}
			e.p("\t// %s is %s.%s", goName(f.Name), i.Name, witSignature(f))
			e.doc("\t", f.Docs, true)
			e.p("\t%s(%s) %s", goName(f.Name), apiCtxParams(f), goResultsIn(f, false, (*Type).apiType))
		}
		e.p("}\n")
	}
}

func apiCtxParams(f *Func) string {
	if ps := goParamsIn(f, (*Type).apiType); ps != "" {
		return "ctx context.Context, " + ps
	}
	return "ctx context.Context"
}

// emitHostImports writes package host's Imports, the struct an embedder
// fills, and the check that NewContext makes of it. The host glue declares
// a struct of the same fields, so that one converts to the other.
func emitHostImports(e *emitter, m *Model) {
	e.p("// Imports holds a host's implementation of every interface the component")
	e.p("// imports (see package api). NewContext needs every field set.")
	e.p("type Imports struct {")
	for _, i := range hostImports(m) {
		e.doc("\t", i.Docs, false)
		e.p("\t%s api.%s", goName(i.Name), goName(i.Name))
	}
	e.p("}\n")
	e.p("// missing names the fields of i that are nil.")
	e.p("func (i Imports) missing() []string {")
	e.p("\tvar out []string")
	for _, i := range hostImports(m) {
		e.p("\tif i.%s == nil {\n\t\tout = append(out, %q)\n\t}", goName(i.Name), goName(i.Name))
	}
	e.p("\treturn out")
	e.p("}\n")
}

// hostImports are the imported interfaces that have functions. An
// interface of types only (types, here) gives a host nothing to implement.
func hostImports(m *Model) []*Iface {
	var out []*Iface
	for _, i := range m.Ifaces {
		if !i.Exported && len(i.Funcs) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// doc writes a WIT doc comment as Go comment lines, after an empty comment
// line when it follows a first line (paragraph).
func (e *emitter) doc(indent, text string, paragraph bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	if paragraph {
		e.p("%s//", indent)
	}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			e.p("%s//", indent)
		} else {
			e.p("%s// %s", indent, line)
		}
	}
}

// witSignature is f's WIT declaration, e.g.
// "get: func(target: u32, name: string) -> result<value, string>".
func witSignature(f *Func) string {
	var ps []string
	for _, p := range f.Params {
		ps = append(ps, p.Name+": "+p.Type.witName())
	}
	s := fmt.Sprintf("%s: func(%s)", f.Name, strings.Join(ps, ", "))
	if f.Result != nil {
		s += " -> " + f.Result.witName()
	}
	return s
}

// witName is how the WIT spells t.
func (t *Type) witName() string {
	if t.Name != "" {
		return t.Name
	}
	switch t.Kind {
	case Option:
		return "option<" + t.Elem.witName() + ">"
	case List:
		return "list<" + t.Elem.witName() + ">"
	case Result:
		ok := "_"
		if t.Elem != nil {
			ok = t.Elem.witName()
		}
		return "result<" + ok + ", " + t.Err.witName() + ">"
	}
	return strings.ToLower(t.key())
}
