package main

/*
#include <string.h>
#include <wasmtime.h>
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// recordFromJSON builds a record from an object keyed by lowerCamel
// field names, in the type's field order.
func recordFromJSON(j any, rt *C.wasmtime_component_record_type_t, out *C.wasmtime_component_val_t) error {
	o, ok := j.(map[string]any)
	if !ok {
		return fmt.Errorf("want a record, got %T %v", j, j)
	}
	n := C.wasmtime_component_record_type_field_count(rt)
	r := of[C.wasmtime_component_valrecord_t](out)
	C.wasmtime_component_valrecord_new_uninit(r, n)
	out.kind = C.WASMTIME_COMPONENT_RECORD
	if n == 0 {
		return nil
	}
	C.memset(unsafe.Pointer(r.data), 0, n*C.sizeof_wasmtime_component_valrecord_entry_t)
	entries := unsafe.Slice(r.data, n)
	for k := range entries {
		var name *C.char
		var nlen C.size_t
		var ft C.wasmtime_component_valtype_t
		C.wasmtime_component_record_type_field_nth(rt, C.size_t(k), &name, &nlen, &ft)
		field := C.GoStringN(name, C.int(nlen))
		entry := &entries[k]
		setName(&entry.name, field)
		err := fromJSON(o[lowerCamel(field)], &ft, &entry.val)
		C.wasmtime_component_valtype_delete(&ft)
		if err != nil {
			return fmt.Errorf("field %s: %w", field, err)
		}
	}
	return nil
}

// variantFromJSON builds a variant from {"tag", "val"}.
func variantFromJSON(j any, vt *C.wasmtime_component_variant_type_t, out *C.wasmtime_component_val_t) error {
	o, _ := j.(map[string]any)
	tag, ok := o["tag"].(string)
	if !ok {
		return fmt.Errorf("want a variant {tag, val}, got %T %v", j, j)
	}
	for k := range C.wasmtime_component_variant_type_case_count(vt) {
		var name *C.char
		var nlen C.size_t
		var has C.bool
		var pt C.wasmtime_component_valtype_t
		C.wasmtime_component_variant_type_case_nth(vt, k, &name, &nlen, &has, &pt)
		if C.GoStringN(name, C.int(nlen)) != tag {
			if has {
				C.wasmtime_component_valtype_delete(&pt)
			}
			continue
		}
		v := of[C.wasmtime_component_valvariant_t](out)
		setName(&v.discriminant, tag)
		out.kind = C.WASMTIME_COMPONENT_VARIANT
		if !has {
			return nil
		}
		defer C.wasmtime_component_valtype_delete(&pt)
		if err := boxed(o["val"], &pt, &v.val); err != nil {
			return fmt.Errorf("case %s: %w", tag, err)
		}
		return nil
	}
	return fmt.Errorf("unknown case %q", tag)
}

// enumFromJSON builds an enum from its case name.
func enumFromJSON(j any, et *C.wasmtime_component_enum_type_t, out *C.wasmtime_component_val_t) error {
	s, ok := j.(string)
	if !ok {
		return fmt.Errorf("want an enum case, got %T %v", j, j)
	}
	for k := range C.wasmtime_component_enum_type_names_count(et) {
		var name *C.char
		var nlen C.size_t
		C.wasmtime_component_enum_type_names_nth(et, k, &name, &nlen)
		if C.GoStringN(name, C.int(nlen)) == s {
			setName(of[C.wasm_name_t](out), s)
			out.kind = C.WASMTIME_COMPONENT_ENUM
			return nil
		}
	}
	return fmt.Errorf("unknown case %q", s)
}
