package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// kind is what a source's text turned out to be.
type kind uint8

const (
	kindEmpty kind = iota
	kindInline
	kindURL
)

// classified is a source after classification: inline text or a URL, and
// the format to parse it with.
type classified struct {
	kind   kind
	format Format
	text   string // trimmed
}

// extension matches a one-line path ending in .ext, before ?query or #fragment.
var extension = regexp.MustCompile(`^[^\s=]*\.(\w+)(?:[?#]\S*)?$`)

// classify implements spec §3.2 with the fixes listed in the package doc.
func classify(src Source) (classified, error) {
	text := strings.TrimSpace(src.Text)
	c := classified{text: text}
	switch {
	case text == "":
		return c, nil
	case strings.HasPrefix(text, "{") && strings.HasSuffix(text, "}"):
		c.kind, c.format = kindInline, orAuto(src.Format, FormatJSON)
		return c, nil
	}
	m := extension.FindStringSubmatch(text)
	if m == nil {
		c.kind, c.format = kindInline, orAuto(src.Format, FormatTOML)
		return c, nil
	}
	c.kind = kindURL
	switch ext := strings.ToLower(m[1]); {
	case ext == "json" && src.Format != FormatTOML:
		c.format = FormatJSON
	case ext == "toml" && src.Format != FormatJSON:
		c.format = FormatTOML
	default:
		msg := "(PY1000): Invalid URL: " + text
		if src.Format != FormatAuto {
			msg += "\nexpected " + src.Format.String() + " content"
		}
		return c, fmt.Errorf("%s", msg)
	}
	return c, nil
}

func orAuto(f, def Format) Format {
	if f == FormatAuto {
		return def
	}
	return f
}

// fetchable are the schemes a config or module URL may use; javascript:,
// data: and the like are refused.
var fetchable = map[string]bool{"http": true, "https": true, "file": true}

// Resolve resolves ref against base and refuses schemes outside allowed
// (http, https and file when allowed is nil).
func Resolve(ref, base string, allowed map[string]bool) (string, error) {
	if allowed == nil {
		allowed = fetchable
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", fmt.Errorf("not a URL: %w", err)
	}
	if !u.IsAbs() {
		b, err := url.Parse(base)
		if err != nil || !b.IsAbs() {
			return "", fmt.Errorf("relative URL %q needs an absolute base URL, got %q", ref, base)
		}
		u = b.ResolveReference(u)
	}
	if !allowed[strings.ToLower(u.Scheme)] {
		return "", fmt.Errorf("scheme %q is not allowed; use %s", u.Scheme, schemeList(allowed))
	}
	return u.String(), nil
}

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
// or why it is neither.
func IsURL(src Source) (bool, error) {
	c, err := classify(src)
	return c.kind == kindURL, err
}
