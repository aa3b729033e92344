package main

/*
#include <stdlib.h>
#include <wasmtime.h>
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// run answers one op.
func (e *engine) run(op map[string]any) map[string]any {
	id, _ := op["id"].(float64)
	switch op["op"] {
	case "new":
		in, err := e.instantiate()
		if err != nil {
			return fail(err)
		}
		e.instances[int(id)] = in
		return map[string]any{"ok": nil}
	case "close":
		if in := e.instances[int(id)]; in != nil {
			in.close()
			delete(e.instances, int(id))
		}
		return map[string]any{"ok": nil}
	case "call":
		in := e.instances[int(id)]
		if in == nil {
			return fail(fmt.Errorf("no instance %v", op["id"]))
		}
		fn, _ := op["fn"].(string)
		args, _ := op["args"].([]any)
		return e.call(int(id), in, fn, args)
	}
	return fail(fmt.Errorf("unknown op %v", op))
}

func fail(err error) map[string]any { return map[string]any{"fail": err.Error()} }

// call runs one export. As the npm package's Guest does, a trap drops the
// instance and the next call runs on a fresh one.
func (e *engine) call(id int, in *instance, fn string, args []any) map[string]any {
	idx := e.exports[fn]
	if idx == nil {
		return fail(fmt.Errorf("the component exports no %s", fn))
	}
	var f C.wasmtime_component_func_t
	if !C.wasmtime_component_instance_get_func(&in.inst, in.cx, idx, &f) {
		return fail(fmt.Errorf("%s: not a function of this instance", fn))
	}
	ft := C.wasmtime_component_func_type(&f, in.cx)
	defer C.wasmtime_component_func_type_delete(ft)
	params, err := lowerParams(ft, args)
	defer params.free()
	if err != nil {
		return fail(fmt.Errorf("%s: %w", fn, err))
	}
	var rt C.wasmtime_component_valtype_t
	hasResult := C.wasmtime_component_func_type_result(ft, &rt)
	results := newVals(0)
	if hasResult {
		defer C.wasmtime_component_valtype_delete(&rt)
		results = newVals(1)
	}
	defer results.free()
	if err := check(C.wasmtime_component_func_call(&f, in.cx, params.ptr(), C.size_t(params.n), results.ptr(), C.size_t(results.n))); err != nil {
		e.restart(id, in)
		return map[string]any{"trap": err.Error()}
	}
	if !hasResult {
		return map[string]any{"ok": nil}
	}
	return answer(results.at(0))
}

// restart replaces a trapped instance. If a fresh one cannot be made, the
// id is dropped and its next call fails.
func (e *engine) restart(id int, old *instance) {
	old.close()
	delete(e.instances, id)
	if in, err := e.instantiate(); err == nil {
		e.instances[id] = in
	}
}

// answer is an export's result as the wire carries it: a result's error
// is {"err": payload}, anything else {"ok": value}.
func answer(v *C.wasmtime_component_val_t) map[string]any {
	if v.kind == C.WASMTIME_COMPONENT_RESULT {
		r := (*C.wasmtime_component_valresult_t)(unsafe.Pointer(&v.of))
		var payload any
		var err error
		if r.val != nil {
			payload, err = toJSON(r.val)
		}
		if err != nil {
			return fail(err)
		}
		if r.is_ok {
			return map[string]any{"ok": payload}
		}
		return map[string]any{"err": payload}
	}
	j, err := toJSON(v)
	if err != nil {
		return fail(err)
	}
	return map[string]any{"ok": j}
}

// lowerParams converts the wire's arguments to the function's parameters.
func lowerParams(ft *C.wasmtime_component_func_type_t, args []any) (vals, error) {
	n := int(C.wasmtime_component_func_type_param_count(ft))
	params := newVals(n)
	if len(args) != n {
		return params, fmt.Errorf("want %d arguments, got %d", n, len(args))
	}
	for k := range n {
		var name *C.char
		var nlen C.size_t
		var pt C.wasmtime_component_valtype_t
		C.wasmtime_component_func_type_param_nth(ft, C.size_t(k), &name, &nlen, &pt)
		err := fromJSON(args[k], &pt, params.at(k))
		C.wasmtime_component_valtype_delete(&pt)
		if err != nil {
			return params, fmt.Errorf("%s: %w", C.GoStringN(name, C.int(nlen)), err)
		}
	}
	return params, nil
}

// vals is an array of values in C memory, zeroed (each a false bool) so
// that it can be freed whatever was filled in.
type vals struct {
	base unsafe.Pointer
	n    int
}

func newVals(n int) vals {
	if n == 0 {
		return vals{}
	}
	return vals{base: C.calloc(C.size_t(n), C.sizeof_wasmtime_component_val_t), n: n}
}

func (v vals) ptr() *C.wasmtime_component_val_t { return (*C.wasmtime_component_val_t)(v.base) }

func (v vals) at(k int) *C.wasmtime_component_val_t {
	return &unsafe.Slice(v.ptr(), v.n)[k]
}

func (v vals) free() {
	for k := range v.n {
		C.wasmtime_component_val_delete(v.at(k))
	}
	C.free(v.base)
}
