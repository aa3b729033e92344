// Package config finds, fetches, parses and normalises the context's
// config (spec §3): [Select] picks one source among the page's candidates,
// [Load] classifies, fetches and parses it, [Normalize] shapes the result
// as pyscript.config, and [Marshal] renders it as JSON text.
//
// It follows PyScript's rules and messages where they are sound, and
// differs where the original silently lost or misread a config:
//
//   - TOML is TOML 1.1, parsed by package config/toml, not basic-toml's
//     line-by-line JSON.parse. Lines that are not TOML and duplicate keys
//     are "(PY1000): Invalid TOML" errors with a line and column, where
//     basic-toml silently ignored the line (C29) or let the last key win
//     (C30, issue #2427); inline tables work. 1.1's additions are
//     accepted on purpose: newlines, comments and a trailing comma in
//     inline tables, the "\xHH" and "\e" escapes, times and date-times
//     without seconds. The guest used BurntSushi/toml v1.6.0 before
//     (reflect and time came with it); it is a test-only dependency now,
//     and differential_test.go lists where the two differ: only where
//     BurntSushi breaks TOML (tables defined twice or extended, offsets
//     past 23:59, arrays under the empty key).
//   - A config is bounded before it is parsed (limits.go): at most
//     MaxConfigBytes (1 MiB), MaxDepth (100) levels of tables and arrays,
//     and MaxNameBytes of full key names, each refused with a
//     "(PY1000): Invalid TOML" or "Invalid JSON" error naming the limit,
//     and for depth and names the line and column. The original had no
//     limit; BurntSushi's cost grows with depth × keys. Invalid UTF-8 is
//     an error at its byte (a JSON parser would replace it), and so
//     is content after a JSON value, even "]" or "}".
//   - A source is a URL only when it is one line, and the path before its
//     "?query" or "#fragment" has no "=" and ends in ".ext". So inline
//     TOML ending in a float ("a = 1\nb = 2.5", C25; "version = 0.23") is
//     TOML, where the original said "Invalid URL". Extensions match in any
//     case ("cfg.JSON"), and a fragment is allowed ("./c.toml#v1" used to
//     be read as inline TOML and silently give {}).
//   - Only http, https and file URLs are fetched; "javascript:" or
//     "data:" sources are refused before any fetch.
//   - A config that is not an object (a number, a list, null) is an error;
//     the original's import of pyscript crashed with a TypeError. A JSON
//     string still becomes {}, as in the original (spec §3.6).
//   - Key order is not kept: values are Go maps, and Marshal sorts keys.
//   - TOML offset date-times become the ISO text JSON.stringify gives a JS
//     Date, in UTC with milliseconds (C33). Local dates, date-times and
//     times have no JS equivalent (basic-toml turned them into a Date in
//     the browser's time zone); they stay as their RFC 3339 text
//     ("1979-05-27", "1979-05-27T07:32:00", "07:32:00.5").
//   - Numbers follow JS: TOML integers and JSON numbers become float64
//     (precision is lost beyond 2^53, as in JS), and NaN and ±Infinity
//     (TOML nan/inf, JSON 1e999) become null, as JSON.stringify makes them.
package config

import (
	"errors"
)

// Format is how a source must be parsed; the order matches the WIT enum.
type Format uint8

// The formats.
const (
	FormatAuto Format = iota
	FormatJSON
	FormatTOML
)

// String returns the name messages use: "auto", "json" or "toml".
func (f Format) String() string {
	switch f {
	case FormatJSON:
		return "json"
	case FormatTOML:
		return "toml"
	}
	return "auto"
}

// Origin is where a source was found; the order matches the WIT enum.
type Origin uint8

// The origins.
const (
	OriginTag       Origin = iota // a <py-config> or <mpy-config> element
	OriginAttribute               // config="..." on a main-thread script
	OriginExplicit                // a worker's config option, or an explicit API call
)

// Source is one config candidate as the host found it.
type Source struct {
	Origin Origin
	Text   string
	Format Format
}

// conflict is PyScript's PY0409 error.
func conflict(reason string) error { return errors.New("(PY0409): " + reason) }

// Select applies the decision table of spec §3.1; tag is "py-config" or
// "mpy-config" and only appears in messages. ok is false when there is no
// config.
//
// The page's own rules apply to tags and attributes. An explicit source
// (a worker's config option, a config passed to the API) stands for the
// caller's intent, so it wins over whatever the page declares, even a
// page whose tags conflict; two explicit sources are a conflict of their
// own ("(PY0409): Too many explicit configs").
func Select(sources []Source, tag string) (src Source, ok bool, err error) {
	var tags, attrs, explicit []Source
	for _, s := range sources {
		switch s.Origin {
		case OriginTag:
			tags = append(tags, s)
		case OriginAttribute:
			attrs = append(attrs, s)
		default:
			explicit = append(explicit, s)
		}
	}
	switch {
	case len(explicit) > 1:
		return Source{}, false, conflict("Too many explicit configs")
	case len(explicit) == 1:
		return explicit[0], true, nil
	case len(tags) > 1:
		return Source{}, false, conflict("Too many " + tag)
	case len(tags) == 1 && len(attrs) > 0:
		return Source{}, false, conflict("Ambiguous " + tag + " VS config attribute")
	case len(tags) == 1:
		return tags[0], true, nil
	case len(attrs) > 0:
		// The original compares the raw attribute strings (!==), so two
		// spellings of the same config conflict too.
		for _, a := range attrs[1:] {
			if a.Text != attrs[0].Text {
				return Source{}, false, conflict("Unable to use different configs on main")
			}
		}
		return attrs[0], true, nil
	}
	return Source{}, false, nil
}
