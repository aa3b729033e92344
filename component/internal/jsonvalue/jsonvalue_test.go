package jsonvalue

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		text string
		want any
		end  int
	}{
		{`{"a": [1, 2.5, -0, true, false, null, "x"]}`, map[string]any{"a": []any{1.0, 2.5, math.Copysign(0, -1), true, false, nil, "x"}}, 43},
		{` [] `, []any{}, 3},
		{`{}`, map[string]any{}, 2},
		{`{"a": 1, "a": 2}`, map[string]any{"a": 2.0}, 16}, // JSON.parse: the last wins
		{`[1e999, -1e999, 1e-999]`, []any{nil, nil, 0.0}, 23},
		{`18446744073709551616`, 18446744073709551616.0, 20},
		{`"\u00e9\ud83d\ude00\ud800\u0041\/"`, "é😀\uFFFDA/", 34},
		{"\"\xff\"", "\uFFFD", 3},
		{`1x`, 1.0, 1}, // the caller judges what follows
		{`"a"]`, "a", 3},
	}
	for _, tc := range tests {
		v, end, err := Decode(tc.text)
		require.NoError(t, err, tc.text)
		require.Equal(t, tc.want, v, tc.text)
		require.Equal(t, tc.end, end, tc.text)
		if f, ok := tc.want.(float64); ok && f == 0 {
			require.Equal(t, math.Signbit(f), math.Signbit(v.(float64)), tc.text)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		text   string
		msg    string
		offset int
	}{
		{`{"a":}`, "invalid character '}' looking for beginning of value", 5},
		{`{"a" 1}`, "invalid character '1' after object key", 5},
		{`{"a":1 "b"}`, `invalid character '"' after object key:value pair`, 7},
		{`{"a":1,}`, "invalid character '}' looking for beginning of object key string", 7},
		{`[1,]`, "invalid character ']' looking for beginning of value", 3},
		{`[1 2]`, "invalid character '2' after array element", 3},
		{`[01]`, "invalid character '1' after array element", 2},
		{`-x`, "invalid character 'x' in numeric literal", 1},
		{`[1.e5]`, "invalid character 'e' after decimal point in numeric literal", 3},
		{`[1e+]`, "invalid character ']' in exponent of numeric literal", 4},
		{`trUe`, "invalid character 'U' in literal true (expecting 'u')", 2},
		{"\"a\x00\"", `invalid character '\x00' in string literal`, 2},
		{`"\x"`, "invalid character 'x' in string escape code", 2},
		{`"\u00g0"`, `invalid character 'g' in \u hexadecimal character escape`, 5},
		{`'a'`, `invalid character '\'' looking for beginning of value`, 0},
		{"\ufeff{}", "invalid character 'ï' looking for beginning of value", 0}, // a byte shows as a Latin-1 letter
		{"é", "invalid character 'Ã' looking for beginning of value", 0},
		{"", endOfInput, 0},
		{"{", endOfInput, 1},
		{`[1.`, endOfInput, 3}, // the Decoder does not say what the end broke
		{`"abc`, endOfInput, 4},
		{strings.Repeat("[", 10001), "invalid character '[' exceeded max depth", 10000},
	}
	for _, tc := range tests {
		_, _, err := Decode(tc.text)
		require.Equal(t, &SyntaxError{Msg: tc.msg, Offset: tc.offset}, err, tc.text)
	}
}

func TestMembers(t *testing.T) {
	got, err := Members(` {"type": "py", "config": {"a": [1, {}]} , "n": null, "s": "a\"b", "type": 3} `)
	require.NoError(t, err)
	require.Equal(t, map[string]string{"type": "3", "config": `{"a": [1, {}]}`, "n": "null", "s": `"a\"b"`}, got)

	got, err = Members("null")
	require.NoError(t, err)
	require.Nil(t, got)

	for text, want := range map[string]string{
		`[1]`:      "json: cannot unmarshal array into Go value of type map[string]json.RawMessage",
		`"x"`:      "json: cannot unmarshal string into Go value of type map[string]json.RawMessage",
		`1`:        "json: cannot unmarshal number into Go value of type map[string]json.RawMessage",
		`false`:    "json: cannot unmarshal bool into Go value of type map[string]json.RawMessage",
		`{} x`:     "invalid character 'x' after top-level value",
		`{"a": tr`: "invalid character ' ' in literal true (expecting 'u')", // Unmarshal judges the end as a space
		`{"a": 1`:  endOfInput,
	} {
		_, err := Members(text)
		require.EqualError(t, err, want, text)
	}
}

func TestUnquote(t *testing.T) {
	for raw, want := range map[string]string{`"a\nb"`: "a\nb", `""`: "", `"\ud800"`: "\uFFFD"} {
		s, ok := Unquote(raw)
		require.True(t, ok, raw)
		require.Equal(t, want, s, raw)
	}
	for _, raw := range []string{`null`, `1`, `["a"]`, `"a" `, `"a`, ``} {
		_, ok := Unquote(raw)
		require.False(t, ok, raw)
	}
}

func TestAppend(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{map[string]any{"b": 1.0, "a": []any{true, nil}, "c": map[string]any{"z": "", "y": 0.5}}, `{"a":[true,null],"b":1,"c":{"y":0.5,"z":""}}`},
		{map[string]any{"é": 1.0, "Z": 2.0, "a": 3.0}, `{"Z":2,"a":3,"é":1}`}, // bytewise order
		{map[string]any(nil), `null`},
		{[]any(nil), `null`},
		{[]any{}, `[]`},
		{"<&> \"\\ \b\f\n\r\t\x01\x7f \u2028\u2029 \xff é", `"<&> \"\\ \b\f\n\r\t\u0001` + "\x7f" + ` \u2028\u2029 \ufffd é"`},
		{[]any{1e21, 1e20, 1e-7, 1e-6, 123456789.125, -0.0, math.Copysign(0, -1), 5e-324, math.MaxFloat64},
			`[1e+21,100000000000000000000,1e-7,0.000001,123456789.125,0,-0,5e-324,1.7976931348623157e+308]`},
	}
	for _, tc := range tests {
		got, err := Append(nil, tc.v)
		require.NoError(t, err)
		require.Equal(t, tc.want, string(got))
	}
	for v, want := range map[any]string{
		math.Inf(1): "json: unsupported value: +Inf",
		1:           "json: unsupported type: not map[string]any, []any, string, float64, bool or nil",
	} {
		_, err := Append(nil, []any{v})
		require.EqualError(t, err, want)
	}
}
