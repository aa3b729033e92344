package jcohost

import (
	"fmt"
	"math"

	"github.com/execctx/execctx/tests/internal/jsonfloat"
)

// The hand-written helpers of the generated codecs in bridge_gen.go.

// as asserts the JSON type of j.
func as[T any](j any, what string) (T, error) {
	v, ok := j.(T)
	if !ok {
		var zero T
		return zero, fmt.Errorf("want a %s, got %T %v", what, j, j)
	}
	return v, nil
}

// integer decodes a JSON number that must be a whole number.
func integer(j any, what string) (int64, error) {
	f, ok := j.(float64)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, fmt.Errorf("want a whole number for %s, got %T %v", what, j, j)
	}
	return int64(f), nil
}

// variant splits jco's {tag, val}.
func variant(j any, what string) (string, any, error) {
	o, err := as[map[string]any](j, what)
	if err != nil {
		return "", nil, err
	}
	tag, ok := o["tag"].(string)
	if !ok {
		return "", nil, fmt.Errorf("%s: no tag in %v", what, o)
	}
	return tag, o["val"], nil
}

func arity(args []any, n int) error {
	if len(args) != n {
		return fmt.Errorf("want %d arguments, got %d", n, len(args))
	}
	return nil
}

// The generated codecs' names for the JSON form of floats both bridges share.
var (
	encodeFloat = jsonfloat.Encode
	decodeFloat = jsonfloat.Decode
)
