package main

/*
#include <stdlib.h>
#include <string.h>
#include <wasmtime.h>
*/
import "C"

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/execctx/execctx/tests/internal/jsonfloat"
)

// Values cross the wire in the shapes jco gives them, which jcohost's
// generated codecs read and write: records are objects with lowerCamel
// field names, variants {"tag", "val"}, enums their case name, an option
// its value or null. Going to JSON needs no type (a Wasmtime value names
// its fields and cases); coming from JSON, the type says what to build.

// of views a value's payload union as T.
func of[T any](v *C.wasmtime_component_val_t) *T { return (*T)(unsafe.Pointer(&v.of)) }

// typePtr is a compound type's union: one pointer, to a type that cgo
// sees as incomplete.
func typePtr(t *C.wasmtime_component_valtype_t) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Pointer(&t.of))
}

func goName(n *C.wasm_name_t) string { return C.GoStringN(n.data, C.int(n.size)) }

// setName copies s into a Wasmtime-owned name.
func setName(out *C.wasm_name_t, s string) {
	if s == "" {
		C.wasm_byte_vec_new_empty(out)
		return
	}
	C.wasm_byte_vec_new(out, C.size_t(len(s)), (*C.wasm_byte_t)(unsafe.Pointer(unsafe.StringData(s))))
}

// toJSON converts a value for the wire.
func toJSON(v *C.wasmtime_component_val_t) (any, error) {
	switch v.kind {
	case C.WASMTIME_COMPONENT_BOOL:
		return bool(*of[C.bool](v)), nil
	case C.WASMTIME_COMPONENT_U8:
		return float64(*of[C.uint8_t](v)), nil
	case C.WASMTIME_COMPONENT_U16:
		return float64(*of[C.uint16_t](v)), nil
	case C.WASMTIME_COMPONENT_U32:
		return float64(*of[C.uint32_t](v)), nil
	case C.WASMTIME_COMPONENT_S32:
		return float64(*of[C.int32_t](v)), nil
	case C.WASMTIME_COMPONENT_F64:
		return jsonfloat.Encode(float64(*of[C.float64_t](v))), nil
	case C.WASMTIME_COMPONENT_STRING, C.WASMTIME_COMPONENT_ENUM:
		return goName(of[C.wasm_name_t](v)), nil
	case C.WASMTIME_COMPONENT_LIST:
		l := of[C.wasmtime_component_vallist_t](v)
		out := make([]any, l.size)
		for k, el := range unsafe.Slice(l.data, l.size) {
			j, err := toJSON(&el)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", k, err)
			}
			out[k] = j
		}
		return out, nil
	case C.WASMTIME_COMPONENT_RECORD:
		return recordJSON(of[C.wasmtime_component_valrecord_t](v))
	case C.WASMTIME_COMPONENT_VARIANT:
		vr := of[C.wasmtime_component_valvariant_t](v)
		out := map[string]any{"tag": goName(&vr.discriminant)}
		if vr.val != nil {
			j, err := toJSON(vr.val)
			if err != nil {
				return nil, fmt.Errorf("case %s: %w", out["tag"], err)
			}
			out["val"] = j
		}
		return out, nil
	case C.WASMTIME_COMPONENT_OPTION:
		if some := *of[*C.wasmtime_component_val_t](v); some != nil {
			return toJSON(some)
		}
		return nil, nil
	}
	return nil, fmt.Errorf("value kind %d is not used by execctx's WIT", v.kind)
}

func recordJSON(r *C.wasmtime_component_valrecord_t) (any, error) {
	out := map[string]any{}
	for _, f := range unsafe.Slice(r.data, r.size) {
		name := goName(&f.name)
		j, err := toJSON(&f.val)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", name, err)
		}
		out[lowerCamel(name)] = j
	}
	return out, nil
}

