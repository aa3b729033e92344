// Package jsonfloat is the test bridges' JSON form of a float: the floats
// JSON cannot hold (NaN, the infinities and negative zero) travel as
// {"$n": name}. The jco bridge (tests/internal/jcohost, with its JS half
// bridge.mjs) and the Wasmtime bridge (tests/wasmtime) both speak it, so
// the differential tests compare the engines' floats exactly.
package jsonfloat

import (
	"fmt"
	"math"
)

// Encode returns f as JSON holds it: f itself, or {"$n": name}.
func Encode(f float64) any {
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

// Decode reverses Encode for a value decoded by encoding/json.
func Decode(j any) (float64, error) {
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
