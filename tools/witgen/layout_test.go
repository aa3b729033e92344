package main

import (
	"slices"
	"testing"

	"go.bytecodealliance.org/wit"
)

func loadTestModel(t *testing.T) (*Model, *wit.Resolve) {
	t.Helper()
	res, err := wit.LoadWIT("testdata/layouts")
	if err != nil {
		t.Fatal(err)
	}
	m, err := buildModel(res, "layouts")
	if err != nil {
		t.Fatal(err)
	}
	return m, res
}

func named(m *Model, name string) *Type {
	for _, t := range m.Named {
		if t.Name == name {
			return t
		}
	}
	return nil
}

func function(m *Model, name string) *Func {
	for _, i := range m.Ifaces {
		for _, f := range i.Funcs {
			if f.Name == name {
				return f
			}
		}
	}
	return nil
}

// Expected values worked out by hand from the Canonical ABI's rules.
func TestLayouts(t *testing.T) {
	m, _ := loadTestModel(t)
	str := &Type{Kind: String}
	tests := []struct {
		name         string
		typ          *Type
		size, align  uint32
		payloadOff   uint32 // variant-shaped types only
		fieldOffsets []uint32
		flat         []Flat
	}{
		{name: "enum of 3", typ: named(m, "small"), size: 1, align: 1, payloadOff: 1, flat: []Flat{I32}},
		{name: "record u8,u64", typ: named(m, "pair"), size: 16, align: 8, fieldOffsets: []uint32{0, 8}, flat: []Flat{I32, I64}},
		{name: "record mixed", typ: named(m, "mixed"), size: 32, align: 8,
			fieldOffsets: []uint32{0, 4, 12, 16, 24}, flat: []Flat{I32, I32, I32, I32, F32t, I64}},
		{name: "variant with joins", typ: named(m, "num"), size: 16, align: 8, payloadOff: 8,
			flat: []Flat{I32, I64, I32}},
		{name: "variant of compounds", typ: named(m, "nested"), size: 24, align: 8, payloadOff: 8,
			flat: []Flat{I32, I32, I64}},
		{name: "option<u8>", typ: &Type{Kind: Option, Elem: &Type{Kind: U8}}, size: 2, align: 1, payloadOff: 1, flat: []Flat{I32, I32}},
		{name: "option<u64>", typ: &Type{Kind: Option, Elem: &Type{Kind: U64}}, size: 16, align: 8, payloadOff: 8, flat: []Flat{I32, I64}},
		{name: "option<string>", typ: &Type{Kind: Option, Elem: str}, size: 12, align: 4, payloadOff: 4, flat: []Flat{I32, I32, I32}},
		{name: "result<pair,string>", typ: &Type{Kind: Result, Elem: named(m, "pair"), Err: str}, size: 24, align: 8, payloadOff: 8,
			flat: []Flat{I32, I32, I64}},
		{name: "result<_,string>", typ: &Type{Kind: Result, Err: str}, size: 12, align: 4, payloadOff: 4, flat: []Flat{I32, I32, I32}},
		{name: "list<pair>", typ: &Type{Kind: List, Elem: named(m, "pair")}, size: 8, align: 4, flat: []Flat{I32, I32}},
		{name: "f32", typ: &Type{Kind: F32}, size: 4, align: 4, flat: []Flat{F32t}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.typ == nil {
				t.Fatal("type missing from the test WIT")
			}
			if got := tc.typ.Size(); got != tc.size {
				t.Errorf("size = %d, want %d", got, tc.size)
			}
			if got := tc.typ.Align(); got != tc.align {
				t.Errorf("align = %d, want %d", got, tc.align)
			}
			if tc.typ.variantLike() {
				if got := tc.typ.PayloadOffset(); got != tc.payloadOff {
					t.Errorf("payload offset = %d, want %d", got, tc.payloadOff)
				}
			}
			if tc.fieldOffsets != nil && !slices.Equal(tc.typ.FieldOffsets(), tc.fieldOffsets) {
				t.Errorf("field offsets = %v, want %v", tc.typ.FieldOffsets(), tc.fieldOffsets)
			}
			if got := tc.typ.Flatten(); !slices.Equal(got, tc.flat) {
				t.Errorf("flat = %v, want %v", got, tc.flat)
			}
		})
	}
}

