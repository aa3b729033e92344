package main

import (
	"fmt"
	"strings"
)

// emitGuest writes the wasip1 guest glue: wasmimport wrappers for the
// imported interfaces, and wasmexport entry points that call the Go
// implementation registered for each exported interface.
func emitGuest(e *emitter, m *Model) error {
	for _, i := range m.Ifaces {
		if i.Exported {
			emitGuestExportIface(e, i)
		}
		for _, f := range i.Funcs {
			sig, err := signature(f, i.Exported)
			if err != nil {
				return err
			}
			if i.Exported {
				emitGuestExport(e, f, sig)
			} else {
				emitGuestImport(e, f, sig)
			}
		}
	}
	return nil
}

func coreParamList(sig coreSig) string {
	var ps []string
	for k, fl := range sig.Params {
		ps = append(ps, fmt.Sprintf("p%d %s", k, fl.coreGoType()))
	}
	return strings.Join(ps, ", ")
}

func coreResult(sig coreSig) string {
	if sig.Result == nil {
		return ""
	}
	return sig.Result.coreGoType()
}

func emitGuestImport(e *emitter, f *Func, sig coreSig) {
	name := goName(f.Interface.Name) + goName(f.Name)
	raw := "wasmimport" + name
	e.p("//go:wasmimport %s %s", f.Interface.Module, f.Name)
	e.p("func %s(%s) %s\n", raw, coreParamList(sig), coreResult(sig))

	e.p("// %s calls %s of the host's %s interface.", name, f.Name, f.Interface.Name)
	e.p("func %s(%s) %s {", name, goParams(f), goResults(f, false))
	e.p("\tm := guestabi.Memory")
	if sig.NParams > 0 {
		e.p("\tvar flat [%d]uint64", sig.NParams)
		lowerParams(e, f)
	}
	var args []string
	for k := 0; k < sig.NParams; k++ {
		args = append(args, sig.Params[k].fromSlot(fmt.Sprintf("flat[%d]", k)))
	}
	switch {
	case sig.RetPtr:
		e.p("\tret := m.Alloc(%d, %d)", f.Result.Size(), f.Result.Align())
		e.p("\t%s(%s)", raw, strings.Join(append(args, "ret"), ", "))
		e.p("\tr := wittypes.Load%s(m, ret)", f.Result.key())
	case f.Result != nil:
		e.p("\tcore := %s(%s)", raw, strings.Join(args, ", "))
		e.p("\tr := wittypes.Lift%s(m, []uint64{%s})", f.Result.key(), sig.Result.toSlot("core"))
	default:
		e.p("\t%s(%s)", raw, strings.Join(args, ", "))
	}
	if f.Result == nil && sig.NParams == 0 {
		e.p("\t_ = m")
	}
	e.p("\tguestabi.ReleasePins()")
	e.p("\t%s", returnResult(f, false))
	e.p("}\n")
}

func emitGuestExportIface(e *emitter, i *Iface) {
	name := goName(i.Name)
	e.p("// %s is implemented by the guest and exported as %s.", name, i.Module)
	e.p("type %s interface {", name)
	for _, f := range i.Funcs {
		e.p("\t%s(%s) %s", goName(f.Name), goParams(f), goResults(f, false))
	}
	e.p("}\n")
	e.p("var export%s %s\n", name, name)
	e.p("// Export%s registers the implementation of the exported %s interface.", name, i.Name)
	e.p("func Export%s(impl %s) { export%s = impl }\n", name, name, name)
}

func emitGuestExport(e *emitter, f *Func, sig coreSig) {
	iface := goName(f.Interface.Name)
	e.p("//go:wasmexport %s#%s", f.Interface.Module, f.Name)
	e.p("func wasmexport%s%s(%s) %s {", iface, goName(f.Name), coreParamList(sig), coreResult(sig))
	e.p("\tguestabi.Enter()")
	e.p("\tm := guestabi.Memory")
	if sig.NParams > 0 {
		var slots []string
		for k := 0; k < sig.NParams; k++ {
			slots = append(slots, sig.Params[k].toSlot(fmt.Sprintf("p%d", k)))
		}
		e.p("\tflat := [%d]uint64{%s}", sig.NParams, strings.Join(slots, ", "))
		liftParams(e, f)
	}
	e.p("\tguestabi.ReleasePins()")
	call, pack := packResult(f)
	e.p("\t%sexport%s.%s(%s)", call, iface, goName(f.Name), goArgs(f))
	if pack != "" {
		e.p("\t%s", pack)
	}
	switch {
	case sig.RetPtr:
		e.p("\tret := m.Alloc(%d, %d)", f.Result.Size(), f.Result.Align())
		e.p("\twittypes.Store%s(m, ret, r)", f.Result.key())
		e.p("\treturn ret")
	case f.Result != nil:
		e.p("\tvar out [1]uint64")
		e.p("\twittypes.Lower%s(m, r, out[:])", f.Result.key())
		e.p("\treturn %s", sig.Result.fromSlot("out[0]"))
	default:
		e.p("\t_ = m")
	}
	e.p("}\n")
}
