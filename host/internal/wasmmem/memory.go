// Package wasmmem is the host side of the Canonical ABI's memory: a
// cabi.Memory over a wazero guest's linear memory, which allocates through
// the guest's own cabi_realloc.
package wasmmem

import (
	"context"
	"fmt"

	"github.com/tetratelabs/wazero/api"

	"github.com/execctx/execctx/internal/cabi"
)

// Memory reads and writes one guest instance's linear memory.
//
// Out-of-bounds access panics with a *cabi.Trap: the generated glue
// recovers it, and the host treats the instance as trapped.
type Memory struct {
	mem     api.Memory
	realloc api.Function
	// ctx is the context of the export call in progress, used for the
	// re-entrant cabi_realloc calls that lowering makes.
	ctx context.Context
}

// New returns the memory of mod, which must export memory and cabi_realloc.
func New(mod api.Module) (*Memory, error) {
	mem := mod.Memory()
	realloc := mod.ExportedFunction("cabi_realloc")
	if mem == nil || realloc == nil {
		return nil, fmt.Errorf("guest module must export memory and cabi_realloc")
	}
	return &Memory{mem: mem, realloc: realloc, ctx: context.Background()}, nil
}

// Bind sets the context that allocations run under until the next Bind.
func (m *Memory) Bind(ctx context.Context) { m.ctx = ctx }

func trap(format string, args ...any) { panic(&cabi.Trap{Reason: fmt.Sprintf(format, args...)}) }

// Alloc calls the guest's cabi_realloc. Its failure keeps the runtime's
// error, so that a call stopped by its context (wazero's *sys.ExitError,
// which matches context.DeadlineExceeded or context.Canceled) still says so.
func (m *Memory) Alloc(size, align uint32) uint32 {
	res, err := m.realloc.Call(m.ctx, 0, 0, uint64(align), uint64(size))
	if err != nil {
		panic(&cabi.Trap{Reason: "cabi_realloc: " + err.Error(), Err: err})
	}
	addr := uint32(res[0])
	if addr%align != 0 {
		trap("cabi_realloc returned %#x, not aligned to %d", addr, align)
	}
	return addr
}

// Load8 reads the byte at addr; out of bounds traps.
func (m *Memory) Load8(addr uint32) uint8 {
	v, ok := m.mem.ReadByte(addr)
	if !ok {
		trap("read of 1 byte at %#x out of bounds", addr)
	}
	return v
}

// Load16 reads a little-endian 16-bit value at addr; out of bounds traps.
func (m *Memory) Load16(addr uint32) uint16 {
	v, ok := m.mem.ReadUint16Le(addr)
	if !ok {
		trap("read of 2 bytes at %#x out of bounds", addr)
	}
	return v
}

// Load32 reads a little-endian 32-bit value at addr; out of bounds traps.
func (m *Memory) Load32(addr uint32) uint32 {
	v, ok := m.mem.ReadUint32Le(addr)
	if !ok {
		trap("read of 4 bytes at %#x out of bounds", addr)
	}
	return v
}

// Load64 reads a little-endian 64-bit value at addr; out of bounds traps.
func (m *Memory) Load64(addr uint32) uint64 {
	v, ok := m.mem.ReadUint64Le(addr)
	if !ok {
		trap("read of 8 bytes at %#x out of bounds", addr)
	}
	return v
}

// Store8 writes the byte v at addr; out of bounds traps.
func (m *Memory) Store8(addr uint32, v uint8) {
	if !m.mem.WriteByte(addr, v) {
		trap("write of 1 byte at %#x out of bounds", addr)
	}
}

// Store16 writes v little-endian at addr; out of bounds traps.
func (m *Memory) Store16(addr uint32, v uint16) {
	if !m.mem.WriteUint16Le(addr, v) {
		trap("write of 2 bytes at %#x out of bounds", addr)
	}
}

// Store32 writes v little-endian at addr; out of bounds traps.
func (m *Memory) Store32(addr uint32, v uint32) {
	if !m.mem.WriteUint32Le(addr, v) {
		trap("write of 4 bytes at %#x out of bounds", addr)
	}
}

// Store64 writes v little-endian at addr; out of bounds traps.
func (m *Memory) Store64(addr uint32, v uint64) {
	if !m.mem.WriteUint64Le(addr, v) {
		trap("write of 8 bytes at %#x out of bounds", addr)
	}
}

// LoadString copies the bytes out: the guest may reuse them after the call.
func (m *Memory) LoadString(addr, n uint32) string {
	b, ok := m.mem.Read(addr, n)
	if !ok {
		trap("string of %d bytes at %#x out of bounds", n, addr)
	}
	return string(b)
}

// StoreString copies s into a fresh guest allocation.
func (m *Memory) StoreString(s string) (uint32, uint32) {
	if len(s) == 0 {
		return 1, 0
	}
	addr := m.Alloc(uint32(len(s)), 1)
	if !m.mem.WriteString(addr, s) {
		trap("string of %d bytes at %#x out of bounds", len(s), addr)
	}
	return addr, uint32(len(s))
}