// TestLayoutsAgreeWithWitPackage checks every named type against the
// independent implementation in go.bytecodealliance.org/wit.
func TestLayoutsAgreeWithWitPackage(t *testing.T) {
	m, res := loadTestModel(t)
	for _, td := range res.TypeDefs {
		if td.Name == nil || td.Root() != td {
			continue
		}
		ours := named(m, *td.Name)
		if ours == nil {
			t.Errorf("type %s not in the model", *td.Name)
			continue
		}
		if ours.Size() != uint32(td.Size()) || ours.Align() != uint32(td.Align()) {
			t.Errorf("%s: size/align = %d/%d, wit says %d/%d", *td.Name, ours.Size(), ours.Align(), td.Size(), td.Align())
		}
		if len(ours.Flatten()) != len(td.Flat()) {
			t.Errorf("%s: %d flat values, wit says %d", *td.Name, len(ours.Flatten()), len(td.Flat()))
		}
	}
}

func TestSignatures(t *testing.T) {
	m, _ := loadTestModel(t)
	tests := []struct {
		fn       string
		exported bool
		params   []Flat
		result   *Flat
		retPtr   bool
	}{
		{fn: "f-enum", exported: true, params: []Flat{I32}, result: ptr(I32)},
		{fn: "f-unit", exported: true, params: nil, result: ptr(I32), retPtr: true},
		{fn: "f-unit", exported: false, params: []Flat{I32}, retPtr: true},
		{fn: "f-option", exported: true, params: []Flat{I32, I32, I32, I64, I32, I32, I32}, result: ptr(I32), retPtr: true},
		{fn: "f-list", exported: false, params: []Flat{I32, I32, I32, I32, I32}, retPtr: true},
	}
	for _, tc := range tests {
		sig, err := signature(function(m, tc.fn), tc.exported)
		if err != nil {
			t.Fatalf("%s: %v", tc.fn, err)
		}
		if !slices.Equal(sig.Params, tc.params) || sig.RetPtr != tc.retPtr || (sig.Result == nil) != (tc.result == nil) ||
			(sig.Result != nil && *sig.Result != *tc.result) {
			t.Errorf("%s (exported=%v): got %+v", tc.fn, tc.exported, sig)
		}
	}
}

func ptr(f Flat) *Flat { return &f }

func TestGoNames(t *testing.T) {
	tests := map[string][2]string{
		"get-element-by-id": {"GetElementByID", "getElementByID"},
		"base-url":          {"BaseURL", "baseURL"},
		"js-module":         {"JSModule", "jsModule"},
		"url":               {"URL", "url"},
		"type":              {"Type", "type_"},
		"run-async":         {"RunAsync", "runAsync"},
	}
	for in, want := range tests {
		if got := goName(in); got != want[0] {
			t.Errorf("goName(%q) = %q, want %q", in, got, want[0])
		}
		if got := localName(in); got != want[1] {
			t.Errorf("localName(%q) = %q, want %q", in, got, want[1])
		}
	}
}

// TestJSName: jco's names in JS are lowerCamelCase, initialisms included.
func TestJSName(t *testing.T) {
	for in, want := range map[string]string{
		"get-element-by-id": "getElementById", "base-url": "baseUrl", "worker-script-id": "workerScriptId",
		"config": "config", "js-import": "jsImport", "%type": "type",
	} {
		if got := jsName(in); got != want {
			t.Errorf("jsName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGenerateRendersShapes renders the glue for the test WIT, so every
// shape above goes through the emitters and gofmt.
func TestGenerateRendersShapes(t *testing.T) {
	m, _ := loadTestModel(t)
	files, err := generate(m, "testdata/layouts")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"api/types_gen.go", "api/imports_gen.go", "types/types_gen.go", "guest/bindings_gen.go",
		"host/bindings_gen.go", "hostapi/imports_gen.go", "jco/bridge_gen.go"}
	var got []string
	for _, f := range files {
		got = append(got, f.side+"/"+f.name)
		if len(f.src) == 0 {
			t.Errorf("%s/%s is empty", f.side, f.name)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("files %v, want %v", got, want)
	}
}
