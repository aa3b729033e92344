package config

import "strings"

// scanTOML measures a TOML text's nesting and key names in one linear
// pass before the parser (limits set when BurntSushi/toml's cost grew with
// both). It returns the deepest level (see MaxDepth) and the full-name
// bytes (see MaxNameBytes), or the error at the first place past either.
//
// The scan knows TOML's lexical structure: strings of all four kinds,
// comments, keys (bare, quoted, dotted), [headers] and [[headers]],
// arrays and inline tables (with TOML 1.1's newlines, comments and
// trailing commas). It validates nothing else. On valid TOML it counts
// exactly what the parser builds; on invalid TOML it may count anything
// after the first syntax error, where the parser stops, so only a valid
// prefix matters and the scan's guess beyond it is harmless.
func scanTOML(text string) (deepest, names int, err *scanError) {
	s := &tomlScanner{text: text, deepest: 1, tables: newTableTree()}
	if strings.HasPrefix(text, "\uFEFF") {
		s.pos = 3 // package toml skips a byte order mark too
	}
	s.document()
	return s.deepest, s.names, s.err
}

// tomlScanner is the state of scanTOML. Levels and names are passed down
// as arguments: level is the depth of the table or array a key or value
// is in, name the byte length of that table's full name (0 at the root).
type tomlScanner struct {
	text    string
	pos     int
	deepest int
	names   int // full-name bytes so far, against MaxNameBytes
	err     *scanError
	tables  tableTree
}

// document scans top-level statements: headers, and key = value lines
// inside the table the last header opened.
func (s *tomlScanner) document() {
	level, name := 1, 0 // the root table
	for s.err == nil {
		s.skipBlank()
		if s.pos >= len(s.text) {
			return
		}
		if s.text[s.pos] == '[' {
			level, name = s.header()
		} else {
			valueLevel, valueName := s.dottedKey(level, name)
			s.expectEquals()
			s.value(valueLevel, valueName)
		}
		// Only blanks or a comment may follow on the line.
		s.skipLine()
	}
}

// header scans a [table] or [[array of tables]] header and returns the
// level and full-name length of the table it opens.
func (s *tomlScanner) header() (level, name int) {
	s.pos++ // '['
	array := s.peek() == '['
	if array {
		s.pos++
	}
	node, level, at := 0, 1, s.pos // the root
	for first := true; s.err == nil; first = false {
		s.skipSpace()
		if !first {
			if s.peek() != '.' {
				break
			}
			s.pos++
			s.skipSpace()
		}
		at = s.pos
		seg := s.keySegment()
		node = s.tables.child(node, keyName(seg))
		name += len(seg) + 1
		level++ // the table
		if s.tables.isArray(node) {
			level++ // an earlier [[header]] made it an array of tables
		}
		s.addName(name, at)
		s.open(level, at)
	}
	// The last segment of a [[header]] is an array of tables from now on;
	// this header opens a table in it, one level deeper.
	if array && !s.tables.isArray(node) {
		s.tables.markArray(node)
		level++
		s.open(level, at)
	}
	return level, name
}

// dottedKey scans a key, dotted or not, in a table at level whose full
// name is name bytes long. Each segment but the last is a table one level
// deeper. It returns the level of the table the key's value is in and the
// length of the key's full name.
func (s *tomlScanner) dottedKey(level, name int) (int, int) {
	at := s.pos
	for first := true; s.err == nil; first = false {
		s.skipSpace()
		if !first {
			if s.peek() != '.' {
				break
			}
			s.pos++
			s.skipSpace()
			level++ // the segment before the dot, at offset at, is a table
			s.open(level, at)
		}
		at = s.pos
		name += len(s.keySegment()) + 1
		s.addName(name, at)
	}
	return level, name
}

// value scans a value in a container at level; name is the full-name
// length of the key the value belongs to, which BurntSushi names again
// for every array and inline table. It recurses once per level, and the
// scan stops at the first level past MaxDepth, so the recursion is
// bounded too.
func (s *tomlScanner) value(level, name int) {
	s.skipSpace()
	switch s.peek() {
	case '"', '\'':
		s.skipString()
	case '[':
		s.container(level+1, name, ']', func() { s.value(level+1, name) })
	case '{':
		s.container(level+1, name, '}', func() {
			valueLevel, valueName := s.dottedKey(level+1, name)
			s.expectEquals()
			s.value(valueLevel, valueName)
		})
	default:
		s.skipScalar()
	}
}

// container scans an array or inline table opened at s.pos, at level:
// items separated by commas until end, with blanks and comments between
// them (TOML 1.1 allows those in inline tables too).
func (s *tomlScanner) container(level, name int, end byte, item func()) {
	s.open(level, s.pos)
	s.addName(name, s.pos)
	s.pos++
	for s.err == nil {
		s.skipBlank()
		start := s.pos
		switch c := s.peek(); {
		case s.pos >= len(s.text):
			return
		case c == end:
			s.pos++
			return
		case c == ',':
			s.pos++
		default:
			item()
		}
		if s.pos == start && s.err == nil {
			s.pos++ // not TOML (a ']' in a table, say): step over it
		}
	}
}

// expectEquals steps over the "=" between a key and its value. Without
// one the text is not TOML, and what follows does not matter.
func (s *tomlScanner) expectEquals() {
	s.skipSpace()
	if s.peek() == '=' {
		s.pos++
	}
}

// open records a table or array opened at level, refusing levels past
// MaxDepth at offset at.
func (s *tomlScanner) open(level, at int) {
	if s.err != nil {
		return
	}
	if level > MaxDepth {
		s.err = tooDeep(at)
		return
	}
	s.deepest = max(s.deepest, level)
}

// addName counts one full name of name bytes, found at offset at.
func (s *tomlScanner) addName(name, at int) {
	if s.err != nil {
		return
	}
	if s.names += name; s.names > MaxNameBytes {
		s.err = tooManyNames(at)
	}
}
