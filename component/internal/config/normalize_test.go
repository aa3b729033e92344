package config

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		id          string
		parsed      any
		interpreter string
		want        string
		wantErr     string
	}{
		{id: "C08 mpy", parsed: map[string]any{}, interpreter: "micropython", want: `{"type":"mpy"}`},
		{id: "C08 py", parsed: map[string]any{}, interpreter: "pyodide", want: `{"type":"py"}`},
		{id: "no interpreter is py", parsed: map[string]any{}, interpreter: "", want: `{"type":"py"}`},
		{id: "C10", parsed: map[string]any{"type": "zzz"}, interpreter: "pyodide", want: `{"type":"py"}`},
		{id: "C10 mpy", parsed: map[string]any{"type": "py"}, interpreter: "micropython", want: `{"type":"mpy"}`},
		{id: "C12", parsed: map[string]any{"a": 1.0}, interpreter: "pyodide", want: `{"a":1,"type":"py"}`},
		{id: "nil map", parsed: map[string]any(nil), interpreter: "pyodide", want: `{"type":"py"}`},
		{id: "string becomes {} (#2404)", parsed: "x", interpreter: "micropython", want: `{"type":"mpy"}`},
		{id: "list", parsed: []any{1.0}, wantErr: "(PY1000): Invalid config: expected a table/object, got a list"},
		{id: "number", parsed: 1.0, wantErr: "(PY1000): Invalid config: expected a table/object, got a number"},
		{id: "boolean", parsed: true, wantErr: "(PY1000): Invalid config: expected a table/object, got a boolean"},
		{id: "null", parsed: nil, wantErr: "(PY1000): Invalid config: expected a table/object, got null"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			cfg, err := Normalize(tc.parsed, tc.interpreter)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || Marshal(cfg) != tc.want {
				t.Fatalf("Normalize = %v, %v; want %s", cfg, err, tc.want)
			}
		})
	}
}

func TestNormalizeLeavesItsInputAlone(t *testing.T) {
	in := map[string]any{"type": "zzz"}
	if _, err := Normalize(in, "micropython"); err != nil || in["type"] != "zzz" {
		t.Fatalf("input changed to %v (%v)", in, err)
	}
}

func TestMarshal(t *testing.T) {
	tests := []struct {
		id   string
		cfg  map[string]any
		want string
	}{
		{id: "empty", cfg: map[string]any{}, want: `{}`},
		{id: "keys sorted", cfg: map[string]any{"b": 1.0, "a": []any{true, nil}, "c": map[string]any{"z": "", "y": 0.5}},
			want: `{"a":[true,null],"b":1,"c":{"y":0.5,"z":""}}`},
		{id: "HTML kept readable", cfg: map[string]any{"u": "https://x.test/?a=1&b=<2>"}, want: `{"u":"https://x.test/?a=1&b=<2>"}`},
		{id: "large and small numbers", cfg: map[string]any{"a": 1e21, "b": 1e-7, "c": 9007199254740992.0}, want: `{"a":1e+21,"b":1e-7,"c":9007199254740992}`},
	}
	for _, tc := range tests {
		if got := Marshal(tc.cfg); got != tc.want {
			t.Errorf("%s: Marshal = %s, want %s", tc.id, got, tc.want)
		}
	}
}

// The guest's JSON writer has no reflection, so it cannot name the type
// it refuses (encoding/json said "func()").
func TestMarshalPanicsOnNonJSON(t *testing.T) {
	assert.PanicsWithValue(t, "config: marshal: json: unsupported type: not map[string]any, []any, string, float64, bool or nil", func() {
		Marshal(map[string]any{"f": func() {}})
	})
	assert.PanicsWithValue(t, "config: marshal: json: unsupported value: NaN", func() {
		Marshal(map[string]any{"n": []any{math.NaN()}})
	})
}
