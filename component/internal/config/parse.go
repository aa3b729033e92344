package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/execctx/execctx/component/internal/config/toml"
)

// Parse parses text as format into JSON-like values (map[string]any,
// []any, string, float64, bool, nil). FormatAuto means JSON when the
// trimmed text is an object literal and TOML otherwise. label is the URL
// the text came from, for messages, or "". Text past the limits of
// limits.go is refused before the parser sees it.
func Parse(text string, format Format, label string) (any, error) {
	if format == FormatAuto {
		format = FormatTOML
		if looksLikeObject(strings.TrimSpace(text)) {
			format = FormatJSON
		}
	}
	name := "TOML"
	if format == FormatJSON {
		name = "JSON"
	}
	if err := checkLimits(text, format); err != nil {
		return nil, invalid(name, label, err.Error())
	}
	if format == FormatJSON {
		return parseJSON(text, label)
	}
	return parseTOML(text, label)
}

// invalid is the original's parse error: "(PY1000): Invalid JSON @ url"
// then the parser's detail on the next line.
func invalid(format, label, detail string) error {
	at := ""
	if label != "" {
		at = " @ " + label
	}
	return fmt.Errorf("(PY1000): Invalid %s%s\n%s", format, at, detail)
}

func parseJSON(text, label string) (any, error) {
	var v any
	dec := json.NewDecoder(strings.NewReader(text))
	// Numbers as text: encoding/json refuses 1e999, which JSON.parse reads
	// as Infinity.
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		offset := int64(len(text))
		var syn *json.SyntaxError
		msg := err.Error()
		switch {
		case errors.As(err, &syn):
			offset = syn.Offset - 1 // Offset counts the offending byte too
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			msg = "unexpected end of JSON input"
		}
		return nil, invalid("JSON", label, position(text, offset)+msg)
	}
	// Only whitespace may follow the value. Decoder.More is not the test:
	// it is false before a "]" or "}", so `{"a": 1}}` would pass.
	rest := text[dec.InputOffset():]
	if trimmed := strings.TrimLeft(rest, " \t\r\n"); trimmed != "" {
		at := dec.InputOffset() + int64(len(rest)-len(trimmed))
		return nil, invalid("JSON", label, position(text, at)+"unexpected content after the JSON value")
	}
	return fromJSON(v), nil
}

// fromJSON turns json.Number into float64 as JSON.parse does: beyond 2^53
// precision is lost, and out-of-range numbers become null, which is what
// the original's JSON.stringify deep copy made of Infinity.
func fromJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = fromJSON(e)
		}
	case []any:
		for i, e := range v {
			v[i] = fromJSON(e)
		}
	case json.Number:
		f, _ := strconv.ParseFloat(string(v), 64) // ±Inf on overflow
		return finite(f)
	}
	return v
}

// finite is f, or nil for NaN and ±Inf, which JSON cannot carry.
func finite(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return f
}

// position turns a byte offset into "line L, column C: " (1-based, the
// column in bytes).
func position(text string, offset int64) string {
	offset = min(max(offset, 0), int64(len(text)))
	before := text[:offset]
	line := strings.Count(before, "\n") + 1
	col := len(before) - strings.LastIndex(before, "\n")
	return fmt.Sprintf("line %d, column %d: ", line, col)
}

// parseTOML parses text with package toml, which builds what JSON.parse
// would give: numbers as float64, nan and inf as nil, date-times as text.
func parseTOML(text, label string) (any, error) {
	m, err := toml.Parse(text)
	if err != nil {
		return nil, invalid("TOML", label, err.Error())
	}
	return m, nil
}
