package main

import (
	"fmt"
	"strings"
)

// emitHost writes the wazero host glue: a Go interface per imported WIT
// interface with the host functions that call it, and an Instance whose
// methods call the guest's exports.
func emitHost(e *emitter, m *Model) error {
	var exports []*Iface
	for _, i := range m.Ifaces {
		if i.Exported {
			exports = append(exports, i)
		}
	}
	imports := hostImports(m)
	emitImportsStruct(e, imports)
	if err := emitRegister(e, imports); err != nil {
		return err
	}
	for _, i := range imports {
		for _, f := range i.Funcs {
			sig, _ := signature(f, false)
			emitHostFunc(e, f, sig)
		}
	}
	return emitInstance(e, exports)
}

func ctxParams(f *Func) string {
	if ps := goParams(f); ps != "" {
		return "ctx context.Context, " + ps
	}
	return "ctx context.Context"
}

func emitImportsStruct(e *emitter, imports []*Iface) {
	e.p("// Imports holds the host's implementation of every imported interface.")
	e.p("// Its fields are those of host.Imports, which converts to it.")
	e.p("type Imports struct {")
	for _, i := range imports {
		e.p("\t%s api.%s", goName(i.Name), goName(i.Name))
	}
	e.p("}\n")
}

func valueTypes(fs []Flat) string {
	var ts []string
	for _, f := range fs {
		ts = append(ts, f.wazeroType())
	}
	return "[]wazeroapi.ValueType{" + strings.Join(ts, ", ") + "}"
}

func emitRegister(e *emitter, imports []*Iface) error {
	e.p("// Register instantiates the host modules of the imported interfaces in r.")
	e.p("// Their functions reach the calling Instance's Imports through the context")
	e.p("// that Instance's methods pass down, so one registration serves every instance.")
	e.p("func Register(ctx context.Context, r wazero.Runtime) error {")
	for _, i := range imports {
		e.p("\t{")
		e.p("\t\tb := r.NewHostModuleBuilder(%q)", i.Module)
		for _, f := range i.Funcs {
			sig, err := signature(f, false)
			if err != nil {
				return err
			}
			var res []Flat
			if sig.Result != nil {
				res = []Flat{*sig.Result}
			}
			e.p("\t\tb.NewFunctionBuilder().WithGoModuleFunction(wazeroapi.GoModuleFunc(host%s%s), %s, %s).Export(%q)",
				goName(i.Name), goName(f.Name), valueTypes(sig.Params), valueTypes(res), f.Name)
		}
		e.p("\t\tif _, err := b.Instantiate(ctx); err != nil {")
		e.p("\t\t\treturn fmt.Errorf(\"host module %s: %%w\", err)", i.Module)
		e.p("\t\t}")
		e.p("\t}")
	}
	e.p("\treturn nil")
	e.p("}\n")
	return nil
}

func emitHostFunc(e *emitter, f *Func, sig coreSig) {
	iface := goName(f.Interface.Name)
	e.p("func host%s%s(ctx context.Context, _ wazeroapi.Module, stack []uint64) {", iface, goName(f.Name))
	e.p("\tinst := calling(ctx)")
	e.p("\tm := inst.mem")
	if sig.NParams > 0 {
		e.p("\tflat := stack[:%d]", sig.NParams)
		liftParams(e, f)
	}
	call, pack := packResult(f)
	args := "ctx"
	if a := goArgs(f); a != "" {
		args += ", " + a
	}
	e.p("\t%sinst.imports.%s.%s(%s)", call, iface, goName(f.Name), args)
	e.p("\tinst.stopIfDone(ctx)")
	if pack != "" {
		e.p("\t%s", pack)
	}
	switch {
	case sig.RetPtr:
		e.p("\twittypes.Store%s(m, uint32(stack[%d]), r)", f.Result.key(), sig.NParams)
	case f.Result != nil:
		e.p("\twittypes.Lower%s(m, r, stack[:1])", f.Result.key())
	default:
		e.p("\t_ = m")
	}
	e.p("}\n")
}

func emitInstance(e *emitter, exports []*Iface) error {
	var names []string
	for _, i := range exports {
		for _, f := range i.Funcs {
			names = append(names, fmt.Sprintf("%q", i.Module+"#"+f.Name))
		}
	}
	e.p("// exportNames are the core names of the guest's exports, in the order of Instance.fns.")
	e.p("var exportNames = [...]string{%s}\n", strings.Join(names, ", "))
	k := 0
	for _, i := range exports {
		for _, f := range i.Funcs {
			sig, err := signature(f, true)
			if err != nil {
				return err
			}
			emitInstanceMethod(e, f, sig, k)
			k++
		}
	}
	return nil
}

func emitInstanceMethod(e *emitter, f *Func, sig coreSig, index int) {
	name := goName(f.Interface.Name) + goName(f.Name)
	e.p("// %s calls the guest's export %s#%s.", name, f.Interface.Module, f.Name)
	e.p("// A trap is returned as a *cabi.Trap; a result's own error as a plain error.")
	e.p("func (i *Instance) %s(%s) (%s) {", name, ctxParams(f), namedResults(f))
	e.p("\tctx = i.enter(ctx)")
	e.p("\tdefer recoverTrap(%q, &err)", f.Name)
	e.p("\tm := i.mem")
	if sig.NParams > 0 {
		e.p("\tvar flat [%d]uint64", sig.NParams)
		lowerParams(e, f)
		e.p("\tres, callErr := i.fns[%d].Call(ctx, flat[:]...)", index)
	} else {
		e.p("\tres, callErr := i.fns[%d].Call(ctx)", index)
	}
	e.p("\tif callErr != nil {\n\t\treturn %sexportTrap(%q, callErr)\n\t}", zeroPrefix(f), f.Name)
	switch {
	case sig.RetPtr:
		e.p("\tr := wittypes.Load%s(m, uint32(res[0]))", f.Result.key())
	case f.Result != nil:
		e.p("\tr := wittypes.Lift%s(m, res[:1])", f.Result.key())
	default:
		e.p("\t_, _ = m, res")
	}
	e.p("\t%s", returnResult(f, true))
	e.p("}\n")
}

// namedResults names the results so that the deferred recover can set err.
func namedResults(f *Func) string {
	r := f.Result
	switch {
	case r == nil, r.Kind == Result && r.Elem == nil:
		return "err error"
	case r.Kind == Result:
		return "v " + r.Elem.goTypeWith(witTypes) + ", err error"
	}
	return "v " + r.goTypeWith(witTypes) + ", err error"
}

func zeroPrefix(f *Func) string {
	if r := f.Result; r == nil || (r.Kind == Result && r.Elem == nil) {
		return ""
	}
	return "v, "
}
