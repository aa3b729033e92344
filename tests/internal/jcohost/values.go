package jcohost

import (
	"fmt"
	"math"
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

// encodeFloat writes the floats JSON cannot hold as {"$n": name}; the JS
// half turns them back.
func encodeFloat(f float64) any {
	switch {
	case math.IsNaN(f):
		return map[string]any{"$n": "NaN"}
	case math.IsInf(f, 1):
		return map[string]any{"$n": "Infinity"}
	case math.IsInf(f, -1):
		return map[string]any{"$n": "-Infinity"}
	case f == 0 && math.Signbit(f):
		return map[string]any{"$n": "-0"}
	}
	return f
}

func decodeFloat(j any) (float64, error) {
	if f, ok := j.(float64); ok {
		return f, nil
	}
	o, _ := j.(map[string]any)
	switch o["$n"] {
	case "NaN":
		return math.NaN(), nil
	case "Infinity":
		return math.Inf(1), nil
	case "-Infinity":
		return math.Inf(-1), nil
	case "-0":
		return math.Copysign(0, -1), nil
	}
	return 0, fmt.Errorf("want a number, got %T %v", j, j)
}
