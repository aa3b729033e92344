package config

import (
	"errors"
	"strconv"
	"strings"

	"github.com/execctx/execctx/component/internal/urlref"
	"github.com/execctx/execctx/component/internal/wrap"
)

// kind is what a source's text turned out to be.
type kind uint8

const (
	kindEmpty  kind = iota // nothing: no config, {}
	kindInline             // the config itself
	kindURL                // where to fetch the config
)

// classified is a source after classification: inline text or a URL, and
// the format to parse it with.
type classified struct {
	kind   kind
	format Format
	text   string // trimmed
}

// classify implements spec §3.2 with the fixes listed in the package doc.
func classify(src Source) (classified, error) {
	text := strings.TrimSpace(src.Text)
	c := classified{text: text}
	switch {
	case text == "":
		return c, nil
	case looksLikeObject(text):
		// As in the original, an object literal is JSON even under a forced
		// TOML format: no TOML document can start with "{".
		c.kind, c.format = kindInline, FormatJSON
		return c, nil
	}
	ext, ok := urlExtension(text)
	if !ok {
		c.kind, c.format = kindInline, FormatTOML
		if src.Format == FormatJSON {
			c.format = FormatJSON
		}
		return c, nil
	}
	c.kind = kindURL
	switch {
	case ext == "json" && src.Format != FormatTOML:
		c.format = FormatJSON
	case ext == "toml" && src.Format != FormatJSON:
		c.format = FormatTOML
	default:
		msg := "(PY1000): Invalid URL: " + text
		if src.Format != FormatAuto {
			msg += "\nexpected " + src.Format.String() + " content"
		}
		return c, errors.New(msg)
	}
	return c, nil
}

// looksLikeObject is the original's inline-JSON test: /^{/ and /}$/.
func looksLikeObject(trimmed string) bool {
	return strings.HasPrefix(trimmed, "{") && strings.HasSuffix(trimmed, "}")
}

// urlExtension returns the lower-case extension of text when text reads as
// a URL: one line whose path (before "?" and "#") has no "=" and ends in
// ".ext", ext being letters, digits or "_" (the original's \w+). Inline
// TOML always has "=" before any query, or is a [table] line, so it never
// matches.
func urlExtension(text string) (string, bool) {
	if strings.ContainsAny(text, "\r\n") {
		return "", false
	}
	path := text
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	dot := strings.LastIndexByte(path, '.')
	if dot < 0 || strings.Contains(path, "=") {
		return "", false
	}
	ext := path[dot+1:]
	if ext == "" || strings.IndexFunc(ext, notWordRune) >= 0 {
		return "", false
	}
	return strings.ToLower(ext), true
}

func notWordRune(r rune) bool {
	return !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// fetchable are the schemes a config URL may use.
var fetchable = map[string]bool{"http": true, "https": true, "file": true}

// Resolve resolves ref against base and refuses a result whose scheme is
// not in allowed (nil means http, https and file). The error names the
// scheme and the allowed ones; callers add the URL and their own context.
func Resolve(ref, base string, allowed map[string]bool) (string, error) {
	if allowed == nil {
		allowed = fetchable
	}
	u, err := urlref.Parse(ref)
	if err != nil {
		return "", wrap.With("not a URL: ", err)
	}
	b := u // an absolute reference ignores the base (RFC 3986 §5.2.2)
	if !u.IsAbs() {
		if b, err = urlref.Parse(base); err != nil || !b.IsAbs() {
			return "", errors.New("relative URL " + strconv.Quote(ref) + " needs an absolute base URL, got " + strconv.Quote(base))
		}
	}
	if u, err = b.Resolve(u); err != nil { // base is data: or blob:, as a browser refuses too
		return "", errors.New("relative URL " + strconv.Quote(ref) + " needs a base URL with a hierarchical path, got " + strconv.Quote(base))
	}
	if !allowed[u.Scheme] {
		return "", &SchemeError{Scheme: u.Scheme, Allowed: schemeList(allowed)}
	}
	return u.String(), nil
}

// SchemeError is Resolve's error for a URL whose scheme may not be used,
// so that callers can tell it from a malformed URL.
type SchemeError struct {
	Scheme  string
	Allowed string // e.g. "http, https, file"
}

// Error names the refused scheme and the allowed ones.
func (e *SchemeError) Error() string {
	return "scheme " + strconv.Quote(e.Scheme) + " is not allowed; use " + e.Allowed
}

// schemeList names the allowed schemes in a fixed order, for messages.
func schemeList(allowed map[string]bool) string {
	var out []string
	for _, s := range []string{"http", "https", "file", "blob"} {
		if allowed[s] {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// IsURL reports whether src names a config file rather than holding one,
// or why it is neither (an unknown extension, or one that contradicts a
// forced format).
func IsURL(src Source) (bool, error) {
	c, err := classify(src)
	return c.kind == kindURL, err
}
