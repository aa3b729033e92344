// Package memalloc allocates guest linear memory for wazero.
//
// wazero's default linear memory has the capacity the module declares as
// its minimum, so each memory.grow the Go runtime makes while it starts
// copies the whole memory again: about a third of NewContext went there.
// An Allocator starts each memory with the capacity a started instance
// needed (see Started), and grows it geometrically after that, so that a
// Context's memory is copied a few times in its life, not once per grow.
package memalloc

import (
	"sync/atomic"

	"github.com/tetratelabs/wazero/experimental"
)

// Allocator is a wazero experimental.MemoryAllocator. Its zero value is
// ready to use; share one per compiled module.
type Allocator struct {
	started atomic.Uint64 // the largest memory size Started was told of
}

// Started tells a of the memory size of an instance that has just run its
// initialisation: later memories start with that capacity. It is not
// fed the size an instance reaches later, which one large config could
// make huge for every Context after it.
func (a *Allocator) Started(size uint64) {
	for {
		was := a.started.Load()
		if size <= was || a.started.CompareAndSwap(was, size) {
			return
		}
	}
}

// Allocate implements experimental.MemoryAllocator.
func (a *Allocator) Allocate(capacity, maximum uint64) experimental.LinearMemory {
	return &memory{max: maximum, buf: make([]byte, 0, min(max(capacity, a.started.Load()), maximum))}
}

// memory is one instance's linear memory. Go zeroes what make returns,
// and the guest never sees bytes past len, so the capacity beyond len is
// zero whenever Reallocate hands it out.
type memory struct {
	max uint64
	buf []byte
}

// Reallocate implements experimental.LinearMemory: it returns the memory
// grown to size, or nil beyond the maximum (memory.grow then fails).
func (m *memory) Reallocate(size uint64) []byte {
	if size > m.max {
		return nil
	}
	if size > uint64(cap(m.buf)) {
		grown := make([]byte, size, min(max(size, 2*uint64(cap(m.buf))), m.max))
		copy(grown, m.buf)
		m.buf = grown
	}
	m.buf = m.buf[:size]
	return m.buf
}

// Free implements experimental.LinearMemory.
func (m *memory) Free() { m.buf = nil }
