//go:build wasip1

package guestabi

import (
	"runtime"
	_ "unsafe" // for go:linkname
)

// The Canonical ABI forbids a component to call out of its instance from
// inside cabi_realloc, and Wasmtime enforces it. Go's collector reads the
// clock, a WASI import, each time it starts, and any allocation may start
// it once the heap has grown enough; cabi_realloc allocates. So the guest
// turns automatic collection off and collects at the start of an export
// call instead (Enter). Within one call the guest allocates no more than
// its inputs allow, and those are bounded (the config limits, for one).
//
// When to collect is read off the linear memory's size, which costs one
// instruction (the runtime's counters cost 15 to 80 µs a read here): with
// collection off, the heap grows the memory once it has filled it. The
// guest collects when the memory has grown past both its size at the last
// collection and twice what was live then plus 4 MiB, GOGC=100's goal.
// So garbage never takes more memory than the instance already has,
// unless the live heap itself has grown.

// setGCPercent is debug.SetGCPercent, which the runtime provides to
// runtime/debug by name: importing runtime/debug would bring fmt and
// reflection into the core for one call.
//
//go:linkname setGCPercent runtime/debug.setGCPercent
func setGCPercent(percent int32) int32

// linearMemoryPages is the memory.size instruction (memsize_wasm.s).
func linearMemoryPages() uint32

const (
	pageBytes   = 64 << 10
	minHeapGoal = 4 << 20 // the runtime's own minimum heap goal
)

var (
	collectAbove uint64 // memory size, in bytes, past which Enter collects
	stats        runtime.MemStats
)

func init() {
	setGCPercent(-1)
	collected()
}

// collectIfDue collects garbage if the heap has outgrown the memory it
// had. Only Enter calls it, outside cabi_realloc.
func collectIfDue() {
	if uint64(linearMemoryPages())*pageBytes <= collectAbove {
		return
	}
	runtime.GC()
	collected()
}

// collected sets the next collection's threshold after one.
func collected() {
	runtime.ReadMemStats(&stats)
	collectAbove = max(uint64(linearMemoryPages())*pageBytes, 2*stats.HeapAlloc+minHeapGoal)
}
