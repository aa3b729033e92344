package main

import (
	"strconv"
	"strings"
)

// The four conversions every type gets, generated once per type and used
// by both sides: store/load (linear memory) and lower/lift (flat slots).

// scalarMem describes how a scalar is stored: the Memory method width and
// the conversions to and from the stored unsigned value.
var scalarMem = map[Kind]struct {
	bits           int
	toMem, fromMem string // %s is the value expression
}{
	Bool: {8, "uint8(cabi.BoolBits(%s))", "cabi.Bool(uint32(%s))"},
	U8:   {8, "%s", "%s"},
	S8:   {8, "uint8(%s)", "int8(%s)"},
	U16:  {16, "%s", "%s"},
	S16:  {16, "uint16(%s)", "int16(%s)"},
	U32:  {32, "%s", "%s"},
	S32:  {32, "uint32(%s)", "int32(%s)"},
	U64:  {64, "%s", "%s"},
	S64:  {64, "uint64(%s)", "int64(%s)"},
	F32:  {32, "math.Float32bits(%s)", "math.Float32frombits(%s)"},
	F64:  {64, "math.Float64bits(%s)", "math.Float64frombits(%s)"},
}

// scalarFlat describes the conversions between a scalar and its slot.
var scalarFlat = map[Kind]struct{ toSlot, fromSlot string }{
	Bool: {"uint64(cabi.BoolBits(%s))", "cabi.Bool(uint32(%s))"},
	U8:   {"uint64(%s)", "uint8(%s)"},
	S8:   {"uint64(uint32(int32(%s)))", "int8(%s)"},
	U16:  {"uint64(%s)", "uint16(%s)"},
	S16:  {"uint64(uint32(int32(%s)))", "int16(%s)"},
	U32:  {"uint64(%s)", "uint32(%s)"},
	S32:  {"uint64(uint32(%s))", "int32(uint32(%s))"},
	U64:  {"%s", "%s"},
	S64:  {"uint64(%s)", "int64(%s)"},
	F32:  {"uint64(math.Float32bits(%s))", "math.Float32frombits(uint32(%s))"},
	F64:  {"math.Float64bits(%s)", "math.Float64frombits(%s)"},
}

// sprintf substitutes arg for every %s of format.
func sprintf(format, arg string) string { return strings.ReplaceAll(format, "%s", arg) }

func emitABI(e *emitter, m *Model) {
	for _, t := range allTypes(m) {
		emitStore(e, t)
		emitLoad(e, t)
		emitLower(e, t)
		emitLift(e, t)
	}
}

func discStore(t *Type, addr, val string) string {
	switch discSize(len(t.cases())) {
	case 1:
		return "m.Store8(" + addr + ", uint8(" + val + "))"
	case 2:
		return "m.Store16(" + addr + ", uint16(" + val + "))"
	}
	return "m.Store32(" + addr + ", uint32(" + val + "))"
}

func discLoad(t *Type, addr string) string {
	switch discSize(len(t.cases())) {
	case 1:
		return "uint32(m.Load8(" + addr + "))"
	case 2:
		return "uint32(m.Load16(" + addr + "))"
	}
	return "m.Load32(" + addr + ")"
}

func emitStore(e *emitter, t *Type) {
	e.p("// Store%s stores v at addr.", t.key())
	e.p("func Store%s(m cabi.Memory, addr uint32, v %s) {", t.key(), t.goType())
	switch t.Kind {
	case String:
		e.p("\tcabi.StoreStringAt(m, addr, v)")
	case List:
		e.p("\tp, n := cabi.StoreList(m, v, %d, %d, Store%s)", t.Elem.Size(), t.Elem.Align(), t.Elem.key())
		e.p("\tm.Store32(addr, p)\n\tm.Store32(addr+4, n)")
	case Record:
		for i, f := range t.Fields {
			e.p("\tStore%s(m, addr+%d, v.%s)", f.Type.key(), t.FieldOffsets()[i], goName(f.Name))
		}
	case Enum:
		e.p("\t%s", discStore(t, "addr", "v"))
	case Variant, Option, Result:
		emitVariantStore(e, t)
	default:
		s := scalarMem[t.Kind]
		e.p("\tm.Store%d(addr, %s)", s.bits, sprintf(s.toMem, "v"))
	}
	e.p("}\n")
}

// caseAccess returns, per case, the Go condition selecting it and the
// expression of its payload.
func caseAccess(t *Type) (conds, payloads []string) {
	switch t.Kind {
	case Option:
		return []string{"!v.Some", "v.Some"}, []string{"", "v.Value"}
	case Result:
		return []string{"!v.IsErr", "v.IsErr"}, []string{"v.Value", "v.Err"}
	}
	for _, c := range t.Cases {
		conds = append(conds, "v.Kind == "+goName(t.Name)+goName(c.Name))
		payloads = append(payloads, "v."+goName(c.Name))
	}
	return conds, payloads
}

func emitVariantStore(e *emitter, t *Type) {
	conds, payloads := caseAccess(t)
	off := t.PayloadOffset()
	e.p("\tswitch {")
	for i, c := range t.cases() {
		e.p("\tcase %s:", conds[i])
		e.p("\t\t%s", discStore(t, "addr", itoa(i)))
		if c.Type != nil {
			e.p("\t\tStore%s(m, addr+%d, %s)", c.Type.key(), off, payloads[i])
		}
	}
	if t.Kind == Variant {
		// An unknown kind is stored as is, so that the reader traps.
		e.p("\tdefault:\n\t\t%s", discStore(t, "addr", "v.Kind"))
	}
	e.p("\t}")
}

