package wrap

import (
	"errors"
	"io"
	"testing"
)

func TestWith(t *testing.T) {
	err := With("reading: ", With("config: ", io.EOF))
	if err.Error() != "reading: config: EOF" || !errors.Is(err, io.EOF) {
		t.Fatalf("With = %q, errors.Is(io.EOF) = %v", err, errors.Is(err, io.EOF))
	}
}
