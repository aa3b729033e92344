package host

import (
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

func asTrap(err error) (*cabi.Trap, bool) {
	var t *cabi.Trap
	ok := errors.As(err, &t)
	return t, ok
}