func emitLoad(e *emitter, t *Type) {
	e.p("// Load%s loads the value at addr, trapping on an invalid one.", t.key())
	e.p("func Load%s(m cabi.Memory, addr uint32) (v %s) {", t.key(), t.goType())
	switch t.Kind {
	case String:
		e.p("\treturn cabi.LoadStringAt(m, addr)")
	case List:
		e.p("\treturn cabi.LoadList(m, m.Load32(addr), m.Load32(addr+4), %d, Load%s)", t.Elem.Size(), t.Elem.key())
	case Record:
		for i, f := range t.Fields {
			e.p("\tv.%s = Load%s(m, addr+%d)", goName(f.Name), f.Type.key(), t.FieldOffsets()[i])
		}
		e.p("\treturn v")
	case Enum, Variant, Option, Result:
		e.p("\td := %s", discLoad(t, "addr"))
		emitVariantLift(e, t, func(c *Type) string {
			return "Load" + c.key() + "(m, addr+" + itoa(int(t.PayloadOffset())) + ")"
		})
	default:
		s := scalarMem[t.Kind]
		e.p("\treturn %s", sprintf(s.fromMem, "m.Load"+itoa(s.bits)+"(addr)"))
	}
	e.p("}\n")
}

// emitVariantLift writes the body that turns discriminant d and a payload
// reader into v, trapping on an unknown discriminant.
func emitVariantLift(e *emitter, t *Type, payload func(*Type) string) {
	cs := t.cases()
	e.p("\tif d >= %d {\n\t\tcabi.BadDiscriminant(%q, d)\n\t}", len(cs), t.key())
	switch t.Kind {
	case Enum:
		e.p("\treturn %s(d)", goName(t.Name))
		return
	case Option:
		e.p("\tif d == 1 {\n\t\tv.Some, v.Value = true, %s\n\t}\n\treturn v", payload(t.Elem))
		return
	case Result:
		e.p("\tif d == 1 {\n\t\tv.IsErr, v.Err = true, %s\n\t\treturn v\n\t}", payload(t.Err))
		if t.Elem != nil {
			e.p("\tv.Value = %s", payload(t.Elem))
		}
		e.p("\treturn v")
		return
	}
	e.p("\tv.Kind = %sKind(d)", goName(t.Name))
	e.p("\tswitch v.Kind {")
	for _, c := range cs {
		if c.Type != nil {
			e.p("\tcase %s%s:\n\t\tv.%s = %s", goName(t.Name), goName(c.Name), goName(c.Name), payload(c.Type))
		}
	}
	e.p("\t}\n\treturn v")
}

func emitLower(e *emitter, t *Type) {
	e.p("// Lower%s writes v as %d flat values.", t.key(), t.flatCount())
	e.p("func Lower%s(m cabi.Memory, v %s, flat []uint64) {", t.key(), t.goType())
	switch t.Kind {
	case String:
		e.p("\tcabi.LowerString(m, v, flat)")
	case List:
		e.p("\tp, n := cabi.StoreList(m, v, %d, %d, Store%s)", t.Elem.Size(), t.Elem.Align(), t.Elem.key())
		e.p("\tflat[0], flat[1] = uint64(p), uint64(n)")
	case Record:
		at := 0
		for _, f := range t.Fields {
			e.p("\tLower%s(m, v.%s, flat[%d:])", f.Type.key(), goName(f.Name), at)
			at += f.Type.flatCount()
		}
	case Enum:
		e.p("\tflat[0] = uint64(v)")
	case Variant, Option, Result:
		e.p("\tclear(flat[:%d])", t.flatCount())
		conds, payloads := caseAccess(t)
		e.p("\tswitch {")
		for i, c := range t.cases() {
			e.p("\tcase %s:\n\t\tflat[0] = %d", conds[i], i)
			if c.Type != nil {
				e.p("\t\tLower%s(m, %s, flat[1:])", c.Type.key(), payloads[i])
			}
		}
		if t.Kind == Variant {
			e.p("\tdefault:\n\t\tflat[0] = uint64(v.Kind)")
		}
		e.p("\t}")
	default:
		e.p("\tflat[0] = %s", sprintf(scalarFlat[t.Kind].toSlot, "v"))
	}
	e.p("}\n")
}

func emitLift(e *emitter, t *Type) {
	e.p("// Lift%s reads a value from %d flat values, trapping on an invalid one.", t.key(), t.flatCount())
	e.p("func Lift%s(m cabi.Memory, flat []uint64) (v %s) {", t.key(), t.goType())
	switch t.Kind {
	case String:
		e.p("\treturn cabi.LiftString(m, flat)")
	case List:
		e.p("\treturn cabi.LoadList(m, uint32(flat[0]), uint32(flat[1]), %d, Load%s)", t.Elem.Size(), t.Elem.key())
	case Record:
		at := 0
		for _, f := range t.Fields {
			e.p("\tv.%s = Lift%s(m, flat[%d:])", goName(f.Name), f.Type.key(), at)
			at += f.Type.flatCount()
		}
		e.p("\treturn v")
	case Enum, Variant, Option, Result:
		e.p("\td := uint32(flat[0])")
		emitVariantLift(e, t, func(c *Type) string { return "Lift" + c.key() + "(m, flat[1:])" })
	default:
		e.p("\treturn %s", sprintf(scalarFlat[t.Kind].fromSlot, "flat[0]"))
	}
	e.p("}\n")
}

func itoa(i int) string { return strconv.Itoa(i) }
