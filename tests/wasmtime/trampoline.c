// The C side of the import callback: Wasmtime's callback type has a const
// parameter, which a Go function exported with //export cannot declare.
#include <wasmtime.h>
#include "_cgo_export.h"

wasmtime_error_t *bridge_import_trampoline(void *data, wasmtime_context_t *cx,
    const wasmtime_component_func_type_t *ty, wasmtime_component_val_t *args, size_t nargs,
    wasmtime_component_val_t *results, size_t nresults) {
  return bridgeImport(data, cx, (wasmtime_component_func_type_t *)ty, args, nargs, results, nresults);
}
