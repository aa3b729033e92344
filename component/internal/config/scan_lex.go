package config

import "strings"

// The lexical steps of scanTOML. Each moves s.pos over one kind of token
// and stops at the end of the text; none validates the token.

// peek returns the byte at s.pos, or 0 at the end of the text.
func (s *tomlScanner) peek() byte {
	if s.pos < len(s.text) {
		return s.text[s.pos]
	}
	return 0
}

// skipSpace steps over spaces and tabs.
func (s *tomlScanner) skipSpace() {
	for s.pos < len(s.text) && (s.text[s.pos] == ' ' || s.text[s.pos] == '\t') {
		s.pos++
	}
}

// skipBlank steps over whitespace, newlines and comments.
func (s *tomlScanner) skipBlank() {
	for s.pos < len(s.text) {
		switch s.text[s.pos] {
		case ' ', '\t', '\r', '\n':
			s.pos++
		case '#':
			s.skipLine()
		default:
			return
		}
	}
}

// skipLine steps past the next newline, or to the end of the text.
func (s *tomlScanner) skipLine() {
	if i := strings.IndexByte(s.text[s.pos:], '\n'); i >= 0 {
		s.pos += i + 1
	} else {
		s.pos = len(s.text)
	}
}

// keyStop are the bytes that end a bare key. Valid bare keys are only
// A-Za-z0-9_-; anything else ends the segment, and the parser reports it.
const keyStop = " \t\r\n.=[]{},#\"'"

// keySegment steps over one segment of a key, bare or quoted (keys are
// single-line strings), and returns it as written.
func (s *tomlScanner) keySegment() string {
	start := s.pos
	switch s.peek() {
	case '"':
		s.skipQuoted('"', true)
	case '\'':
		s.skipQuoted('\'', false)
	default:
		for s.pos < len(s.text) && strings.IndexByte(keyStop, s.text[s.pos]) < 0 {
			s.pos++
		}
	}
	return s.text[start:s.pos]
}

// skipString steps over a string value of any of TOML's four kinds.
func (s *tomlScanner) skipString() {
	q := s.text[s.pos]
	if strings.HasPrefix(s.text[s.pos:], string([]byte{q, q, q})) {
		s.skipMultiLine(q, q == '"')
	} else {
		s.skipQuoted(q, q == '"')
	}
}

// skipQuoted steps over a one-line string opened by q at s.pos; escapes
// says whether a backslash escapes the next byte (basic strings). A
// newline ends it too: the string is unterminated, and TOML is not.
func (s *tomlScanner) skipQuoted(q byte, escapes bool) {
	for s.pos++; s.pos < len(s.text); s.pos++ {
		switch c := s.text[s.pos]; {
		case c == q:
			s.pos++
			return
		case c == '\n':
			return
		case c == '\\' && escapes:
			s.pos++
		}
	}
	s.pos = min(s.pos, len(s.text))
}

// skipMultiLine steps over a multi-line string opened by three q at
// s.pos. Up to two more q may close it ("""a""""" is `a""`).
func (s *tomlScanner) skipMultiLine(q byte, escapes bool) {
	closing := string([]byte{q, q, q})
	for s.pos += 3; s.pos < len(s.text); s.pos++ {
		switch {
		case s.text[s.pos] == '\\' && escapes:
			s.pos++
		case strings.HasPrefix(s.text[s.pos:], closing):
			s.pos += 3
			for extra := 0; extra < 2 && s.peek() == q; extra++ {
				s.pos++
			}
			return
		}
	}
	s.pos = min(s.pos, len(s.text))
}

// scalarStop are the bytes that end a number, boolean or date-time.
// Spaces do not: "1979-05-27 07:32:00" is one value.
const scalarStop = ",]}#\r\n"

// skipScalar steps over a number, boolean, date or time.
func (s *tomlScanner) skipScalar() {
	for s.pos < len(s.text) && strings.IndexByte(scalarStop, s.text[s.pos]) < 0 {
		s.pos++
	}
}
