package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Parse parses text as format (Auto: JSON for an object literal, else
// TOML) into JSON-like values. label is the URL for messages, or "".
func Parse(text string, format Format, label string) (any, error) {
	if format == FormatAuto {
		c, _ := classify(Source{Text: text, Format: FormatAuto})
		format = c.format
		if c.kind != kindInline || format == FormatAuto {
			format = FormatTOML
		}
	}
	if format == FormatJSON {
		return parseJSON(text, label)
	}
	return parseTOML(text, label)
}

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
	if dec.More() {
		rest := text[dec.InputOffset():]
		at := dec.InputOffset() + int64(len(rest)-len(strings.TrimLeft(rest, " \t\r\n")))
		return nil, invalid("JSON", label, position(text, at)+"unexpected content after the JSON value")
	}
	return numbers(v), nil
}

// numbers turns json.Number into float64, as JSON.parse does, and keeps
// integers beyond 2^53 from failing: they lose precision like in JS.
func numbers(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = numbers(e)
		}
	case []any:
		for i, e := range v {
			v[i] = numbers(e)
		}
	case json.Number:
		f, _ := strconv.ParseFloat(string(v), 64)
		return f
	}
	return v
}

// position turns a byte offset into "line L, column C: ".
func position(text string, offset int64) string {
	offset = min(max(offset, 0), int64(len(text)))
	before := text[:offset]
	line := strings.Count(before, "\n") + 1
	col := len(before) - strings.LastIndex(before, "\n")
	return fmt.Sprintf("line %d, column %d: ", line, col)
}

func parseTOML(text, label string) (any, error) {
	var m map[string]any
	if _, err := toml.Decode(text, &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			detail := fmt.Sprintf("line %d, column %d: %s", pe.Position.Line, pe.Position.Col, pe.Message)
			if pe.LastKey != "" {
				detail += fmt.Sprintf(" (last key %q)", pe.LastKey)
			}
			return nil, invalid("TOML", label, detail)
		}
		return nil, invalid("TOML", label, err.Error())
	}
	return jsonify(m), nil
}

// jsonify converts TOML values to what JSON.parse would give.
func jsonify(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = jsonify(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = jsonify(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = jsonify(e)
		}
		return out
	case int64:
		return float64(v)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil // JSON.stringify gives null, as the original's deep copy did
		}
		return v
	case time.Time:
		return dateText(v)
	}
	return v
}

// dateText renders a TOML date-time like JSON.stringify of a JS Date.
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
