package jsval

import "testing"

func TestConstructors(t *testing.T) {
	tests := []struct {
		id   string
		got  Value
		want Value
	}{
		{"undefined", Undefined(), Value{Kind: KindUndefined}},
		{"null", Null(), Value{Kind: KindNull}},
		{"false", Bool(false), Value{Kind: KindBool}},
		{"true", Bool(true), Value{Kind: KindBool, Bool: true}},
		{"number", Number(-0.5), Value{Kind: KindNumber, Number: -0.5}},
		{"text", Text("py-0"), Value{Kind: KindText, Text: "py-0"}},
		{"empty text is not undefined", Text(""), Value{Kind: KindText}},
		{"window", Object(WindowHandle), Value{Kind: KindObject, Object: 0}},
		{"document", Object(DocumentHandle), Value{Kind: KindObject, Object: 1}},
		{"element", Object(42), Value{Kind: KindObject, Object: 42}},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.id, tc.got, tc.want)
		}
	}
}

// The WIT fixes the handles of the window and the document. (Kinds convert
// by name at the boundary; component/enums_test.go checks them.)
func TestHandlesAreTheWITs(t *testing.T) {
	if WindowHandle != 0 || DocumentHandle != 1 {
		t.Errorf("handles: window %d, document %d; the WIT fixes 0 and 1", WindowHandle, DocumentHandle)
	}
}
