//go:build wasip1

package guestabi

import (
	"unsafe"

	"github.com/execctx/execctx/internal/cabi"
)

// pins holds host-allocated buffers until their contents are lifted.
var pins [][]byte

// keep holds guest memory the host may still read, until the next export.
var keep []any

// Memory is the guest's view of its own linear memory.
var Memory cabi.Memory = guestMemory{}

// Enter starts an export call: the previous call's results are no longer
// read by the host, and the adapter arena must still be intact. It is
// also where the guest collects garbage (collect.go).
func Enter() {
	checkArena()
	clear(keep)
	keep = keep[:0]
	collectIfDue()
}

// ReleasePins drops the pins once every lifted value references its bytes
// through ordinary Go pointers.
func ReleasePins() {
	clear(pins)
	pins = pins[:0]
}

//go:wasmexport cabi_realloc
func cabiRealloc(old unsafe.Pointer, oldSize, align, newSize uint32) unsafe.Pointer {
	beforeRealloc()
	if newSize == 0 {
		return at(align) // any aligned non-null address will do
	}
	buf, p := alignedBuffer(newSize, align)
	if old != nil && oldSize > 0 {
		copy(unsafe.Slice((*byte)(p), newSize), unsafe.Slice((*byte)(old), min(oldSize, newSize)))
	}
	pins = append(pins, buf)
	return p
}

// alignedBuffer returns a fresh zeroed buffer and an address inside it
// aligned to align.
func alignedBuffer(size, align uint32) ([]byte, unsafe.Pointer) {
	buf := make([]byte, size+align)
	p := unsafe.Pointer(unsafe.SliceData(buf))
	if a := uintptr(align); a > 1 {
		p = unsafe.Add(p, (a-uintptr(p)%a)%a)
	}
	return buf, p
}

// guestMemory is cabi.Memory over the guest's own linear memory, for the
// generated glue's lifting and lowering.
type guestMemory struct{}

// at converts a linear-memory address to a pointer. Go's wasm heap lives in
// linear memory, so addresses and pointers are the same numbers.
func at(addr uint32) unsafe.Pointer { return unsafe.Add(unsafe.Pointer(nil), uintptr(addr)) }

// Alloc returns size bytes aligned to align, kept alive until the next
// export call (see keep).
func (guestMemory) Alloc(size, align uint32) uint32 {
	buf, p := alignedBuffer(size, align)
	keep = append(keep, buf)
	return uint32(uintptr(p))
}

// Load8 reads the byte at addr.
func (guestMemory) Load8(addr uint32) uint8 { return *(*uint8)(at(addr)) }

// Load16 reads a 16-bit value at addr.
func (guestMemory) Load16(addr uint32) uint16 { return *(*uint16)(at(addr)) }

// Load32 reads a 32-bit value at addr.
func (guestMemory) Load32(addr uint32) uint32 { return *(*uint32)(at(addr)) }

// Load64 reads a 64-bit value at addr.
func (guestMemory) Load64(addr uint32) uint64 { return *(*uint64)(at(addr)) }

// Store8 writes the byte v at addr.
func (guestMemory) Store8(addr uint32, v uint8) { *(*uint8)(at(addr)) = v }

// Store16 writes a 16-bit value at addr.
func (guestMemory) Store16(addr uint32, v uint16) { *(*uint16)(at(addr)) = v }

// Store32 writes a 32-bit value at addr.
func (guestMemory) Store32(addr uint32, v uint32) { *(*uint32)(at(addr)) = v }

// Store64 writes a 64-bit value at addr.
func (guestMemory) Store64(addr uint32, v uint64) { *(*uint64)(at(addr)) = v }

// LoadString does not copy: the string points into the pinned buffer, and
// that interior pointer is what keeps the buffer alive after ReleasePins.
func (guestMemory) LoadString(addr, n uint32) string {
	if n == 0 {
		return ""
	}
	return unsafe.String((*byte)(at(addr)), n)
}

// StoreString does not copy either: the host reads the Go string's bytes
// in place, and keep holds the string until the host is done.
func (guestMemory) StoreString(s string) (uint32, uint32) {
	if len(s) == 0 {
		return 1, 0
	}
	keep = append(keep, s)
	return uint32(uintptr(unsafe.Pointer(unsafe.StringData(s)))), uint32(len(s))
}
