// Package jsval is a JavaScript value as the context logic sees it: host
// objects stay on the host and cross as handles.
package jsval

// Kind names which field of a Value is meaningful.
type Kind uint8

// The kinds of JS value.
const (
	KindUndefined Kind = iota
	KindNull
	KindBool
	KindNumber
	KindText
	KindObject
)

// Handles every host has: the WIT fixes them.
const (
	WindowHandle   uint32 = 0
	DocumentHandle uint32 = 1
)

// Value is a JS value; objects are host handles.
type Value struct {
	Kind   Kind
	Bool   bool
	Number float64
	Text   string
	Object uint32
}

// Undefined returns JS undefined.
func Undefined() Value { return Value{Kind: KindUndefined} }

// Null returns JS null.
func Null() Value { return Value{Kind: KindNull} }

// Bool returns a JS boolean.
func Bool(b bool) Value { return Value{Kind: KindBool, Bool: b} }

// Number returns a JS number.
func Number(f float64) Value { return Value{Kind: KindNumber, Number: f} }

// Text returns a JS string.
func Text(s string) Value { return Value{Kind: KindText, Text: s} }

// Object returns a reference to the host object with handle h.
func Object(h uint32) Value { return Value{Kind: KindObject, Object: h} }
