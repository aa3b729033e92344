package main

import (
	"strings"
)

// emitJCO writes the Go half of the jco bridge (tests/internal/jcohost):
// the component, as jco's JS glue runs it in Node, driven from Go.
// Values cross as JSON in the shape jco gives them in JS, so the bridge's
// JS half needs no knowledge of the WIT:
//
//   - records are objects with lowerCamelCase fields;
//   - variants are {tag, val}, with no val for a case without payload;
//   - enums are their case names;
//   - options are the value or null (undefined in JS);
//   - lists are arrays; numbers are numbers, except that f32/f64 values
//     JSON cannot hold (NaN, ±Infinity, -0) are {"$n": "NaN"} and so on;
//   - a result's error is thrown in JS and travels beside the value.
func emitJCO(e *emitter, m *Model) {
	var imports, exports []*Iface
	for _, i := range m.Ifaces {
		if i.Exported {
			exports = append(exports, i)
		} else {
			imports = append(imports, i)
		}
	}
	var names []string
	for _, i := range imports {
		if len(i.Funcs) > 0 { // types: nothing for a host to supply
			names = append(names, `"`+i.Name+`"`)
		}
	}
	e.p("// importInterfaces are the imported interfaces, by the names the JS half")
	e.p("// gives their host objects.")
	e.p("var importInterfaces = []string{%s}\n", strings.Join(names, ", "))
	emitAPI(e, exports)
	for _, i := range exports {
		for _, f := range i.Funcs {
			emitJCOExport(e, f)
		}
	}
	emitRecorder(e, exports)
	emitImportCalls(e, imports)
	for _, t := range allTypes(m) {
		if t.Kind != Result {
			emitJSEncode(e, t)
			emitJSDecode(e, t)
		}
	}
}

