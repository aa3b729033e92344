package main

/*
#include <stdlib.h>
#include <wasmtime.h>

extern wasmtime_error_t *bridge_import_trampoline(void *data, wasmtime_context_t *cx,
    const wasmtime_component_func_type_t *ty, wasmtime_component_val_t *args, size_t nargs,
    wasmtime_component_val_t *results, size_t nresults);
*/
import "C"

import (
	"fmt"
	"os"
	"strings"
	"unsafe"
)

// contextInterface is the export the wire's calls name functions of.
const contextInterface = "execctx:context/context@0.1.0"

// importPrefix names the imports the Go half answers; the rest is WASI.
const importPrefix = "execctx:context/"

// engine is the compiled component, the linker that supplies its imports,
// and one instance per context id.
type engine struct {
	wasm      *C.wasm_engine_t
	component *C.wasmtime_component_t
	linker    *C.wasmtime_component_linker_t
	exports   map[string]*C.wasmtime_component_export_index_t // by jco name
	instances map[int]*instance
}

// instance is one context: a store of its own, so that a trapped instance
// is dropped with everything it held.
type instance struct {
	store *C.wasmtime_store_t
	cx    *C.wasmtime_context_t
	inst  C.wasmtime_component_instance_t
}

// bridgeWire is where import calls go; the bridge serves one op at a time.
var bridgeWire *wire

func newEngine(path string, w *wire) (*engine, error) {
	bridgeWire = w
	wasm, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	e := &engine{wasm: C.wasm_engine_new(), exports: map[string]*C.wasmtime_component_export_index_t{}, instances: map[int]*instance{}}
	if e.component, err = compile(e.wasm, wasm, os.Getenv("EXECCTX_WASMTIME_CACHE")); err != nil {
		return nil, fmt.Errorf("compile %s: %w", path, err)
	}
	e.linker = C.wasmtime_component_linker_new(e.wasm)
	if err := check(C.wasmtime_component_linker_add_wasip2(e.linker)); err != nil {
		return nil, fmt.Errorf("add WASIp2: %w", err)
	}
	ty := C.wasmtime_component_type(e.component)
	defer C.wasmtime_component_type_delete(ty)
	if err := e.defineImports(ty); err != nil {
		return nil, err
	}
	return e, e.findExports(ty)
}

// defineImports defines every function of every execctx:context
// interface the component imports as a call to the Go half.
func (e *engine) defineImports(ty *C.wasmtime_component_type_t) error {
	root := C.wasmtime_component_linker_root(e.linker)
	defer C.wasmtime_component_linker_instance_delete(root)
	for k := range C.wasmtime_component_type_import_count(ty, e.wasm) {
		var item C.wasmtime_component_item_t
		var name *C.char
		var n C.size_t
		if !C.wasmtime_component_type_import_nth(ty, e.wasm, k, &name, &n, &item) {
			return fmt.Errorf("import %d: not found", k)
		}
		iface := C.GoStringN(name, C.int(n))
		err := e.defineInterface(root, iface, &item)
		C.wasmtime_component_item_delete(&item)
		if err != nil {
			return fmt.Errorf("import %s: %w", iface, err)
		}
	}
	return nil
}

func (e *engine) defineInterface(root *C.wasmtime_component_linker_instance_t, iface string, item *C.wasmtime_component_item_t) error {
	if !strings.HasPrefix(iface, importPrefix) || item.kind != C.WASMTIME_COMPONENT_ITEM_COMPONENT_INSTANCE {
		return nil // WASI, which add_wasip2 defined
	}
	funcs := instanceFuncs(e.wasm, *(**C.wasmtime_component_instance_type_t)(unsafe.Pointer(&item.of)))
	if len(funcs) == 0 {
		return nil // types: nothing to call
	}
	var li *C.wasmtime_component_linker_instance_t
	cname := C.CString(iface)
	defer C.free(unsafe.Pointer(cname))
	if err := check(C.wasmtime_component_linker_instance_add_instance(root, cname, C.size_t(len(iface)), &li)); err != nil {
		return err
	}
	defer C.wasmtime_component_linker_instance_delete(li)
	short := strings.TrimPrefix(iface, importPrefix)
	short = short[:strings.IndexByte(short+"@", '@')]
	for _, fn := range funcs {
		data := (*C.int)(C.malloc(C.sizeof_int)) // never freed: the linker lives as long as the process
		*data = C.int(len(importNames))
		importNames = append(importNames, short+"."+lowerCamel(fn))
		cfn := C.CString(fn)
		err := check(C.wasmtime_component_linker_instance_add_func(li, cfn, C.size_t(len(fn)),
			C.wasmtime_component_func_callback_t(C.bridge_import_trampoline), unsafe.Pointer(data), nil))
		C.free(unsafe.Pointer(cfn))
		if err != nil {
			return fmt.Errorf("%s: %w", fn, err)
		}
	}
	return nil
}

