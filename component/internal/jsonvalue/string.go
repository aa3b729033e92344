package jsonvalue

import (
	"unicode/utf16"
	"unicode/utf8"
)

// str reads a string at pos (at its opening quote) and, when decode is
// set, returns its value. A string without escapes that is valid UTF-8
// is a slice of the text; the rest is built as encoding/json's unquote
// builds it.
func (d *decoder) str(decode bool) (string, error) {
	d.pos++
	start := d.pos
	plain, ascii := true, true
	for {
		if d.pos == len(d.text) {
			return "", d.eof()
		}
		switch c := d.text[d.pos]; {
		case c == '"':
			raw := d.text[start:d.pos]
			d.pos++
			switch {
			case !decode:
				return "", nil
			case plain && (ascii || utf8.ValidString(raw)):
				return raw, nil
			}
			return unquote(raw), nil
		case c == '\\':
			plain = false
			if err := d.escape(); err != nil {
				return "", err
			}
		case c < 0x20:
			return "", d.syntax("in string literal")
		default:
			ascii = ascii && c < utf8.RuneSelf
			d.pos++
		}
	}
}

// escape checks the escape sequence at pos (at its backslash).
func (d *decoder) escape() error {
	d.pos++
	if d.pos == len(d.text) {
		return d.syntax("in string escape code")
	}
	switch d.text[d.pos] {
	case 'b', 'f', 'n', 'r', 't', '\\', '/', '"':
		d.pos++
		return nil
	case 'u':
		d.pos++
		for range 4 {
			if d.pos == len(d.text) || hexValue(d.text[d.pos]) < 0 {
				return d.syntax("in \\u hexadecimal character escape")
			}
			d.pos++
		}
		return nil
	}
	return d.syntax("in string escape code")
}

// hexValue is the value of the hexadecimal digit c, or -1.
func hexValue(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// unquote decodes the checked body of a string: escapes, surrogate
// pairs, and U+FFFD for an unpaired surrogate or a byte that is not
// UTF-8.
func unquote(s string) string {
	b := make([]byte, 0, len(s)+2*utf8.UTFMax)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			var r rune
			r, i = unescape(s, i)
			b = utf8.AppendRune(b, r)
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
		}
	}
	return string(b)
}

// unescape decodes the escape at s[i] (a backslash), a \u surrogate pair
// taken together, and returns the rune and the index past it.
func unescape(s string, i int) (rune, int) {
	switch c := s[i+1]; c {
	case 'b':
		return '\b', i + 2
	case 'f':
		return '\f', i + 2
	case 'n':
		return '\n', i + 2
	case 'r':
		return '\r', i + 2
	case 't':
		return '\t', i + 2
	case 'u':
		r := hex4(s, i)
		if !utf16.IsSurrogate(r) {
			return r, i + 6
		}
		if pair := utf16.DecodeRune(r, hex4(s, i+6)); pair != utf8.RuneError {
			return pair, i + 12
		}
		return utf8.RuneError, i + 6
	default: // \\, \/ and \"
		return rune(c), i + 2
	}
}

// hex4 is the value of the \uXXXX escape at s[i], or -1 when there is
// none there.
func hex4(s string, i int) rune {
	if i+6 > len(s) || s[i] != '\\' || s[i+1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range []byte(s[i+2 : i+6]) {
		r = r<<4 | hexValue(c)
	}
	return r
}
