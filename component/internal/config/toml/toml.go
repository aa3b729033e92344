// Package toml parses TOML 1.1 straight into the values JSON.parse would
// give: map[string]any, []any, string, float64, bool and nil.
//
// It exists to keep the guest small. github.com/BurntSushi/toml, which
// the guest used before, decodes through reflect and time (227 KB of
// code of its own, and it pulls in most of reflect's 151 KB and time's
// 140 KB), and its output then had to be converted value by value. This
// parser uses neither reflect, time, fmt nor encoding/json, and builds
// the config's value model directly:
//
//   - integers become float64, as JSON.parse reads numbers (beyond 2^53
//     they round); nan and ±inf become nil, which is what JSON.stringify
//     makes of them;
//   - an offset date-time becomes the text JSON.stringify gives for a JS
//     Date: UTC, milliseconds, truncated ("1979-05-27T07:32:00.000Z");
//     local date-times, dates and times stay TOML text, seconds filled in
//     ("1979-05-27T07:32:00", "1979-05-27", "07:32:00.5").
//
// It accepts TOML 1.1 as BurntSushi/toml v1.6.0 reads it (multi-line
// inline tables with trailing commas, \xHH and \e, times without
// seconds), and keeps the rules BurntSushi lets slip: a table is defined
// once, dotted keys cannot reach into a [table] or an inline table, a
// key is not both a value and a table (BurntSushi/toml#451), an offset is
// at most 23:59. The differential tests of package config list every
// difference between the two, and why.
//
// Parsing is one pass, linear in the text. Only arrays and inline tables
// recurse, at most MaxNesting levels; tables and dotted keys are walked
// iteratively.
package toml

import "strings"

// MaxNesting is how deeply arrays and inline tables may nest inside one
// value. Package config refuses deep texts before they get here (its
// MaxDepth counts tables too, so it is always the lower bound); this one
// only keeps the recursion bounded for any caller.
const MaxNesting = 128

// Parse parses text, a TOML document, into its root table. A leading
// UTF-8 byte order mark is skipped. The error is an *Error.
func Parse(text string) (root map[string]any, err error) {
	p := &parser{text: text}
	if strings.HasPrefix(text, "\uFEFF") {
		p.pos = 3
	}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			root, err = nil, e
		}
	}()
	p.document()
	return p.root.vals, nil
}

// parser is the state of one Parse. Errors are panics of *Error, caught
// by Parse, so that the recursive descent reads as the grammar does.
type parser struct {
	text string
	pos  int
	root *table
	// path is the full name of what is being parsed, for messages: the
	// current [header]'s segments, then the segments of the key whose
	// value is being read (and of keys in inline tables inside it).
	path []string
	// inValue is how many values are being read, so that errors inside
	// one name its key.
	inValue int
	keyBuf  []keyPart // reused by key
}

// document reads the statements of the text: [headers], [[headers]] and
// key = value lines, each ending its line.
func (p *parser) document() {
	p.root = &table{kind: kindHeader, vals: map[string]any{}}
	current := p.root
	for {
		p.skipBlank()
		if p.pos >= len(p.text) {
			return
		}
		if p.text[p.pos] == '[' {
			current = p.header()
		} else {
			p.keyValue(current, 0)
		}
		p.endOfLine()
	}
}

// endOfLine steps over what may follow a statement on its line: spaces,
// a comment, and the newline (or the end of the text).
func (p *parser) endOfLine() {
	p.skipSpace()
	switch p.peek() {
	case 0:
		if p.pos >= len(p.text) {
			return
		}
	case '#':
		p.comment()
		return
	case '\n', '\r':
		p.newline()
		return
	}
	p.failf(p.pos, "expected the end of the line, found "+p.found(p.pos)+
		": each key = value pair and each [table] header goes on a line of its own")
}

// peek returns the byte at p.pos, or 0 at the end of the text.
func (p *parser) peek() byte {
	if p.pos < len(p.text) {
		return p.text[p.pos]
	}
	return 0
}

// peekAt returns the byte at offset i, or 0 past the end of the text.
func (p *parser) peekAt(i int) byte {
	if i < len(p.text) {
		return p.text[i]
	}
	return 0
}
