package main

import (
	"fmt"
	"strings"
)

// coreSig is a function's core wasm signature under the Canonical ABI.
type coreSig struct {
	Params  []Flat // flattened parameters, plus the return pointer if any
	Result  *Flat  // the single flat result, if it fits in one value
	RetPtr  bool   // the result goes through memory
	NParams int    // flat slots of the WIT parameters (without the return pointer)
}

// signature computes f's core signature; exported says which side
// allocates the result: an export returns a pointer, an import receives one.
func signature(f *Func, exported bool) (coreSig, error) {
	var s coreSig
	for _, p := range f.Params {
		s.Params = append(s.Params, p.Type.Flatten()...)
	}
	if len(s.Params) > maxFlatParams {
		return s, fmt.Errorf("%s: %d flat parameters; more than %d is not supported", f.Name, len(s.Params), maxFlatParams)
	}
	s.NParams = len(s.Params)
	if f.Result == nil {
		return s, nil
	}
	flat := f.Result.Flatten()
	if len(flat) == 1 {
		s.Result = &flat[0]
		return s, nil
	}
	s.RetPtr = true
	if exported {
		r := I32
		s.Result = &r
	} else {
		s.Params = append(s.Params, I32)
	}
	return s, nil
}

// goParams is the Go parameter list of f in the glue packages, e.g.
// "target uint32, name string".
func goParams(f *Func) string { return goParamsIn(f, (*Type).glueType) }

// goParamsIn is goParams with the types spelled by spell.
func goParamsIn(f *Func, spell func(*Type) string) string {
	var ps []string
	for _, p := range f.Params {
		ps = append(ps, localName(p.Name)+" "+spell(p.Type))
	}
	return strings.Join(ps, ", ")
}

// goArgs is the argument list matching goParams.
func goArgs(f *Func) string {
	var as []string
	for _, p := range f.Params {
		as = append(as, localName(p.Name))
	}
	return strings.Join(as, ", ")
}

// goResults is the Go result list for f in the glue packages: a
// result<T, string> becomes (T, error), result<_, string> becomes error.
// withErr forces an error result, which the host needs because any call
// may trap.
func goResults(f *Func, withErr bool) string { return goResultsIn(f, withErr, (*Type).glueType) }

// goResultsIn is goResults with the types spelled by spell.
func goResultsIn(f *Func, withErr bool, spell func(*Type) string) string {
	r := f.Result
	switch {
	case r == nil && withErr:
		return "error"
	case r == nil:
		return ""
	case r.Kind == Result && r.Elem == nil:
		return "error"
	case r.Kind == Result:
		return "(" + spell(r.Elem) + ", error)"
	case withErr:
		return "(" + spell(r) + ", error)"
	}
	return spell(r)
}

// returnResult is the return statement that unpacks the WIT result held
// in variable r into goResults's shape.
func returnResult(f *Func, withErr bool) string {
	r := f.Result
	switch {
	case r == nil && withErr:
		return "return nil"
	case r == nil:
		return "return"
	case r.Kind == Result && r.Elem == nil:
		return "return r.Error()"
	case r.Kind == Result:
		return "return r.Value, r.Error()"
	case withErr:
		return "return r, nil"
	}
	return "return r"
}

// packResult is the statement that turns the Go results of an
// implementation call (named v and err) into the WIT value r.
func packResult(f *Func) (call string, pack string) {
	r := f.Result
	switch {
	case r == nil:
		return "", ""
	case r.Kind == Result && r.Elem == nil:
		return "err := ", "r := cabi.ResultOf(cabi.Unit{}, err)"
	case r.Kind == Result:
		return "v, err := ", "r := cabi.ResultOf(v, err)"
	}
	return "r := ", ""
}

// lowerParams emits the lowering of f's Go parameters into flat[].
func lowerParams(e *emitter, f *Func) {
	at := 0
	for _, p := range f.Params {
		e.p("\twittypes.Lower%s(m, %s, flat[%d:])", p.Type.key(), localName(p.Name), at)
		at += p.Type.flatCount()
	}
}

// liftParams emits the lifting of flat[] into Go variables named like the
// parameters.
func liftParams(e *emitter, f *Func) {
	at := 0
	for _, p := range f.Params {
		e.p("\t%s := wittypes.Lift%s(m, flat[%d:])", localName(p.Name), p.Type.key(), at)
		at += p.Type.flatCount()
	}
}
