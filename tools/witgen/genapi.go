package main

// emitHostAPI writes aliases that make the host glue's WIT types part of
// package host's public API.
func emitHostAPI(e *emitter, m *Model) {
	for _, t := range allTypes(m) {
		if t.Name == "" {
			continue
		}
		name := goName(t.Name)
		e.p("// %s is the WIT type %s.", name, t.Name)
		e.p("type %s = wittypes.%s\n", name, name)
		switch t.Kind {
		case Enum:
			emitConstAliases(e, name, t.Cases)
		case Variant:
			e.p("// %sKind names a case of %s.", name, name)
			e.p("type %sKind = wittypes.%sKind\n", name, name)
			emitConstAliases(e, name, t.Cases)
		}
	}
	for _, i := range m.Ifaces {
		if i.Exported {
			continue
		}
		name := goName(i.Name)
		e.p("// %s is what a host provides as the WIT interface %s.", name, i.Module)
		e.p("type %s = bindings.%s\n", name, name)
	}
	e.p("// Imports holds a host's implementation of every imported interface.")
	e.p("type Imports = bindings.Imports\n")
}

func emitConstAliases(e *emitter, prefix string, cases []Case) {
	e.p("// The cases of %s.", prefix)
	e.p("const (")
	for _, c := range cases {
		e.p("\t%s%s = wittypes.%s%s", prefix, goName(c.Name), prefix, goName(c.Name))
	}
	e.p(")\n")
}
