package config

import (
	"errors"
	"fmt"
	"time"

	bstoml "github.com/BurntSushi/toml"
)

// referenceTOML is how the guest parsed TOML before package toml:
// BurntSushi/toml v1.6.0 into map[string]any, then converted as JSON.parse
// would see it. It stays as the differential tests' reference, and
// BurntSushi/toml as a test-only dependency.
func referenceTOML(text string) (any, error) {
	var m map[string]any
	if _, err := bstoml.Decode(text, &m); err != nil {
		var pe bstoml.ParseError
		if errors.As(err, &pe) {
			detail := fmt.Sprintf("line %d, column %d: %s", pe.Position.Line, pe.Position.Col, pe.Message)
			if pe.LastKey != "" {
				detail += fmt.Sprintf(" (last key %q)", pe.LastKey)
			}
			return nil, errors.New(detail)
		}
		return nil, err
	}
	if m == nil {
		m = map[string]any{} // an empty document, or only comments
	}
	return referenceValue(m), nil
}

// referenceValue converts BurntSushi's values to what JSON.parse would
// give.
func referenceValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = referenceValue(e)
		}
		return out
	case []map[string]any: // an array of tables
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = referenceValue(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = referenceValue(e)
		}
		return out
	case int64:
		return float64(v)
	case float64:
		return finite(v)
	case time.Time:
		return referenceDate(v)
	}
	return v
}

// referenceDate renders a TOML date-time: an offset date-time as
// JSON.stringify renders a JS Date (UTC, milliseconds, truncated as Date
// truncates), a local one as its RFC 3339 text. BurntSushi marks local
// values with these location names.
func referenceDate(t time.Time) string {
	switch t.Location().String() {
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05.999999999")
	case "date-local":
		return t.Format("2006-01-02")
	case "time-local":
		return t.Format("15:04:05.999999999")
	}
	u := t.UTC()
	// Deliberate difference: an instant that UTC puts outside the years
	// 0 to 9999 (0000-01-01T00:00:00+01:00) is written with JS's
	// expanded year, "-000001-12-31T23:00:00.000Z", as the original's
	// JSON.stringify of a Date wrote it. The old code wrote Go's
	// "-0001-12-31…" and "10000-01-01…", which no JS Date gives.
	if y := u.Year(); y < 0 || y > 9999 {
		sign := "+"
		if y < 0 {
			sign, y = "-", -y
		}
		return fmt.Sprintf("%s%06d%s", sign, y, u.Format("-01-02T15:04:05.000Z"))
	}
	return u.Format("2006-01-02T15:04:05.000Z")
}