// jsName is the name jco gives a WIT function or record field in JS.
func jsName(kebab string) string {
	parts := strings.Split(strings.TrimPrefix(kebab, "%"), "-")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

func emitAPI(e *emitter, exports []*Iface) {
	e.p("// API is the exported context interface as Go calls it: the method set")
	e.p("// of host.Context (wazero) and of Context (jco), so that one test can")
	e.p("// run against either.")
	e.p("type API interface {")
	for _, i := range exports {
		for _, f := range i.Funcs {
			e.p("\t%s(%s) %s", goName(f.Name), ctxParams(f), goResults(f, true))
		}
	}
	e.p("\tClose(ctx context.Context) error")
	e.p("}\n")
}

func emitJCOExport(e *emitter, f *Func) {
	name := goName(f.Name)
	args := []string{"ctx", `"` + jsName(f.Name) + `"`}
	for _, p := range f.Params {
		args = append(args, "encode"+p.Type.key()+"("+localName(p.Name)+")")
	}
	e.p("// %s calls the export %s#%s through jco.", name, f.Interface.Module, f.Name)
	e.p("func (c *Context) %s(%s) %s {", name, ctxParams(f), goResults(f, true))
	r := f.Result
	switch {
	case r == nil, r.Kind == Result && r.Elem == nil:
		e.p("\t_, err := c.call(%s)", strings.Join(args, ", "))
		e.p("\treturn err")
	default:
		if r.Kind == Result {
			r = r.Elem
		}
		e.p("\tout, err := c.call(%s)", strings.Join(args, ", "))
		e.p("\tif err != nil {")
		e.p("\t\tvar zero %s", r.goTypeWith(witTypes))
		e.p("\t\treturn zero, err")
		e.p("\t}")
		e.p("\treturn decode%s(out)", r.key())
	}
	e.p("}\n")
}

// emitRecorder writes Recorder, an API that logs every call and its answer,
// so that two engines' answers can be compared call by call.
func emitRecorder(e *emitter, exports []*Iface) {
	e.p("// Recorder passes each call to API and logs it with its answer.")
	e.p("type Recorder struct {")
	e.p("\tAPI")
	e.p("\tLog func(call string, args []any, answer []any, err error)")
	e.p("}\n")
	for _, i := range exports {
		for _, f := range i.Funcs {
			name := goName(f.Name)
			var args []string
			for _, p := range f.Params {
				args = append(args, localName(p.Name))
			}
			call := "r.API." + name + "(" + strings.Join(append([]string{"ctx"}, args...), ", ") + ")"
			e.p("// %s logs the call.", name)
			e.p("func (r Recorder) %s(%s) %s {", name, ctxParams(f), goResults(f, true))
			if res := f.Result; res == nil || (res.Kind == Result && res.Elem == nil) {
				e.p("\terr := %s", call)
				e.p("\tr.Log(%q, []any{%s}, nil, err)", f.Name, strings.Join(args, ", "))
				e.p("\treturn err")
			} else {
				e.p("\tv, err := %s", call)
				e.p("\tr.Log(%q, []any{%s}, []any{v}, err)", f.Name, strings.Join(args, ", "))
				e.p("\treturn v, err")
			}
			e.p("}\n")
		}
	}
}

// emitImportCalls writes the table the bridge answers the component's
// import calls from: each decodes the JS arguments, calls the Go host, and
// encodes its answer. A result's error becomes hostError, which the JS
// half throws as the import's error.
func emitImportCalls(e *emitter, imports []*Iface) {
	e.p("// importCalls answers an import call, by its jco name (interface.function).")
	e.p("var importCalls = map[string]func(ctx context.Context, h host.Imports, jsArgs []any) (any, error){")
	for _, i := range imports {
		for _, f := range i.Funcs {
			e.p("\t%q: func(ctx context.Context, h host.Imports, jsArgs []any) (any, error) {", i.Name+"."+jsName(f.Name))
			e.p("\t\tif err := arity(jsArgs, %d); err != nil {\n\t\t\treturn nil, err\n\t\t}", len(f.Params))
			var args []string
			for k, p := range f.Params {
				v := localName(p.Name)
				e.p("\t\t%s, err := decode%s(jsArgs[%d])", v, p.Type.key(), k)
				e.p("\t\tif err != nil {\n\t\t\treturn nil, fmt.Errorf(\"%s: %%w\", err)\n\t\t}", p.Name)
				args = append(args, v)
			}
			call := "h." + goName(i.Name) + "." + goName(f.Name) + "(" + strings.Join(append([]string{"ctx"}, args...), ", ") + ")"
			emitImportAnswer(e, f.Result, call)
			e.p("\t},")
		}
	}
	e.p("}\n")
}

func emitImportAnswer(e *emitter, r *Type, call string) {
	switch {
	case r == nil:
		e.p("\t\t%s", call)
		e.p("\t\treturn nil, nil")
	case r.Kind == Result && r.Elem == nil:
		e.p("\t\tif err := %s; err != nil {\n\t\t\treturn nil, hostError{err}\n\t\t}", call)
		e.p("\t\treturn nil, nil")
	case r.Kind == Result:
		e.p("\t\tv, err := %s", call)
		e.p("\t\tif err != nil {\n\t\t\treturn nil, hostError{err}\n\t\t}")
		e.p("\t\treturn encode%s(v), nil", r.Elem.key())
	default:
		e.p("\t\treturn encode%s(%s), nil", r.key(), call)
	}
}

func emitJSEncode(e *emitter, t *Type) {
	e.p("func encode%s(v %s) any {", t.key(), t.goTypeWith(witTypes))
	switch t.Kind {
	case Bool, String, U8, U16, U32, S8, S16, S32:
		e.p("\treturn v")
	case F32, F64:
		e.p("\treturn encodeFloat(float64(v))")
	case Record:
		e.p("\treturn map[string]any{")
		for _, f := range t.Fields {
			e.p("\t\t%q: encode%s(v.%s),", jsName(f.Name), f.Type.key(), goName(f.Name))
		}
		e.p("\t}")
	case Enum:
		e.p("\treturn v.String()")
	case Variant:
		e.p("\tswitch v.Kind {")
		for _, c := range t.Cases {
			e.p("\tcase wittypes.%s%s:", goName(t.Name), goName(c.Name))
			if c.Type == nil {
				e.p("\t\treturn map[string]any{\"tag\": %q}", c.Name)
			} else {
				e.p("\t\treturn map[string]any{\"tag\": %q, \"val\": encode%s(v.%s)}", c.Name, c.Type.key(), goName(c.Name))
			}
		}
		e.p("\t}")
		e.p("\treturn map[string]any{\"tag\": fmt.Sprintf(\"unknown case %%d\", v.Kind)}")
	case Option:
		e.p("\tif !v.Some {\n\t\treturn nil\n\t}")
		e.p("\treturn encode%s(v.Value)", t.Elem.key())
	case List:
		e.p("\tout := make([]any, len(v))")
		e.p("\tfor k, x := range v {\n\t\tout[k] = encode%s(x)\n\t}", t.Elem.key())
		e.p("\treturn out")
	default:
		e.p("\tpanic(%q)", "jco bridge: no JSON form for "+t.key())
	}
	e.p("}\n")
}

func emitJSDecode(e *emitter, t *Type) {
	typ := t.goTypeWith(witTypes)
	e.p("func decode%s(j any) (v %s, err error) {", t.key(), typ)
	switch t.Kind {
	case Bool:
		e.p("\treturn as[bool](j, %q)", "bool")
	case String:
		e.p("\treturn as[string](j, %q)", "string")
	case U8, U16, U32, S8, S16, S32:
		e.p("\tn, err := integer(j, %q)", t.key())
		e.p("\treturn %s(n), err", typ)
	case F32, F64:
		e.p("\tf, err := decodeFloat(j)")
		e.p("\treturn %s(f), err", typ)
	case Record:
		emitRecordDecode(e, t)
	case Enum:
		e.p("\ts, err := as[string](j, %q)", t.Name)
		e.p("\tswitch s {")
		for _, c := range t.Cases {
			e.p("\tcase %q:\n\t\treturn wittypes.%s%s, err", c.Name, goName(t.Name), goName(c.Name))
		}
		e.p("\t}")
		e.p("\treturn v, fmt.Errorf(\"%s: unknown case %%q\", s)", t.Name)
	case Variant:
		emitVariantDecode(e, t)
	case Option:
		e.p("\tif j == nil {\n\t\treturn v, nil\n\t}")
		e.p("\tv.Some = true")
		e.p("\tv.Value, err = decode%s(j)", t.Elem.key())
		e.p("\treturn v, err")
	case List:
		e.p("\txs, err := as[[]any](j, %q)", "list")
		e.p("\tfor k, x := range xs {")
		e.p("\t\tel, err := decode%s(x)", t.Elem.key())
		e.p("\t\tif err != nil {\n\t\t\treturn nil, fmt.Errorf(\"[%%d]: %%w\", k, err)\n\t\t}")
		e.p("\t\tv = append(v, el)")
		e.p("\t}")
		e.p("\treturn v, err")
	default:
		e.p("\treturn v, fmt.Errorf(%q)", "jco bridge: no JSON form for "+t.key())
	}
	e.p("}\n")
}

func emitRecordDecode(e *emitter, t *Type) {
	e.p("\to, err := as[map[string]any](j, %q)", t.Name)
	e.p("\tif err != nil {\n\t\treturn v, err\n\t}")
	for _, f := range t.Fields {
		e.p("\tif v.%s, err = decode%s(o[%q]); err != nil {", goName(f.Name), f.Type.key(), jsName(f.Name))
		e.p("\t\treturn v, fmt.Errorf(\"%s.%s: %%w\", err)", t.Name, f.Name)
		e.p("\t}")
	}
	e.p("\treturn v, nil")
}

func emitVariantDecode(e *emitter, t *Type) {
	e.p("\ttag, val, err := variant(j, %q)", t.Name)
	e.p("\tif err != nil {\n\t\treturn v, err\n\t}")
	e.p("\tswitch tag {")
	for _, c := range t.Cases {
		e.p("\tcase %q:", c.Name)
		e.p("\t\tv.Kind = wittypes.%s%s", goName(t.Name), goName(c.Name))
		if c.Type != nil {
			e.p("\t\tv.%s, err = decode%s(val)", goName(c.Name), c.Type.key())
		}
		e.p("\t\treturn v, err")
	}
	e.p("\t}")
	e.p("\treturn v, fmt.Errorf(\"%s: unknown case %%q\", tag)", t.Name)
}
