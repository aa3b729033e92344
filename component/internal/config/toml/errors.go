package toml

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is why a text is not TOML, and where.
type Error struct {
	Line, Column int // 1-based; the column counts bytes, as Offset does
	Offset       int // from the start of the text, byte order mark included
	Message      string
	// Key is the full name of the key whose value was being read, such as
	// files."a.py", or "" when the error is not inside a value.
	Key string
}

// Error is "line L, column C: message", then ` (last key "k")` when the
// error is inside the value of k.
func (e *Error) Error() string {
	s := "line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Column) + ": " + e.Message
	if e.Key != "" {
		s += " (last key " + strconv.Quote(e.Key) + ")"
	}
	return s
}

// failf stops the parse with message at offset.
func (p *parser) failf(offset int, message string) {
	line, col := p.lineCol(offset)
	e := &Error{Line: line, Column: col, Offset: offset, Message: message}
	if p.inValue > 0 {
		e.Key = dotted(p.path)
	}
	panic(e)
}

// lineCol is the 1-based line and byte column of offset.
func (p *parser) lineCol(offset int) (line, col int) {
	offset = min(max(offset, 0), len(p.text))
	before := p.text[:offset]
	return strings.Count(before, "\n") + 1, len(before) - strings.LastIndexByte(before, '\n')
}

// lineOf is " at line L" for the text at offset, for messages that point
// back to an earlier definition.
func (p *parser) lineOf(offset int) string {
	return " at line " + p.lineNumber(offset)
}

// lineNumber is the line of offset, as text.
func (p *parser) lineNumber(offset int) string {
	line, _ := p.lineCol(offset)
	return strconv.Itoa(line)
}

// found is describe(i), for "expected ..., found" messages; a control
// character there is its own error.
func (p *parser) found(i int) string {
	if i < len(p.text) && isControl(p.text[i]) && p.text[i] != '\n' && p.text[i] != '\r' {
		p.controlChar(i, "")
	}
	return p.describe(i)
}

// describe names what is at offset i, for "found ..." in messages.
func (p *parser) describe(i int) string {
	if i >= len(p.text) {
		return "the end of the text"
	}
	if c := p.text[i]; c == '\n' || c == '\r' && p.peekAt(i+1) == '\n' {
		return "the end of the line"
	}
	r, _ := utf8.DecodeRuneInString(p.text[i:])
	return strconv.QuoteRune(r)
}

// dotted writes a key's segments as TOML does: bare where a bare key can
// say it, quoted otherwise (files."a.py").
func dotted(parts []string) string {
	var b strings.Builder
	for i, s := range parts {
		if i > 0 {
			b.WriteByte('.')
		}
		if isBareKey(s) {
			b.WriteString(s)
		} else {
			b.WriteString(strconv.Quote(s))
		}
	}
	return b.String()
}

// isBareKey reports whether s can be written as a bare key.
func isBareKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isBareKeyByte(s[i]) {
			return false
		}
	}
	return true
}

func isBareKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }
