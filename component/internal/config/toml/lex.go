package toml

import (
	"strings"
	"unicode/utf8"
)

// The lexical steps of the parser: blanks, comments, newlines and keys.

// skipSpace steps over spaces and tabs, TOML's whitespace.
func (p *parser) skipSpace() {
	for p.pos < len(p.text) && (p.text[p.pos] == ' ' || p.text[p.pos] == '\t') {
		p.pos++
	}
}

// skipBlank steps over whitespace, newlines and comments: what may come
// between statements, and between the items of an array or an inline
// table.
func (p *parser) skipBlank() {
	for p.pos < len(p.text) {
		switch p.text[p.pos] {
		case ' ', '\t':
			p.pos++
		case '\n', '\r':
			p.newline()
		case '#':
			p.comment()
		default:
			return
		}
	}
}

// newline steps over the "\n" or "\r\n" at p.pos.
func (p *parser) newline() {
	if p.text[p.pos] == '\r' {
		if p.peekAt(p.pos+1) != '\n' {
			p.failf(p.pos, `a carriage return (\r) must be followed by a line feed (\n): `+
				"save the text with LF or CRLF line endings")
		}
		p.pos++
	}
	p.pos++
}

// comment steps over the comment at p.pos, up to its newline. A comment
// may hold any character but the control characters other than tab.
func (p *parser) comment() {
	for p.pos++; p.pos < len(p.text); {
		switch c := p.text[p.pos]; {
		case c == '\n' || c == '\r':
			return
		case c >= 0x80:
			p.pos += p.runeAt(p.pos)
		case isControl(c):
			p.controlChar(p.pos, "a comment")
		default:
			p.pos++
		}
	}
}

// runeAt returns the size of the UTF-8 character at i, refusing invalid
// UTF-8.
func (p *parser) runeAt(i int) int {
	r, size := utf8.DecodeRuneInString(p.text[i:])
	if r == utf8.RuneError && size == 1 {
		p.failf(i, "invalid UTF-8 byte 0x"+hex(uint32(p.text[i]), 2)+": a TOML text must be UTF-8")
	}
	return size
}

// controlChar fails on the control character at i, found in where ("a
// comment", "a string", "a literal string"; "" outside those).
func (p *parser) controlChar(i int, where string) {
	c := p.text[i]
	msg := "control character U+" + hex(uint32(c), 4) + " is not allowed"
	switch where {
	case "":
		msg += " outside strings"
	case "a comment":
		msg += " in a comment"
	default:
		msg += " in " + where + `: write it as the escape \u` + hex(uint32(c), 4) + ` in a "basic string"`
	}
	if c == 0 {
		msg += "; a NUL byte usually means the text is UTF-16: save it as UTF-8"
	}
	p.failf(i, msg)
}

// isControl reports whether c is an ASCII control character other than
// tab. Newlines are among them: callers deal with those first.
func isControl(c byte) bool {
	return c < 0x20 && c != '\t' || c == 0x7f
}

// hex is n in upper-case hexadecimal, zero-padded to digits.
func hex(n uint32, digits int) string {
	const hexDigits = "0123456789ABCDEF"
	b := make([]byte, digits)
	for i := digits - 1; i >= 0; i-- {
		b[i] = hexDigits[n&0xf]
		n >>= 4
	}
	return string(b)
}

// keyPart is one segment of a dotted key, and where it starts.
type keyPart struct {
	name string
	at   int
}

// key reads a key at p.pos, bare, quoted or dotted, and the whitespace
// after it. The result is only valid until the next call.
func (p *parser) key() []keyPart {
	parts := p.keyBuf[:0]
	for {
		p.skipSpace()
		at := p.pos
		parts = append(parts, keyPart{p.keySegment(), at})
		p.skipSpace()
		if p.peek() != '.' {
			break
		}
		p.pos++
	}
	p.keyBuf = parts
	return parts
}

// keySegment reads one segment of a key: bare (A-Za-z0-9_-), or a
// one-line basic or literal string.
func (p *parser) keySegment() string {
	rest := p.text[p.pos:]
	switch c := p.peek(); {
	case strings.HasPrefix(rest, `"""`) || strings.HasPrefix(rest, "'''"):
		p.failf(p.pos, `a key cannot be a multi-line string: quote it with "double" or 'single' quotes`)
	case c == '"':
		return p.basicString()
	case c == '\'':
		return p.literalString()
	case isBareKeyByte(c):
		start := p.pos
		for p.pos < len(p.text) && isBareKeyByte(p.text[p.pos]) {
			p.pos++
		}
		return p.text[start:p.pos]
	case c == '=' || c == '.' || c == ']':
		p.failf(p.pos, "a key is missing before "+p.describe(p.pos))
	}
	p.failf(p.pos, "expected a key, found "+p.found(p.pos)+
		`: a bare key is only letters A-Z and a-z, digits, "_" and "-"; put any other key in quotes`)
	return ""
}
