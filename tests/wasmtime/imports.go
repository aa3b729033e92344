package main

/*
#include <stdlib.h>
#include <wasmtime.h>
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

// importNames are the jco names ("window.get") of the defined import
// functions; each function's callback data is its index here.
var importNames []string

// bridgeImport answers one call of an execctx:context import by asking
// the Go half. The Go half's {"err"} is the import's result error; a
// failure becomes a Wasmtime error, which traps the guest, as a thrown
// exception does under jco.
//
//export bridgeImport
func bridgeImport(data unsafe.Pointer, cx *C.wasmtime_context_t, ft *C.wasmtime_component_func_type_t,
	args *C.wasmtime_component_val_t, nargs C.size_t, results *C.wasmtime_component_val_t, nresults C.size_t) *C.wasmtime_error_t {
	name := importNames[*(*C.int)(data)]
	if err := importCall(name, ft, unsafe.Slice(args, nargs), unsafe.Slice(results, nresults)); err != nil {
		msg := C.CString(fmt.Sprintf("wasmtime-bridge: %s: %v", name, err))
		defer C.free(unsafe.Pointer(msg))
		return C.wasmtime_error_new(msg)
	}
	return nil
}

func importCall(name string, ft *C.wasmtime_component_func_type_t, args, results []C.wasmtime_component_val_t) error {
	jsArgs := make([]any, len(args))
	for k := range args {
		j, err := toJSON(&args[k])
		if err != nil {
			return fmt.Errorf("argument %d: %w", k, err)
		}
		jsArgs[k] = j
	}
	reply, err := bridgeWire.ask(name, jsArgs)
	if err != nil {
		return err
	}
	if msg, ok := reply["fail"]; ok {
		return fmt.Errorf("%v", msg)
	}
	if len(results) == 0 {
		return nil
	}
	results[0] = C.wasmtime_component_val_t{} // what fromJSON builds on
	var rt C.wasmtime_component_valtype_t
	C.wasmtime_component_func_type_result(ft, &rt)
	defer C.wasmtime_component_valtype_delete(&rt)
	if rt.kind == C.WASMTIME_COMPONENT_VALTYPE_RESULT {
		return resultFromReply(reply, (*C.wasmtime_component_result_type_t)(typePtr(&rt)), &results[0])
	}
	if _, ok := reply["err"]; ok {
		return errors.New("the Go half answered an error to a function without a result<...>")
	}
	return fromJSON(reply["ok"], &rt, &results[0])
}

// resultFromReply builds a result<T, E> from {"ok": T} or {"err": E}.
func resultFromReply(reply map[string]any, rt *C.wasmtime_component_result_type_t, out *C.wasmtime_component_val_t) error {
	r := of[C.wasmtime_component_valresult_t](out)
	out.kind = C.WASMTIME_COMPONENT_RESULT
	payload, isErr := reply["err"]
	if !isErr {
		payload = reply["ok"]
	}
	r.is_ok, r.val = C.bool(!isErr), nil
	var pt C.wasmtime_component_valtype_t
	var has C.bool
	if isErr {
		has = C.wasmtime_component_result_type_err(rt, &pt)
	} else {
		has = C.wasmtime_component_result_type_ok(rt, &pt)
	}
	if !has {
		return nil
	}
	defer C.wasmtime_component_valtype_delete(&pt)
	return boxed(payload, &pt, &r.val)
}
