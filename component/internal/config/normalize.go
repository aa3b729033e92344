package config

import (
	"errors"
	"maps"

	"github.com/execctx/execctx/component/internal/interpreters"
	"github.com/execctx/execctx/component/internal/jsonvalue"
)

// Normalize shapes a parsed config as pyscript.config (spec §3.6): a JSON
// string becomes {} as in the original; any other non-object is an error
// (the original crashed with a TypeError); then "type" is set to the
// interpreter's script type, "mpy" for MicroPython and "py" otherwise,
// overwriting the user's own "type" (C10). The result is a copy: parsed
// is not changed.
func Normalize(parsed any, interpreter string) (map[string]any, error) {
	var cfg map[string]any
	switch v := parsed.(type) {
	case map[string]any:
		cfg = maps.Clone(v)
		if cfg == nil {
			cfg = map[string]any{}
		}
	case string:
		cfg = map[string]any{}
	default:
		return nil, errors.New("(PY1000): Invalid config: expected a table/object, got " + KindName(v))
	}
	cfg["type"] = interpreters.ScriptType(interpreter)
	return cfg, nil
}

// KindName names a JSON value's kind for messages.
func KindName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "a list"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case map[string]any:
		return "a table"
	}
	// Only Go code can pass anything else; without reflection (which the
	// guest leaves out) its type has no name here.
	return "a value JSON does not have"
}

// Marshal renders a config as compact JSON text. Keys come out sorted, not
// in the source's order, which Go maps do not keep. cfg must hold JSON
// values, as Parse and Normalize produce; anything else (a func, a NaN) is
// a programming error and panics.
func Marshal(cfg map[string]any) string {
	// jsonvalue keeps "<" and "&" readable in URLs and text.
	b, err := jsonvalue.Append(nil, cfg)
	if err != nil {
		panic("config: marshal: " + err.Error())
	}
	return string(b)
}
