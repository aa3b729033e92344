// Package host runs the execctx context component's core module under
// wazero, so Go programs and tests get PyScript's context API with hosts
// they supply.
//
// A Runtime compiles the module once. Each NewContext instantiates it with
// one set of Imports: the environment report, window, document, worker and
// fetch hosts that a browser page, a worker or a test double provides.
// Package api declares those interfaces and the values that cross the
// boundary, with the WIT's doc comments; package hostmock has ready-made
// fakes for tests.
//
// # Concurrency
//
// A Runtime is safe for concurrent use. A Context is not: it wraps one
// guest instance, which runs one call at a time. Use one Context per
// goroutine; a call that overlaps another on the same Context fails with
// ErrBusy instead of corrupting the guest. Close counts as a call: while
// a call is running it fails with ErrBusy and leaves the instance alone.
//
// # Traps
//
// A guest trap (a Go panic in the component, or a value that breaks the
// Canonical ABI) fails that call with an error that wraps ErrTrapped. The
// trapped instance is closed and never reused: the next call on the
// Context starts a fresh instance with the same Imports.
//
// # Cancellation
//
// Every call takes a ctx, and stops when ctx is cancelled or its deadline
// passes: wazero stops a running guest at its next loop iteration, and a
// host import that returns after ctx is done ends the call there, before
// its result reaches the guest. The call fails with a *CanceledError that
// wraps ctx.Err(), so errors.Is(err, context.DeadlineExceeded) or
// errors.Is(err, context.Canceled) tells why. It is not ErrTrapped, since
// the guest did nothing wrong, but as after a trap the stopped instance is
// discarded and the next call starts a fresh one. A call whose ctx is done
// before it starts fails the same way and leaves the instance alone; one
// whose ctx ends just as it completes returns its result, but its instance
// is discarded all the same, since wazero may be closing it.
//
// A host import that may block (a fetch, say) should watch the ctx it is
// given: wazero cannot interrupt Go code, so the call ends only once the
// import returns.
package host
