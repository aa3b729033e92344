package host

import (
	"context"
	"errors"

	"github.com/execctx/execctx/internal/cabi"
)

// ErrTrapped is wrapped by the error of a call during which the guest
// trapped. The instance is gone; the next call uses a fresh one.
var ErrTrapped = errors.New("execctx: the guest trapped and was discarded")

// ErrBusy is returned when a Context is called while a call on it is still
// running (from another goroutine, or re-entrantly from a host import).
var ErrBusy = errors.New("execctx: Context is already running a call; use one Context per goroutine")

// ErrClosed is returned by calls on a Context after Close.
var ErrClosed = errors.New("execctx: Context is closed")

// TrapError describes a trap: the call, the runtime's reason, and what the
// guest printed to stderr (a Go panic's message and stack).
type TrapError struct {
	Call   string
	Reason string
	Stderr string
	err    error
}

// Error names the call and the reason, followed by the guest's stderr
// when it printed anything (a Go panic's message and stack).
func (e *TrapError) Error() string {
	msg := "execctx: guest trapped in " + e.Call + ": " + e.Reason
	if e.Stderr != "" {
		msg += "\nguest stderr:\n" + e.Stderr
	}
	return msg
}

// Is makes errors.Is(err, ErrTrapped) true.
func (e *TrapError) Is(target error) bool { return target == ErrTrapped }

// Unwrap returns the runtime's error.
func (e *TrapError) Unwrap() error { return e.err }

// CanceledError is the error of a call whose ctx was cancelled or passed
// its deadline. It wraps ctx.Err(), so errors.Is(err,
// context.DeadlineExceeded) or errors.Is(err, context.Canceled) holds, and
// the ctx's cause when one was set (context.WithTimeoutCause and the like).
//
// It does not wrap ErrTrapped: the guest did nothing wrong, its caller
// stopped it. But as after a trap, a call that had started is not resumed:
// its instance is closed, and the next call starts a fresh one with the
// same Imports. A call whose ctx was done before it started leaves the
// instance as it was.
type CanceledError struct {
	// Call is the export that was stopped, as in TrapError.
	Call string
	// Started is true when the guest had started the call and was stopped,
	// false when ctx was done before it started.
	Started bool
	err     error // ctx.Err()
	cause   error // context.Cause(ctx), when it differs from err
}

// canceled builds the error of the call that ctx stopped.
func canceled(ctx context.Context, call string, started bool) *CanceledError {
	e := &CanceledError{Call: call, Started: started, err: ctx.Err()}
	if cause := context.Cause(ctx); cause != nil && cause != e.err {
		e.cause = cause
	}
	return e
}

// stoppedBy reports whether err is how a call fails when ctx stops it: the
// runtime's exit error for ctx.Err(), however wrapped.
func stoppedBy(ctx context.Context, err error) bool {
	done := ctx.Err()
	return done != nil && err != nil && errors.Is(err, done)
}

// Error says which call stopped, why, what became of its instance, and
// ends with ctx's error and cause.
func (e *CanceledError) Error() string {
	why := "the call was cancelled"
	if errors.Is(e.err, context.DeadlineExceeded) {
		why = "the call's deadline passed"
	}
	msg := "execctx: " + e.Call + ": not started because " + why + ": " + e.err.Error()
	if e.Started {
		msg = "execctx: " + e.Call + ": stopped because " + why +
			"; its guest instance was discarded and the next call starts a fresh one: " + e.err.Error()
	}
	if e.cause != nil {
		msg += ": " + e.cause.Error()
	}
	return msg
}

// Unwrap returns ctx.Err() and, when set, the ctx's cause.
func (e *CanceledError) Unwrap() []error {
	if e.cause != nil {
		return []error{e.err, e.cause}
	}
	return []error{e.err}
}

func asTrap(err error) (*cabi.Trap, bool) {
	var t *cabi.Trap
	ok := errors.As(err, &t)
	return t, ok
}
