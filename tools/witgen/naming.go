package main

import (
	"strings"
)

// initialisms are written in capitals in Go names, as Go style asks.
var initialisms = map[string]string{
	"id": "ID", "url": "URL", "js": "JS", "json": "JSON", "toml": "TOML",
	"api": "API", "html": "HTML", "http": "HTTP", "dom": "DOM",
}

// goName turns a kebab-case WIT name into an exported Go name.
func goName(kebab string) string {
	var b strings.Builder
	for _, part := range strings.Split(strings.TrimPrefix(kebab, "%"), "-") {
		if up, ok := initialisms[part]; ok {
			b.WriteString(up)
			continue
		}
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// localName turns a kebab-case WIT name into an unexported Go name that is
// not a keyword.
func localName(kebab string) string {
	n := goName(kebab)
	for i, r := range n {
		if r >= 'a' && r <= 'z' {
			if i > 1 {
				i-- // keep the last capital of an initialism: URLPath -> urlPath
			}
			n = strings.ToLower(n[:i]) + n[i:]
			break
		}
		if i == len(n)-1 {
			n = strings.ToLower(n)
		}
	}
	switch n {
	case "type", "func", "range", "map", "chan", "go", "select", "default", "var", "string":
		return n + "_"
	}
	return n
}

// key names a type inside generated function names, e.g. ListString.
func (t *Type) key() string {
	if t.Name != "" {
		return goName(t.Name)
	}
	switch t.Kind {
	case Option:
		return "Option" + t.Elem.key()
	case List:
		return "List" + t.Elem.key()
	case Result:
		if t.Elem == nil {
			return "ResultUnit"
		}
		return "Result" + t.Elem.key()
	}
	return [...]string{"Bool", "U8", "U16", "U32", "U64", "S8", "S16", "S32", "S64", "F32", "F64", "String"}[t.Kind]
}

// witTypes qualifies the shared WIT types from the glue packages.
const witTypes = "wittypes."

// goType is the Go type that represents t inside package wittypes.
func (t *Type) goType() string { return t.goTypeWith("") }

// glueType is the Go type that represents t in the glue packages, which
// name the WIT types through package wittypes.
func (t *Type) glueType() string { return t.goTypeWith(witTypes) }

// apiType is the Go type that represents t inside the public package api,
// whose option is its own Option. A result is a function's result only,
// where it becomes (T, error); the converter accepts no other.
func (t *Type) apiType() string {
	if t.Name != "" {
		return goName(t.Name)
	}
	switch t.Kind {
	case Option:
		return "Option[" + t.Elem.apiType() + "]"
	case List:
		return "[]" + t.Elem.apiType()
	case Result:
		panic("witgen: a result<...> inside another type has no Go type in package api")
	}
	return t.goType()
}

// goTypeWith is goType with named types qualified by q.
func (t *Type) goTypeWith(q string) string {
	if t.Name != "" {
		return q + goName(t.Name)
	}
	switch t.Kind {
	case Option:
		return "cabi.Option[" + t.Elem.goTypeWith(q) + "]"
	case List:
		return "[]" + t.Elem.goTypeWith(q)
	case Result:
		if t.Elem == nil {
			return "cabi.Result[cabi.Unit]"
		}
		return "cabi.Result[" + t.Elem.goTypeWith(q) + "]"
	}
	return [...]string{"bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64", "float32", "float64", "string"}[t.Kind]
}

// coreGoType is the Go type of a flat slot in a wasmimport/wasmexport signature.
func (f Flat) coreGoType() string { return [...]string{"uint32", "uint64", "float32", "float64"}[f] }

// fromSlot converts a uint64 slot expression to the core Go type.
func (f Flat) fromSlot(expr string) string {
	switch f {
	case I32:
		return "uint32(" + expr + ")"
	case F32t:
		return "math.Float32frombits(uint32(" + expr + "))"
	case F64t:
		return "math.Float64frombits(" + expr + ")"
	}
	return expr
}

// toSlot converts a core Go value expression to a uint64 slot.
func (f Flat) toSlot(expr string) string {
	switch f {
	case I32:
		return "uint64(" + expr + ")"
	case F32t:
		return "uint64(math.Float32bits(" + expr + "))"
	case F64t:
		return "math.Float64bits(" + expr + ")"
	}
	return expr
}

// wazeroType is the wazero api.ValueType constant of a flat slot.
func (f Flat) wazeroType() string {
	return [...]string{"wazeroapi.ValueTypeI32", "wazeroapi.ValueTypeI64", "wazeroapi.ValueTypeF32", "wazeroapi.ValueTypeF64"}[f]
}
