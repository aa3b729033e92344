// Package config finds, fetches, parses and normalises the context's
// config (spec §3).
//
// It follows PyScript's rules and messages where they are sound, and is
// stricter where the original silently lost a config:
//
//   - TOML is real TOML 1.0 (github.com/BurntSushi/toml), not basic-toml's
//     line-by-line reading. Unknown lines, duplicate keys and other errors
//     are "(PY1000): Invalid TOML" with line and column, never a silent {}
//     (spec C29, C30). Inline tables work.
//   - A source is a URL only when it is one line without "=" that ends in
//     an extension, so inline TOML ending in a float ("b = 2.5") is TOML,
//     not an Invalid URL (C25). Extensions match in any case, and a
//     fragment is allowed ("./c.toml#v1" was silently {}).
//   - Only http, https and file URLs are fetched.
//   - A non-object config (a number, a list) is an error instead of the
//     original's TypeError; a JSON string still becomes {} (spec §3.6).
//   - Key order is not kept: Marshal sorts keys.
//   - TOML offset date-times become ISO strings in UTC with milliseconds,
//     as JSON.stringify of a JS Date gives (C33); local dates and times,
//     which have no JS equivalent, stay as their TOML text.
package config

import "fmt"

// Format is how a source must be parsed; the order matches the WIT enum.
type Format uint8

// The formats.
const (
	FormatAuto Format = iota
	FormatJSON
	FormatTOML
)

func (f Format) String() string { return [...]string{"auto", "json", "toml"}[f] }

// Origin is where a source was found; the order matches the WIT enum.
type Origin uint8

// The origins.
const (
	OriginTag       Origin = iota // <py-config> or <mpy-config>
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
func conflict(reason string) error { return fmt.Errorf("(PY0409): %s", reason) }

// Select applies the decision table of spec §3.1. tag is "py-config" or
// "mpy-config". An explicit source wins over everything the page has, as
// a worker's own config option does; ok is false when there is no config.
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
		for _, a := range attrs[1:] {
			if a.Text != attrs[0].Text {
				return Source{}, false, conflict("Unable to use different configs on main")
			}
		}
		return attrs[0], true, nil
	}
	return Source{}, false, nil
}
