package jsonfloat

import (
	"encoding/json"
	"math"
	"testing"
)

// Each float goes through JSON text and back bit for bit, and what is not
// a number is refused.
func TestRoundTrip(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1.5, -2, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN()} {
		text, err := json.Marshal(Encode(f))
		if err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		var j any
		if err := json.Unmarshal(text, &j); err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		got, err := Decode(j)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		if math.Float64bits(got) != math.Float64bits(f) && !(math.IsNaN(got) && math.IsNaN(f)) {
			t.Errorf("%v became %s and then %v", f, text, got)
		}
	}
	for _, j := range []any{"1", nil, map[string]any{"$n": "nan"}, true} {
		if _, err := Decode(j); err == nil {
			t.Errorf("Decode(%#v) = nil error, want one", j)
		}
	}
}
