// Package wrap puts context in front of an error's text and keeps the
// error for errors.Is and errors.As, as fmt.Errorf("context: %w", err)
// does. The guest builds its messages with strconv and concatenation:
// fmt, with the reflection it needs, cost about 100 KB of the core.
package wrap

// With returns an error whose text is context followed by err's, and
// which unwraps to err. context carries its own separator ("files: ").
func With(context string, err error) error {
	return &wrapped{msg: context + err.Error(), err: err}
}

type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg }

func (w *wrapped) Unwrap() error { return w.err }
