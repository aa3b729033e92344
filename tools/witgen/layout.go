package main

// Canonical ABI layout: size, alignment and flattening, following
// https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md
// ("Alignment", "Element Size" and "Flattening"). Options and results are
// variants with two cases; enums are variants without payloads.

// Flat is a core wasm value type.
type Flat int

// Core value types, in the order the spec's join rule names them.
const (
	I32 Flat = iota
	I64
	F32t
	F64t
)

// String returns the core wasm type name: i32, i64, f32 or f64.
func (f Flat) String() string { return [...]string{"i32", "i64", "f32", "f64"}[f] }

// maxFlatParams is the spec's limit before parameters go through memory.
const maxFlatParams = 16

func alignTo(n, align uint32) uint32 { return (n + align - 1) &^ (align - 1) }

// cases returns the cases of a variant-shaped type (variant, enum, option, result).
func (t *Type) cases() []Case {
	switch t.Kind {
	case Option:
		return []Case{{Name: "none"}, {Name: "some", Type: t.Elem}}
	case Result:
		return []Case{{Name: "ok", Type: t.Elem}, {Name: "err", Type: t.Err}}
	}
	return t.Cases
}

func (t *Type) variantLike() bool {
	return t.Kind == Variant || t.Kind == Enum || t.Kind == Option || t.Kind == Result
}

// discSize is the discriminant's byte size for n cases.
func discSize(n int) uint32 {
	switch {
	case n <= 1<<8:
		return 1
	case n <= 1<<16:
		return 2
	}
	return 4
}

// Align returns the alignment of t in linear memory.
func (t *Type) Align() uint32 {
	switch t.Kind {
	case Bool, U8, S8:
		return 1
	case U16, S16:
		return 2
	case U32, S32, F32, String, List:
		return 4
	case U64, S64, F64:
		return 8
	case Record:
		a := uint32(1)
		for _, f := range t.Fields {
			a = max(a, f.Type.Align())
		}
		return a
	}
	cs := t.cases()
	return max(discSize(len(cs)), maxCaseAlign(cs))
}

// Size returns the byte size of t in linear memory.
func (t *Type) Size() uint32 {
	switch t.Kind {
	case Bool, U8, S8:
		return 1
	case U16, S16:
		return 2
	case U32, S32, F32:
		return 4
	case U64, S64, F64, String, List:
		return 8
	case Record:
		var s uint32
		for _, f := range t.Fields {
			s = alignTo(s, f.Type.Align()) + f.Type.Size()
		}
		return alignTo(s, t.Align())
	}
	cs := t.cases()
	s := t.PayloadOffset()
	var payload uint32
	for _, c := range cs {
		if c.Type != nil {
			payload = max(payload, c.Type.Size())
		}
	}
	return alignTo(s+payload, t.Align())
}

// FieldOffsets returns the offset of each field of a record.
func (t *Type) FieldOffsets() []uint32 {
	offs := make([]uint32, len(t.Fields))
	var s uint32
	for i, f := range t.Fields {
		s = alignTo(s, f.Type.Align())
		offs[i] = s
		s += f.Type.Size()
	}
	return offs
}

// PayloadOffset returns where a variant-shaped type's payload starts.
func (t *Type) PayloadOffset() uint32 {
	cs := t.cases()
	return alignTo(discSize(len(cs)), maxCaseAlign(cs))
}

func maxCaseAlign(cs []Case) uint32 {
	a := uint32(1)
	for _, c := range cs {
		if c.Type != nil {
			a = max(a, c.Type.Align())
		}
	}
	return a
}

// Flatten returns the core value types t lowers to.
func (t *Type) Flatten() []Flat {
	switch t.Kind {
	case Bool, U8, U16, U32, S8, S16, S32:
		return []Flat{I32}
	case U64, S64:
		return []Flat{I64}
	case F32:
		return []Flat{F32t}
	case F64:
		return []Flat{F64t}
	case String, List:
		return []Flat{I32, I32}
	case Record:
		var flat []Flat
		for _, f := range t.Fields {
			flat = append(flat, f.Type.Flatten()...)
		}
		return flat
	}
	var payload []Flat
	for _, c := range t.cases() {
		if c.Type == nil {
			continue
		}
		for i, f := range c.Type.Flatten() {
			if i < len(payload) {
				payload[i] = join(payload[i], f)
			} else {
				payload = append(payload, f)
			}
		}
	}
	return append([]Flat{I32}, payload...)
}

// join is the spec's rule for two cases sharing one flat slot.
func join(a, b Flat) Flat {
	if a == b {
		return a
	}
	if (a == I32 && b == F32t) || (a == F32t && b == I32) {
		return I32
	}
	return I64
}

// flatCount is len(Flatten()) without allocating at call sites.
func (t *Type) flatCount() int { return len(t.Flatten()) }
