// Package urlref parses URLs and resolves URL references against a base
// URL as RFC 3986 does (§5.2), which is what the guest needs of a URL:
// config, module, file and worker URLs resolved against the page or the
// config. It replaces net/url in the guest (about 60 KB of the core with
// what it pulls in).
//
// Each component keeps the text it was written with, except that the
// scheme is lower-cased, dot segments are removed from hierarchical
// paths, and bytes RFC 3986 does not allow in a path, query or fragment
// (a space, '"', '<', a non-ASCII byte...) are percent-encoded, as
// browsers encode them. An opaque path (data:, blob:, javascript:) is
// kept as it is.
//
// Where a browser's URL parser (the WHATWG URL standard) reads a URL
// differently, this package follows RFC 3986, as net/url did:
//
//   - a backslash is a byte to encode (%5C), not a slash;
//   - "http:a.js" names the scheme, so it is not relative to an http base;
//   - host names are not lower-cased, IDNA-mapped or checked beyond their
//     characters, default ports stay, and "https://x.test" gets no "/";
//   - tabs, newlines and other control characters are an error, not
//     removed.
//
// Like a browser, and unlike RFC 3986, a relative reference (other than
// a lone "#fragment") does not resolve against a base whose path is
// opaque: "a.js" against "blob:https://x.test/1" is an error, not
// "blob:a.js".
package urlref

import (
	"errors"
	"strconv"
	"strings"
)

// URL is a URL or a relative reference, split as RFC 3986 splits it. The
// delimiters stay with their components, so that an empty query ("?")
// differs from none ("").
type URL struct {
	Scheme    string // lower case; "" for a relative reference
	Authority string // "//" and userinfo@host:port, or "" when there is none
	Path      string // percent-encoded
	Query     string // "?" and the query, or ""
	Fragment  string // "#" and the fragment, or ""
}

// Parse splits s into its components, percent-encoding what needs it. It
// refuses control characters, malformed percent escapes outside the
// query, a malformed host or port, and a relative reference whose first
// path segment holds a ":" (it would read as a scheme).
func Parse(s string) (*URL, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return nil, errors.New("invalid control character in URL")
		}
	}
	u := &URL{}
	var err error
	if rest, frag, ok := strings.Cut(s, "#"); ok {
		if u.Fragment, err = encode("#"+frag, fragmentByte, true); err != nil {
			return nil, err
		}
		s = rest
	}
	if u.Scheme, s, err = scheme(s); err != nil {
		return nil, err
	}
	if rest, query, ok := strings.Cut(s, "?"); ok {
		u.Query, _ = encode("?"+query, fragmentByte, false)
		s = rest
	}
	if u.Scheme != "" && !strings.HasPrefix(s, "/") {
		u.Path = s // opaque: data:, blob:, mailto:...
		return u, nil
	}
	if segment, _, _ := strings.Cut(s, "/"); u.Scheme == "" && strings.Contains(segment, ":") {
		return nil, errors.New("first path segment in URL cannot contain colon")
	}
	if strings.HasPrefix(s, "//") {
		end := strings.IndexByte(s[2:], '/')
		if end < 0 {
			end = len(s) - 2
		}
		if u.Authority, err = authority(s[2 : 2+end]); err != nil {
			return nil, err
		}
		s = s[2+end:]
	}
	if u.Path, err = encode(s, pathByte, true); err != nil {
		return nil, err
	}
	return u, nil
}

// scheme splits a leading scheme and its colon from s, lower-cased; none
// when s does not start with one.
func scheme(s string) (name, rest string, err error) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return "", s, nil
			}
		case c == ':':
			if i == 0 {
				return "", "", errors.New("missing protocol scheme")
			}
			return strings.ToLower(s[:i]), s[i+1:], nil
		default:
			return "", s, nil
		}
	}
	return "", s, nil
}

// authority checks and encodes userinfo@host:port (without the "//").
func authority(s string) (string, error) {
	hostport := s
	userinfo := ""
	if at := strings.LastIndexByte(s, '@'); at >= 0 {
		userinfo, hostport = s[:at+1], s[at+1:]
		for i := 0; i < at; i++ {
			if c := s[i]; !unreserved(c) && !subDelim(c) && c != ':' && c != '%' {
				return "", errors.New("invalid userinfo")
			}
		}
	}
	host, port := hostport, ""
	if strings.HasPrefix(hostport, "[") {
		end := strings.IndexByte(hostport, ']')
		if end < 0 {
			return "", errors.New("missing ']' in host")
		}
		host, port = hostport[:end+1], hostport[end+1:]
	} else if colon := strings.LastIndexByte(hostport, ':'); colon >= 0 {
		host, port = hostport[:colon], hostport[colon:]
	}
	if port != "" && (port[0] != ':' || strings.Trim(port[1:], "0123456789") != "") {
		return "", errors.New("invalid port " + strconv.Quote(port) + " after host")
	}
	for i := 0; i < len(host); i++ {
		c := host[i]
		switch {
		case unreserved(c), subDelim(c), c == '%', c >= 0x80,
			(c == '[' || c == ']' || c == ':') && strings.HasPrefix(host, "["):
		default:
			return "", errors.New("invalid character " + strconv.Quote(host[i:i+1]) + " in host name")
		}
	}
	// What is left to encode is non-ASCII: the loops above refused the rest.
	encoded, err := encode(userinfo+host, func(c byte) bool { return c < 0x80 && c != '%' }, true)
	return "//" + encoded + port, err
}

// IsAbs reports whether u has a scheme.
func (u *URL) IsAbs() bool { return u.Scheme != "" }

// Opaque reports whether u's path is opaque: u has a scheme but no
// authority, and its path does not start with "/" (data:text/plain,x).
func (u *URL) Opaque() bool {
	return u.Scheme != "" && u.Authority == "" && !strings.HasPrefix(u.Path, "/")
}

// String puts u back together.
func (u *URL) String() string {
	var b strings.Builder
	if u.Scheme != "" {
		b.WriteString(u.Scheme)
		b.WriteByte(':')
	}
	b.WriteString(u.Authority)
	if u.Authority == "" && strings.HasPrefix(u.Path, "//") {
		b.WriteString("/.") // or the path's first segment would read as a host
	}
	b.WriteString(u.Path)
	b.WriteString(u.Query)
	b.WriteString(u.Fragment)
	return b.String()
}

// DecodedPath is u's path with its percent escapes decoded, or "" when
// the path is opaque.
func (u *URL) DecodedPath() string {
	if u.Opaque() {
		return ""
	}
	if !strings.Contains(u.Path, "%") {
		return u.Path
	}
	b := make([]byte, 0, len(u.Path))
	for i := 0; i < len(u.Path); i++ {
		if c := u.Path[i]; c != '%' {
			b = append(b, c)
			continue
		}
		b = append(b, unhex(u.Path[i+1])<<4|unhex(u.Path[i+2]))
		i += 2
	}
	return string(b)
}
