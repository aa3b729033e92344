package config

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

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

func parseTOML(text, label string) (any, error) {
	var m map[string]any
	if _, err := toml.Decode(text, &m); err != nil {
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			return nil, invalid("TOML", label, err.Error())
		}
		detail := fmt.Sprintf("line %d, column %d: %s", pe.Position.Line, pe.Position.Col, pe.Message)
		if pe.LastKey != "" {
			detail += fmt.Sprintf(" (last key %q)", pe.LastKey)
		}
		return nil, invalid("TOML", label, detail)
	}
	if m == nil {
		m = map[string]any{} // an empty document, or only comments
	}
	return fromTOML(m), nil
}

// fromTOML converts TOML values to what JSON.parse would give.
func fromTOML(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = fromTOML(e)
		}
		return out
	case []map[string]any: // an array of tables
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = fromTOML(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = fromTOML(e)
		}
		return out
	case int64:
		return float64(v)
	case float64:
		return finite(v)
	case time.Time:
		return dateText(v)
	}
	return v
}

// dateText renders a TOML date-time: an offset date-time as JSON.stringify
// renders a JS Date (UTC, milliseconds, truncated as Date truncates), a
// local one as its RFC 3339 text. BurntSushi marks local values with
// these location names.
func dateText(t time.Time) string {
	switch t.Location().String() {
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05.999999999")
	case "date-local":
		return t.Format("2006-01-02")
	case "time-local":
		return t.Format("15:04:05.999999999")
	}
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}
