//go:build wasip1

package guestabi

// ArenaSize is the size of the adapter arena, magic included. The WASI
// preview1 adapter asks for 2 × 64 KiB; the rest is slack. tools/wasmpatch
// has the same constant.
const ArenaSize = 160 << 10

const arenaMagic = "GO-WASI-ADAPTER-ARENA-v1"

// adapterArena is memory that Go's heap never uses, for the WASI adapter.
//
// The adapter allocates its state through cabi_realloc on its first WASI
// call, and Go makes WASI calls inside _initialize, before its runtime can
// run an exported function. tools/wasmpatch finds the magic in the data
// segment and exports a bump allocator over this arena as
// cabi_realloc_adapter, which wit-component gives to the adapter instead.
// The linker drops the zero tail from the binary, so it costs a few bytes.
var adapterArena = struct {
	magic [len(arenaMagic)]byte
	_     [ArenaSize - len(arenaMagic)]byte
}{magic: [len(arenaMagic)]byte([]byte(arenaMagic))}

// keepArena references the arena so that the linker keeps it.
//
//go:noinline
func keepArena() *byte { return &adapterArena.magic[0] }

func init() { _ = keepArena() }