// fromJSON builds a value of type t from the wire's j into out, which
// must be zeroed. Whether or not it fails, out is left a value that
// wasmtime_component_val_delete frees.
func fromJSON(j any, t *C.wasmtime_component_valtype_t, out *C.wasmtime_component_val_t) error {
	switch t.kind {
	case C.WASMTIME_COMPONENT_VALTYPE_BOOL:
		b, ok := j.(bool)
		if !ok {
			return fmt.Errorf("want a bool, got %T %v", j, j)
		}
		*of[C.bool](out) = C.bool(b)
		out.kind = C.WASMTIME_COMPONENT_BOOL
	case C.WASMTIME_COMPONENT_VALTYPE_U8, C.WASMTIME_COMPONENT_VALTYPE_U16, C.WASMTIME_COMPONENT_VALTYPE_U32:
		return unsignedFromJSON(j, t.kind, out)
	case C.WASMTIME_COMPONENT_VALTYPE_F64:
		f, err := jsonfloat.Decode(j)
		if err != nil {
			return err
		}
		*of[C.float64_t](out) = C.float64_t(f)
		out.kind = C.WASMTIME_COMPONENT_F64
	case C.WASMTIME_COMPONENT_VALTYPE_STRING:
		s, ok := j.(string)
		if !ok {
			return fmt.Errorf("want a string, got %T %v", j, j)
		}
		setName(of[C.wasm_name_t](out), s)
		out.kind = C.WASMTIME_COMPONENT_STRING
	case C.WASMTIME_COMPONENT_VALTYPE_LIST:
		return listFromJSON(j, (*C.wasmtime_component_list_type_t)(typePtr(t)), out)
	case C.WASMTIME_COMPONENT_VALTYPE_RECORD:
		return recordFromJSON(j, (*C.wasmtime_component_record_type_t)(typePtr(t)), out)
	case C.WASMTIME_COMPONENT_VALTYPE_VARIANT:
		return variantFromJSON(j, (*C.wasmtime_component_variant_type_t)(typePtr(t)), out)
	case C.WASMTIME_COMPONENT_VALTYPE_ENUM:
		return enumFromJSON(j, (*C.wasmtime_component_enum_type_t)(typePtr(t)), out)
	case C.WASMTIME_COMPONENT_VALTYPE_OPTION:
		out.kind = C.WASMTIME_COMPONENT_OPTION // a null pointer is none
		if j == nil {
			return nil
		}
		var et C.wasmtime_component_valtype_t
		C.wasmtime_component_option_type_ty((*C.wasmtime_component_option_type_t)(typePtr(t)), &et)
		defer C.wasmtime_component_valtype_delete(&et)
		return boxed(j, &et, of[*C.wasmtime_component_val_t](out))
	default:
		return fmt.Errorf("type kind %d is not used by execctx's WIT", t.kind)
	}
	return nil
}

func unsignedFromJSON(j any, kind C.wasmtime_component_valtype_kind_t, out *C.wasmtime_component_val_t) error {
	f, ok := j.(float64)
	limit := map[C.wasmtime_component_valtype_kind_t]float64{
		C.WASMTIME_COMPONENT_VALTYPE_U8: math.MaxUint8, C.WASMTIME_COMPONENT_VALTYPE_U16: math.MaxUint16,
		C.WASMTIME_COMPONENT_VALTYPE_U32: math.MaxUint32,
	}[kind]
	if !ok || f != math.Trunc(f) || f < 0 || f > limit {
		return fmt.Errorf("want a whole number up to %.0f, got %T %v", limit, j, j)
	}
	switch kind {
	case C.WASMTIME_COMPONENT_VALTYPE_U8:
		*of[C.uint8_t](out), out.kind = C.uint8_t(f), C.WASMTIME_COMPONENT_U8
	case C.WASMTIME_COMPONENT_VALTYPE_U16:
		*of[C.uint16_t](out), out.kind = C.uint16_t(f), C.WASMTIME_COMPONENT_U16
	default:
		*of[C.uint32_t](out), out.kind = C.uint32_t(f), C.WASMTIME_COMPONENT_U32
	}
	return nil
}

// boxed builds a value on Wasmtime's heap, for a variant's, an option's
// or a result's payload; *box stays nil when it fails.
func boxed(j any, t *C.wasmtime_component_valtype_t, box **C.wasmtime_component_val_t) error {
	tmp := newVals(1)
	defer C.free(tmp.base) // its contents move into the box
	err := fromJSON(j, t, tmp.at(0))
	if err != nil {
		C.wasmtime_component_val_delete(tmp.at(0))
		return err
	}
	*box = C.wasmtime_component_val_new(tmp.at(0))
	return nil
}

func listFromJSON(j any, lt *C.wasmtime_component_list_type_t, out *C.wasmtime_component_val_t) error {
	xs, ok := j.([]any)
	if !ok {
		return fmt.Errorf("want a list, got %T %v", j, j)
	}
	var et C.wasmtime_component_valtype_t
	C.wasmtime_component_list_type_element(lt, &et)
	defer C.wasmtime_component_valtype_delete(&et)
	l := of[C.wasmtime_component_vallist_t](out)
	C.wasmtime_component_vallist_new_uninit(l, C.size_t(len(xs)))
	out.kind = C.WASMTIME_COMPONENT_LIST
	if len(xs) == 0 {
		return nil
	}
	C.memset(unsafe.Pointer(l.data), 0, C.size_t(len(xs))*C.sizeof_wasmtime_component_val_t)
	els := unsafe.Slice(l.data, l.size)
	for k := range els {
		if err := fromJSON(xs[k], &et, &els[k]); err != nil {
			return fmt.Errorf("[%d]: %w", k, err)
		}
	}
	return nil
}
