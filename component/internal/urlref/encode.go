package urlref

import (
	"errors"
	"strconv"
)

// unreserved is RFC 3986's ALPHA / DIGIT / "-" / "." / "_" / "~".
func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// subDelim is RFC 3986's sub-delims.
func subDelim(c byte) bool {
	switch c {
	case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=':
		return true
	}
	return false
}

// pathByte is what a path may hold as it is: pchar and "/", and "[" and
// "]", which browsers and net/url leave alone in paths.
func pathByte(c byte) bool {
	return unreserved(c) || subDelim(c) || c == ':' || c == '@' || c == '/' || c == '[' || c == ']'
}

// fragmentByte is what a query or fragment may hold as it is.
func fragmentByte(c byte) bool { return pathByte(c) || c == '?' }

const upperHex = "0123456789ABCDEF"

// encode percent-encodes the bytes of s that allowed refuses, keeping the
// first byte (a delimiter) and the escapes already there. A "%" that
// starts no escape is an error when strict is set, and is encoded
// otherwise (as "%25").
func encode(s string, allowed func(byte) bool, strict bool) (string, error) {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2]):
			fallthrough
		case allowed(c) || i == 0 && (c == '?' || c == '#'):
			if b != nil {
				b = append(b, c)
			}
			continue
		case c == '%' && strict:
			end := min(i+3, len(s))
			return "", errors.New("invalid URL escape " + strconv.Quote(s[i:end]))
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)+16), s[:i]...)
		}
		b = append(b, '%', upperHex[c>>4], upperHex[c&15])
	}
	if b == nil {
		return s, nil
	}
	return string(b), nil
}

func ishex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
