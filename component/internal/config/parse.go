package config

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/execctx/execctx/component/internal/config/toml"
	"github.com/execctx/execctx/component/internal/jsonvalue"
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
	return errors.New("(PY1000): Invalid " + format + at + "\n" + detail)
}

func parseJSON(text, label string) (any, error) {
	v, end, err := jsonvalue.Decode(text)
	if err != nil {
		syn := err.(*jsonvalue.SyntaxError)
		return nil, invalid("JSON", label, position(text, syn.Offset)+syn.Msg)
	}
	// Only whitespace may follow the value.
	if trimmed := strings.TrimLeft(text[end:], " \t\r\n"); trimmed != "" {
		at := len(text) - len(trimmed)
		return nil, invalid("JSON", label, position(text, at)+"unexpected content after the JSON value")
	}
	return v, nil
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
func position(text string, offset int) string {
	offset = min(max(offset, 0), len(text))
	before := text[:offset]
	line := strings.Count(before, "\n") + 1
	col := len(before) - strings.LastIndex(before, "\n")
	return "line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col) + ": "
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