// instanceFuncs lists the functions an instance type exports.
func instanceFuncs(wasm *C.wasm_engine_t, it *C.wasmtime_component_instance_type_t) []string {
	var names []string
	for k := range C.wasmtime_component_instance_type_export_count(it, wasm) {
		var item C.wasmtime_component_item_t
		var name *C.char
		var n C.size_t
		if C.wasmtime_component_instance_type_export_nth(it, wasm, k, &name, &n, &item) {
			if item.kind == C.WASMTIME_COMPONENT_ITEM_COMPONENT_FUNC {
				names = append(names, C.GoStringN(name, C.int(n)))
			}
			C.wasmtime_component_item_delete(&item)
		}
	}
	return names
}

// findExports looks up the context interface's functions by their jco
// names (runningInWorker for running-in-worker), as the wire names them.
func (e *engine) findExports(ty *C.wasmtime_component_type_t) error {
	cname := C.CString(contextInterface)
	defer C.free(unsafe.Pointer(cname))
	var item C.wasmtime_component_item_t
	if !C.wasmtime_component_type_export_get(ty, e.wasm, cname, C.size_t(len(contextInterface)), &item) {
		return fmt.Errorf("the component does not export %s", contextInterface)
	}
	defer C.wasmtime_component_item_delete(&item)
	if item.kind != C.WASMTIME_COMPONENT_ITEM_COMPONENT_INSTANCE {
		return fmt.Errorf("export %s is not an instance", contextInterface)
	}
	parent := C.wasmtime_component_get_export_index(e.component, nil, cname, C.size_t(len(contextInterface)))
	defer C.wasmtime_component_export_index_delete(parent)
	for _, fn := range instanceFuncs(e.wasm, *(**C.wasmtime_component_instance_type_t)(unsafe.Pointer(&item.of))) {
		cfn := C.CString(fn)
		e.exports[lowerCamel(fn)] = C.wasmtime_component_get_export_index(e.component, parent, cfn, C.size_t(len(fn)))
		C.free(unsafe.Pointer(cfn))
	}
	return nil
}

// instantiate makes a fresh instance in a store of its own.
func (e *engine) instantiate() (*instance, error) {
	in := &instance{store: C.wasmtime_store_new(e.wasm, nil, nil)}
	in.cx = C.wasmtime_store_context(in.store)
	wasi := C.wasi_config_new()
	C.wasi_config_inherit_stdout(wasi)
	C.wasi_config_inherit_stderr(wasi)
	err := check(C.wasmtime_context_set_wasi(in.cx, wasi))
	if err == nil {
		err = check(C.wasmtime_component_linker_instantiate(e.linker, in.cx, e.component, &in.inst))
	}
	if err != nil {
		C.wasmtime_store_delete(in.store)
		return nil, fmt.Errorf("instantiate: %w", err)
	}
	return in, nil
}

func (in *instance) close() { C.wasmtime_store_delete(in.store) }

// check turns a Wasmtime error into a Go error, and frees it.
func check(err *C.wasmtime_error_t) error {
	if err == nil {
		return nil
	}
	defer C.wasmtime_error_delete(err)
	var msg C.wasm_name_t
	C.wasmtime_error_message(err, &msg)
	defer C.wasm_byte_vec_delete(&msg)
	return fmt.Errorf("%s", C.GoStringN(msg.data, C.int(msg.size)))
}

// lowerCamel is jco's name for a WIT name: get-element-by-id is
// getElementById.
func lowerCamel(name string) string {
	words := strings.Split(name, "-")
	for k := 1; k < len(words); k++ {
		if w := words[k]; w != "" {
			words[k] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, "")
}
