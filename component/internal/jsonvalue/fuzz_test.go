package jsonvalue

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The differential tests: this package against encoding/json, which the
// guest used before it, as the guest used it. Tests run natively, where
// encoding/json costs nothing.

// seeds are texts at the corners of the grammar and of encoding/json's
// messages, each fuzz target's starting corpus and plain test cases.
var seeds = []string{
	``, ` `, `{}`, `[]`, `{"a":1}`, `{"a":}`, `{`, `[`, `"`, `"\`, `"\u12`, `"\u12x"`, `"\q"`, "\"a\x00\"", `tru`, `trux`,
	`truex`, `nul`, `fals`, `-`, `-x`, `--1`, `01`, `1.`, `1.x`, `1e`, `1e+`, `1e+x`, `1E5`, `-0`, `-0.0e-0`, `1e999`,
	`-1e999`, `1e-999`, `18446744073709551616`, `1x`, `1 x`, `[1x]`, `[1 2]`, `[1,]`, `[,1]`, `{"a" 1}`, `{"a":1,}`,
	`{,}`, `{"a":1 "b":2}`, `{"a":1}}`, `{"a":1}]`, `{1:2}`, `{"a":1, "a":2}`, `"\ud800"`, `"\ud800\udc00"`,
	`"\udc00\ud800"`, `"\ud800\u0041"`, `"\ud800\\u0041"`, `"\ud83d\ude00"`, "\"\xff\xfe\"", "\"\xed\xa0\x80\"",
	"\"a\u2028b\u2029\"", "\ufeff{}", " \t\r\n{ \"a\" : [ true , false , null ] } \n", "\x00", "\v{}", `[1e1,2E-2,3.25]`,
	`{"a":{"b":{"c":[[[]]]}}}`, `[` + strings.Repeat(`[`, 10001), strings.Repeat(`[`, 10000) + strings.Repeat(`]`, 10000),
	`{"__proto__": {"x": 1}}`, `"<&>"`, `"\/\b\f\n\r\t\"\\"`, `[0.000001, 1e-7, 1e21, 1e20, 123456789012345678901234567890]`,
}

func FuzzDecode(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v, end, err := Decode(text)
		wantV, wantEnd, wantErr := decoderDecode(text)
		if wantErr != nil {
			require.Equal(t, wantErr, err, "Decode(%q)", text)
			return
		}
		require.NoError(t, err, "Decode(%q)", text)
		require.Equal(t, wantEnd, end, "Decode(%q) end", text)
		require.Equal(t, wantV, v, "Decode(%q)", text)
		got, err := Append(nil, v)
		require.NoError(t, err)
		require.Equal(t, encoderEncode(t, v), string(got), "Append(Decode(%q))", text)
	})
}

// decoderDecode is how the guest used encoding/json to parse a config.
func decoderDecode(text string) (any, int, error) {
	var v any
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		var syn *json.SyntaxError
		switch {
		case errors.As(err, &syn):
			return nil, 0, &SyntaxError{Msg: syn.Error(), Offset: int(syn.Offset) - 1}
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return nil, 0, &SyntaxError{Msg: endOfInput, Offset: len(text)}
		}
		return nil, 0, err
	}
	return fromNumbers(v), int(dec.InputOffset()), nil
}

// fromNumbers turns json.Number into float64 as JSON.parse reads it, and
// numbers past float64's range into nil.
func fromNumbers(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = fromNumbers(e)
		}
	case []any:
		for i, e := range v {
			v[i] = fromNumbers(e)
		}
	case json.Number:
		if f, _ := v.Float64(); !math.IsInf(f, 0) {
			return f
		}
		return nil
	}
	return v
}

// encoderEncode is how the guest used encoding/json to write a config.
func encoderEncode(t *testing.T, v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func FuzzMembers(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, err := Members(text)
		raw := map[string]json.RawMessage{}
		wantErr := json.Unmarshal([]byte(text), &raw)
		if wantErr != nil {
			require.Error(t, err, "Members(%q)", text)
			require.Equal(t, wantErr.Error(), err.Error(), "Members(%q)", text)
			var syn *json.SyntaxError
			if errors.As(wantErr, &syn) {
				require.Equal(t, int(syn.Offset), min(err.(*SyntaxError).Offset+1, len(text)), "Members(%q) offset", text)
			}
			return
		}
		require.NoError(t, err, "Members(%q)", text)
		want := map[string]string(nil)
		if raw != nil {
			want = map[string]string{}
			for k, v := range raw {
				want[k] = string(v)
			}
		}
		require.Equal(t, want, got, "Members(%q)", text)
		for _, v := range got {
			s, ok := Unquote(v)
			var wantS string
			wantOK := strings.HasPrefix(v, `"`) && json.Unmarshal([]byte(v), &wantS) == nil
			require.Equal(t, wantOK, ok, "Unquote(%q)", v)
			require.Equal(t, wantS, s, "Unquote(%q)", v)
		}
	})
}

// FuzzAppend writes what encoding/json reads from text (numbers as
// float64), both ways.
func FuzzAppend(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var v any
		if json.Unmarshal([]byte(text), &v) != nil {
			return
		}
		got, err := Append(nil, v)
		require.NoError(t, err)
		require.Equal(t, encoderEncode(t, v), string(got), "Append of %q", text)
	})
}
