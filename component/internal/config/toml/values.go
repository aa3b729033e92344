package toml

import (
	"strconv"
	"strings"
)

// value reads the value at p.pos, inside depth levels of arrays and
// inline tables.
func (p *parser) value(depth int) any {
	rest := p.text[p.pos:]
	switch p.peek() {
	case '"':
		if strings.HasPrefix(rest, `"""`) {
			return p.multiLineString('"')
		}
		return p.basicString()
	case '\'':
		if strings.HasPrefix(rest, "'''") {
			return p.multiLineString('\'')
		}
		return p.literalString()
	case '[':
		return p.array(depth + 1)
	case '{':
		return p.inlineTable(depth + 1)
	}
	return p.scalar()
}

// nest refuses an array or inline table at depth past MaxNesting.
func (p *parser) nest(depth int) {
	if depth > MaxNesting {
		p.failf(p.pos, "arrays and inline tables nest deeper than "+strconv.Itoa(MaxNesting)+" levels")
	}
}

// unclosed fails on the array or inline table opened at open.
func (p *parser) unclosed(open int, what, closing string) {
	p.failf(open, "the "+what+" that starts here is not closed: end it with '"+closing+"'")
}

// array reads an array: values separated by commas, a trailing comma
// allowed, with newlines and comments anywhere between them.
func (p *parser) array(depth int) []any {
	p.nest(depth)
	open := p.pos
	p.pos++
	items := []any{} // not nil: an empty array is [], not null
	for {
		p.skipBlank()
		switch {
		case p.pos >= len(p.text):
			p.unclosed(open, "array", "]")
		case p.text[p.pos] == ']':
			p.pos++
			return items
		case p.text[p.pos] == ',':
			p.failf(p.pos, "a value is missing before ','")
		}
		items = append(items, p.value(depth))
		p.skipBlank()
		switch {
		case p.pos >= len(p.text):
			p.unclosed(open, "array", "]")
		case p.text[p.pos] == ',':
			p.pos++
		case p.text[p.pos] == ']':
			p.pos++
			return items
		default:
			p.failf(p.pos, "expected ',' or ']' after an item of the array, found "+p.found(p.pos))
		}
	}
}

// inlineTable reads an inline table: key = value pairs separated by
// commas. TOML 1.1 allows newlines and comments between them, and a
// trailing comma; a newline does not separate two pairs.
func (p *parser) inlineTable(depth int) map[string]any {
	p.nest(depth)
	open := p.pos
	p.pos++
	t := &table{kind: kindHeader, vals: map[string]any{}}
	for {
		p.skipBlank()
		switch {
		case p.pos >= len(p.text):
			p.unclosed(open, "inline table", "}")
		case p.text[p.pos] == '}':
			p.pos++
			return t.vals
		case p.text[p.pos] == ',':
			p.failf(p.pos, "a key = value pair is missing before ','")
		}
		p.keyValue(t, depth)
		p.skipBlank()
		switch {
		case p.pos >= len(p.text):
			p.unclosed(open, "inline table", "}")
		case p.text[p.pos] == ',':
			p.pos++
		case p.text[p.pos] == '}':
			p.pos++
			return t.vals
		default:
			p.failf(p.pos, "expected ',' or '}' after a key = value pair of the inline table, found "+p.found(p.pos))
		}
	}
}

// isWordByte reports whether c can be part of a number, boolean or
// date-time (a date-time's space excepted).
func isWordByte(c byte) bool {
	return isBareKeyByte(c) || c == '+' || c == '.' || c == ':'
}

// scalar reads a boolean, number, date or time.
func (p *parser) scalar() any {
	start := p.pos
	end := start
	for end < len(p.text) && isWordByte(p.text[end]) {
		end++
	}
	word := p.text[start:end]
	if word == "" {
		p.failf(start, "expected a value, found "+p.found(start))
	}
	if looksLikeDateTime(word) {
		return p.dateTime(start)
	}
	p.pos = end
	switch word {
	case "true":
		return true
	case "false":
		return false
	case "inf", "+inf", "-inf", "nan", "+nan", "-nan":
		return nil // JSON has no NaN or Infinity: JSON.stringify writes null
	}
	if word[0] == '.' {
		p.badNumber(word, start, "a decimal point needs digits on both sides, as in 0.5")
	}
	if c := word[0]; c != '+' && c != '-' && !isDigit(c) {
		p.failf(start, "expected a value, found "+word+`: write a string in quotes ("`+word+
			`"); true, false, inf and nan are lower-case`)
	}
	return p.number(word, start)
}

// looksLikeDateTime reports whether word starts a date or a time: a
// digit, and a ':' or a '-' after a digit (1e-5 is a number).
func looksLikeDateTime(word string) bool {
	if !isDigit(word[0]) {
		return false
	}
	for i := 1; i < len(word); i++ {
		if word[i] == ':' || word[i] == '-' && isDigit(word[i-1]) {
			return true
		}
	}
	return false
}
