package toml

import (
	"strings"
	"unicode/utf8"
)

// TOML's four kinds of string. Each returns a substring of the text when
// the value is written as is, and builds a new string only around
// escapes and line-ending backslashes.

// basicString reads a "basic string" at p.pos: one line, with escapes.
func (p *parser) basicString() string {
	open := p.pos
	var b []byte
	seg := open + 1 // the start of the text not yet copied to b
	for i := seg; ; {
		if i >= len(p.text) {
			p.unclosedString(open, `"`)
		}
		switch c := p.text[i]; {
		case c == '"':
			p.pos = i + 1
			return finish(b, p.text[seg:i])
		case c == '\\':
			b = append(b, p.text[seg:i]...)
			b, i = p.escape(b, i)
			seg = i
		case c == '\n' || c == '\r':
			p.unclosedString(open, `"`)
		default:
			i = p.char(i, "a string")
		}
	}
}

// literalString reads a 'literal string' at p.pos: one line, as written.
func (p *parser) literalString() string {
	open := p.pos
	for i := open + 1; ; {
		if i >= len(p.text) {
			p.unclosedString(open, "'")
		}
		switch c := p.text[i]; {
		case c == '\'':
			p.pos = i + 1
			return p.text[open+1 : i]
		case c == '\n' || c == '\r':
			p.unclosedString(open, "'")
		default:
			i = p.char(i, "a literal string")
		}
	}
}

// multiLineString reads a multi-line string at p.pos, q being its quote:
// basic between triple double quotes, literal between triple single
// quotes. A newline right after the opening quotes is left out; newlines
// are kept as written (LF or CRLF). Up to two quotes may come just before
// the closing three ("""a""""" is `a""`), but three in a row cannot be
// in the text.
func (p *parser) multiLineString(q byte) string {
	open := p.pos
	i := open + 3
	if strings.HasPrefix(p.text[i:], "\n") {
		i++
	} else if strings.HasPrefix(p.text[i:], "\r\n") {
		i += 2
	}
	var b []byte
	seg := i
	for {
		if i >= len(p.text) {
			p.failf(open, "the multi-line string that starts here is not closed: end it with "+string([]byte{q, q, q}))
		}
		switch c := p.text[i]; {
		case c == q:
			n := 1
			for i+n < len(p.text) && p.text[i+n] == q {
				n++
			}
			if n < 3 {
				i += n
				continue
			}
			if n > 5 {
				fix := `escape the others (\")`
				if q == '\'' {
					fix = "write it as a basic string, between triple double quotes, to escape them"
				}
				p.failf(i, "too many quotes: a multi-line string has at most two just before its closing three; "+fix)
			}
			p.pos = i + n
			return finish(b, p.text[seg:i+n-3])
		case c == '\\' && q == '"':
			b = append(b, p.text[seg:i]...)
			if end, ok := p.lineEndingBackslash(i); ok {
				i = end
			} else {
				b, i = p.escape(b, i)
			}
			seg = i
		case c == '\n':
			i++
		case c == '\r':
			p.pos = i
			p.newline()
			i = p.pos
		default:
			i = p.char(i, "a string")
		}
	}
}

// lineEndingBackslash reports whether the backslash at i ends its line
// (only whitespace after it), and if so returns where the text resumes:
// at the next character that is not whitespace or a newline.
func (p *parser) lineEndingBackslash(i int) (int, bool) {
	j := i + 1
	for j < len(p.text) && (p.text[j] == ' ' || p.text[j] == '\t') {
		j++
	}
	if j >= len(p.text) || p.text[j] != '\n' && p.text[j] != '\r' {
		return i, false
	}
	p.pos = j
	p.skipSpaceAndNewlines()
	return p.pos, true
}

// skipSpaceAndNewlines steps over whitespace and newlines (no comments:
// it is used inside strings).
func (p *parser) skipSpaceAndNewlines() {
	for p.pos < len(p.text) {
		switch p.text[p.pos] {
		case ' ', '\t':
			p.pos++
		case '\n', '\r':
			p.newline()
		default:
			return
		}
	}
}

// char checks the character at i of a string of kind where, and returns
// the offset after it. Strings may hold any character but the control
// characters other than tab.
func (p *parser) char(i int, where string) int {
	switch c := p.text[i]; {
	case c >= 0x80:
		return i + p.runeAt(i)
	case isControl(c):
		p.controlChar(i, where)
	}
	return i + 1
}

// finish is the string made of b and then rest, without copying when
// there is no b.
func finish(b []byte, rest string) string {
	if b == nil {
		return rest
	}
	return string(append(b, rest...))
}

// unclosedString fails on the one-line string opened at open by q.
func (p *parser) unclosedString(open int, q string) {
	p.failf(open, "the string that starts here is not closed on its line: end it with "+q+
		" (a string of several lines is written between "+q+q+q+" and "+q+q+q+")")
}

// escapeBytes are the one-letter escapes and what they stand for
// (TOML 1.1 adds \e).
const escapeLetters, escapeBytes = `btnfre"\`, "\b\t\n\f\r\x1b\"\\"

// escape appends what the escape at the backslash at i stands for to b,
// and returns the offset after it.
func (p *parser) escape(b []byte, i int) ([]byte, int) {
	e := p.peekAt(i + 1)
	if k := strings.IndexByte(escapeLetters, e); k >= 0 {
		return append(b, escapeBytes[k]), i + 2
	}
	var digits int
	var count, example string
	switch e {
	case 'x':
		digits, count, example = 2, "two", `\x41`
	case 'u':
		digits, count, example = 4, "four", `\u00E9`
	case 'U':
		digits, count, example = 8, "eight", `\U0001F600`
	default:
		p.badEscape(i)
	}
	var r rune
	for k := i + 2; k < i+2+digits; k++ {
		c := p.peekAt(k)
		if !isHex(c) {
			p.failf(i, `\`+string(e)+" needs "+count+" hexadecimal digits, as in "+example)
		}
		r = r<<4 | rune(hexValue(c))
	}
	if !utf8.ValidRune(r) {
		p.failf(i, p.text[i:i+2+digits]+" is not a Unicode scalar value: "+
			"surrogates (D800 to DFFF) and values past 10FFFF cannot be escaped")
	}
	return utf8.AppendRune(b, r), i + 2 + digits
}

// badEscape fails on the backslash at i, which starts no escape.
func (p *parser) badEscape(i int) {
	switch e := p.peekAt(i + 1); {
	case i+1 >= len(p.text):
		p.failf(i, "the text ends in a backslash, inside a string")
	case e == '\n' || e == '\r':
		p.failf(i, `a backslash can end a line only in a """multi-line string"""`)
	case e >= 0x20 && e < 0x7f:
		p.failf(i, "invalid escape \\"+string(e)+
			`: the escapes are \b \t \n \f \r \e \" \\ \xHH \uHHHH and \UHHHHHHHH; `+
			`write a backslash itself as \\, or use a 'literal string'`)
	}
	p.failf(i, "a backslash must start an escape, such as \\n or \\u00E9")
}

func hexValue(c byte) byte {
	if isDigit(c) {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}
