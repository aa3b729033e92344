//go:build wasip1

package guestabi

import "unsafe"

// ArenaSize is the size of the adapter arena, markers and header included.
// The WASI preview1 adapter allocates its stack and its state, 64 KiB each,
// on its first WASI call; each allocation gets a guard below it, and the
// rest is headroom. tools/wasmpatch derives the size from the markers, so
// this constant is the only copy.
const ArenaSize = 192 << 10

// GuardSize is the guard tools/wasmpatch's allocator leaves below each
// allocation: the first 4 bytes hold the allocation's size, the rest is
// filled with GuardFill. A stack grows down, so an adapter stack that
// overflows runs into its guard before it reaches anything else.
const GuardSize = 4 << 10

// GuardFill is the byte the allocator fills guards with.
const GuardFill = 0xA5

// guardChecked is how much of each guard's top Enter compares: an
// overflowing stack reaches the top first, and checking all of it on
// every call would cost more than the call.
const guardChecked = 256

// adapterArena is memory that Go's heap never uses, for the WASI adapter.
//
// The adapter allocates through cabi_realloc on its first WASI call, and Go
// makes WASI calls inside _initialize, before its runtime can run an
// exported function. tools/wasmpatch finds this arena by its two markers
// and exports a bump allocator over it as cabi_realloc_adapter, which
// wit-component gives to the adapter instead of cabi_realloc.
//
// Every field is a constant, so the linker lays the whole variable out as
// initialised data: the markers sit in place and the body is zero. An
// earlier version built its marker with a conversion, which Go runs in
// package init; the variable itself then went to zero-filled memory, and
// the only copy of the marker in the data segment was the string literal
// in read-only data. wasmpatch found that literal and handed the adapter
// the memory after it: Go's boxed small integers and function names, which
// the adapter's stack overwrote during _initialize (TOML 123 became
// 253484675222653 under jco). wasmpatch now refuses an arena whose tail
// marker is not where the head says, or whose body is not all zero.
var adapterArena = arena{
	head:  [16]byte{'e', 'x', 'e', 'c', 'c', 't', 'x', '-', 'a', 'r', 'e', 'n', 'a', '>', '>', '>'},
	guard: GuardSize,
	fill:  GuardFill,
	tail:  [16]byte{'<', '<', '<', 'e', 'x', 'e', 'c', 'c', 't', 'x', '-', 'a', 'r', 'e', 'n', 'a'},
}

// arena is the layout tools/wasmpatch reads: the head marker, the guard
// parameters the allocator uses, the body it allocates from, the tail.
type arena struct {
	head  [16]byte
	guard uint32
	fill  uint32
	_     [8]byte
	body  [ArenaSize - 48]byte
	tail  [16]byte
}

// checkArena panics when the adapter wrote outside its allocations: into
// the top of a guard, or past the last allocation. It walks the arena the
// way the allocator filled it: guard (size word, fill), allocation, next
// guard at the following 16-byte boundary, until a guard that was never
// written. Under wazero the adapter is not used and the walk ends at once.
func checkArena() {
	body := unsafe.Pointer(&adapterArena.body[0])
	start, size := uintptr(body), uintptr(len(adapterArena.body))
	for off := uintptr(0); ; {
		off = (start+off+15)&^15 - start // the allocator aligns addresses, not offsets
		if off+GuardSize > size {
			return
		}
		guard := unsafe.Add(body, off)
		allocated := uintptr(*(*uint32)(guard))
		if allocated == 0 && isZero(guard, guardChecked) {
			return // never allocated: the free rest of the arena
		}
		if !isFilled(unsafe.Add(guard, GuardSize-guardChecked), guardChecked) || off+GuardSize+allocated > size {
			panic(arenaOverrun(start + off))
		}
		off += GuardSize + allocated
	}
}

// isZero and isFilled compare 8 bytes at a time: p is 16-aligned.
func isZero(p unsafe.Pointer, n uintptr) bool { return allWords(p, n, 0) }

func isFilled(p unsafe.Pointer, n uintptr) bool {
	return allWords(p, n, GuardFill*0x0101010101010101)
}

func allWords(p unsafe.Pointer, n uintptr, want uint64) bool {
	for _, w := range unsafe.Slice((*uint64)(p), n/8) {
		if w != want {
			return false
		}
	}
	return true
}

// arenaOverrun is the panic text: it says what happened and what to do,
// since the host only shows it as a trap.
func arenaOverrun(guard uintptr) string {
	return "execctx: the WASI adapter wrote past its memory (guard at " + hex(guard) +
		" in the adapter arena was overwritten); this instance is corrupt and the host restarts it. " +
		"If this repeats, raise guestabi.ArenaSize and rebuild."
}

func hex(v uintptr) string {
	const digits = "0123456789abcdef"
	buf := []byte("0x00000000")
	for i := len(buf) - 1; i >= 2; i-- {
		buf[i] = digits[v&15]
		v >>= 4
	}
	return string(buf)
}
