// Package cabi is the hand-written runtime that the generated Canonical ABI
// glue of both sides (the wasip1 guest and the wazero host) is written
// against. It knows nothing about execctx: only memory, flat values and the
// few generic shapes (option, result) that WIT needs.
//
// Flat values travel as uint64 slots whatever their core type: i32 as its
// zero-extended bits, i64 as is, f32 and f64 as their IEEE bits. That is how
// wazero's stack encodes them too, and it makes the Canonical ABI's "join"
// of variant payload types an identity, so the generated code never needs
// per-case conversions.
//
// See https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md
package cabi

import (
	"errors"
	"strconv"

	"github.com/execctx/execctx/api"
)

// Memory is one side's view of the guest's linear memory.
//
// Lifting and lowering code is generated once against this interface and
// then used by both sides. The two implementations differ in who owns the
// bytes: the guest points at Go memory it keeps alive, the host copies in
// and out through the guest's cabi_realloc.
type Memory interface {
	// Alloc reserves size bytes aligned to align and returns their address.
	Alloc(size, align uint32) uint32
	Load8(addr uint32) uint8
	Load16(addr uint32) uint16
	Load32(addr uint32) uint32
	Load64(addr uint32) uint64
	Store8(addr uint32, v uint8)
	Store16(addr uint32, v uint16)
	Store32(addr uint32, v uint32)
	Store64(addr uint32, v uint64)
	// LoadString lifts n bytes of UTF-8 at addr.
	LoadString(addr, n uint32) string
	// StoreString lowers s and returns its address and byte length.
	StoreString(s string) (addr, n uint32)
}

// Option is WIT's option<T>, declared in package api because it appears in
// the public types.
type Option[T any] = api.Option[T]

// Some returns an option holding v.
func Some[T any](v T) Option[T] { return api.Some(v) }

// None returns an empty option.
func None[T any]() Option[T] { return api.None[T]() }

// Unit stands for the missing type in result<_, E>.
type Unit struct{}

// Result is WIT's result<T, string>: the only error type this project's
// WIT uses, so that both sides can map it to a Go error.
type Result[T any] struct {
	Value T
	Err   string
	IsErr bool
}

// ResultOf turns a Go (value, error) pair into a Result.
func ResultOf[T any](v T, err error) Result[T] {
	if err != nil {
		return Result[T]{Err: err.Error(), IsErr: true}
	}
	return Result[T]{Value: v}
}

// Error returns the result's error, or nil when it is ok.
func (r Result[T]) Error() error {
	if !r.IsErr {
		return nil
	}
	return errors.New(r.Err)
}

// Trap reports a value that breaks the Canonical ABI's rules, such as an
// out-of-range discriminant. The spec says such a value traps: the guest
// panics (and so traps), the host turns it into an error.
type Trap struct {
	Reason string
	Err    error // the runtime's own error, when the guest trapped
}

// Error says that the guest trapped, and why.
func (t *Trap) Error() string { return "guest trap: " + t.Reason }

// Unwrap returns the runtime's error, if any.
func (t *Trap) Unwrap() error { return t.Err }

// BadDiscriminant panics with a Trap for an invalid case index of typ.
func BadDiscriminant(typ string, disc uint32) {
	panic(&Trap{Reason: "invalid discriminant " + strconv.FormatUint(uint64(disc), 10) + " for " + typ})
}

// AlignTo rounds addr up to a multiple of align (a power of two).
func AlignTo(addr, align uint32) uint32 { return (addr + align - 1) &^ (align - 1) }
