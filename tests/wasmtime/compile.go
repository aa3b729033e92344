package main

/*
#include <stdlib.h>
#include <wasmtime.h>
*/
import "C"

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"unsafe"
)

// compile compiles the component, or loads what an earlier run compiled
// from cacheDir (if set): Cranelift takes about 5 s of CPU on it. The
// cache is keyed by the component's bytes; Wasmtime refuses an artefact
// another version or configuration made, which is then compiled again.
// Loading runs no checks on the machine code, so cacheDir must be the
// build's own directory, never one others can write.
func compile(engine *C.wasm_engine_t, wasm []byte, cacheDir string) (*C.wasmtime_component_t, error) {
	var component *C.wasmtime_component_t
	sum := sha256.Sum256(wasm)
	cached := filepath.Join(cacheDir, "component-"+hex.EncodeToString(sum[:12])+".cwasm")
	if cacheDir != "" {
		path := C.CString(cached)
		err := check(C.wasmtime_component_deserialize_file(engine, path, &component))
		C.free(unsafe.Pointer(path))
		if err == nil {
			return component, nil
		}
	}
	buf := C.CBytes(wasm)
	defer C.free(buf)
	if err := check(C.wasmtime_component_new(engine, (*C.uint8_t)(buf), C.size_t(len(wasm)), &component)); err != nil {
		return nil, err
	}
	if cacheDir != "" {
		var out C.wasm_byte_vec_t
		if check(C.wasmtime_component_serialize(component, &out)) == nil {
			artefact := C.GoBytes(unsafe.Pointer(out.data), C.int(out.size))
			C.wasm_byte_vec_delete(&out)
			if os.MkdirAll(cacheDir, 0o755) == nil && os.WriteFile(cached+".tmp", artefact, 0o644) == nil {
				_ = os.Rename(cached+".tmp", cached) // best effort: the cache only saves time
			}
		}
	}
	return component, nil
}
