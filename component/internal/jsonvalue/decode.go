// Package jsonvalue reads and writes JSON over the component's own value
// model: map[string]any, []any, string, float64, bool and nil. It replaces
// encoding/json in the guest, whose reflection (and fmt, which it pulls
// in) cost about 400 KB of the core module for three calls.
//
// It behaves as encoding/json did where the component used it, byte for
// byte, because the messages and the JSON text it produces reach pages
// and are compared by the tests:
//
//   - Decode is json.Decoder with UseNumber, decoding one value into an
//     any; numbers become float64 as JSON.parse reads them.
//   - Members is json.Unmarshal into a map[string]json.RawMessage.
//   - Append is json.Encoder with SetEscapeHTML(false).
//
// Syntax errors carry encoding/json's texts ("invalid character '}'
// looking for beginning of value") and the offset of the byte at fault.
// The tests in this package check all three against encoding/json on
// fuzzed input.
package jsonvalue

import (
	"math"
	"strconv"
)

// maxDepth is how deeply encoding/json lets values nest. The parser does
// not recurse, so the limit only keeps its messages; config refuses much
// less deep text before it parses.
const maxDepth = 10000

// SyntaxError is text that is not JSON: Msg is encoding/json's text, and
// Offset the byte at fault, or the text's length when it ended too soon.
type SyntaxError struct {
	Msg    string
	Offset int
}

// Error is encoding/json's text, without the offset.
func (e *SyntaxError) Error() string { return e.Msg }

// endOfInput is encoding/json's text for JSON that ends inside a value.
const endOfInput = "unexpected end of JSON input"

// Decode reads the JSON value at the start of text (after whitespace) and
// returns it with the offset just past it; what follows it is the
// caller's business. Objects come out as map[string]any (a duplicate key's
// last value wins, as in JSON.parse), arrays as []any, never nil. A
// number beyond float64's range, which JSON.parse reads as Infinity, comes
// out as nil: the value model is what JSON can carry, and
// JSON.stringify writes Infinity as null. Unpaired surrogate escapes and
// bytes that are not UTF-8 become U+FFFD. Text that ends inside a value
// is an "unexpected end of JSON input" at len(text).
func Decode(text string) (v any, end int, err error) {
	d := decoder{text: text, build: true}
	if v, err = d.value(); err != nil {
		if se := err.(*SyntaxError); se.Offset == len(text) {
			se.Msg = endOfInput // the Decoder does not say what the end broke
		}
		return nil, 0, err
	}
	return v, d.pos, nil
}

// decoder reads JSON text from pos on. With build false it only checks
// the syntax and skips values.
type decoder struct {
	text  string
	pos   int
	build bool
}

// container is an object or array the decoder is inside.
type container struct {
	object bool
	obj    map[string]any
	arr    []any
	key    string // the member whose value comes next
}

func (c *container) add(v any) {
	if c.object {
		c.obj[c.key] = v
	} else {
		c.arr = append(c.arr, v)
	}
}

func (c *container) value() any {
	if c.object {
		return c.obj
	}
	return c.arr
}

// value reads one value. It keeps the containers it is inside on a slice
// rather than recursing, so that nesting costs heap, not the wasm stack,
// which V8 keeps small in workers.
func (d *decoder) value() (any, error) {
	var open []container
	for {
		v, c, opened, err := d.begin(len(open))
		if err != nil {
			return nil, err
		}
		if opened {
			open = append(open, c)
			continue
		}
		// A value ended: it goes into the innermost container, and each
		// container that closes here is a value of the one around it.
		for {
			if len(open) == 0 {
				return v, nil
			}
			c := &open[len(open)-1]
			if d.build {
				c.add(v)
			}
			more, err := d.next(c)
			if err != nil {
				return nil, err
			}
			if more {
				break
			}
			v = c.value()
			open = open[:len(open)-1]
		}
	}
}

// begin reads the start of a value at nesting depth. A scalar or an empty
// container is read whole and returned as v; otherwise c is the container
// opened, and the decoder is at its first value.
func (d *decoder) begin(depth int) (v any, c container, opened bool, err error) {
	d.skipSpace()
	if d.pos == len(d.text) {
		return nil, c, false, d.eof()
	}
	switch ch := d.text[d.pos]; {
	case ch == '{' || ch == '[':
		return d.open(depth)
	case ch == '"':
		v, err = d.str(d.build)
	case ch == 't':
		v, err = true, d.literal("true")
	case ch == 'f':
		v, err = false, d.literal("false")
	case ch == 'n':
		err = d.literal("null")
	case ch == '-' || '0' <= ch && ch <= '9':
		v, err = d.number()
	default:
		err = d.syntax("looking for beginning of value")
	}
	return v, c, false, err
}

// open reads "{" or "[" and what follows it up to the first value.
func (d *decoder) open(depth int) (v any, c container, opened bool, err error) {
	if depth >= maxDepth {
		return nil, c, false, d.syntax("exceeded max depth")
	}
	c.object = d.text[d.pos] == '{'
	if d.build {
		if c.object {
			c.obj = map[string]any{}
		} else {
			c.arr = []any{}
		}
	}
	d.pos++
	d.skipSpace()
	closer := byte(']')
	if c.object {
		closer = '}'
	}
	if d.pos < len(d.text) && d.text[d.pos] == closer {
		d.pos++
		return c.value(), c, false, nil
	}
	if c.object {
		if err := d.key(&c); err != nil {
			return nil, c, false, err
		}
	}
	return nil, c, true, nil
}

// next reads what follows a value in c: a comma (and the next key), or
// c's end. more is false when c ended.
func (d *decoder) next(c *container) (more bool, err error) {
	d.skipSpace()
	if d.pos == len(d.text) {
		return false, d.eof()
	}
	switch ch := d.text[d.pos]; {
	case ch == ',':
		d.pos++
		if c.object {
			return true, d.key(c)
		}
		return true, nil
	case ch == '}' && c.object, ch == ']' && !c.object:
		d.pos++
		return false, nil
	case c.object:
		return false, d.syntax("after object key:value pair")
	}
	return false, d.syntax("after array element")
}

// key reads an object key and its colon into c.
func (d *decoder) key(c *container) error {
	d.skipSpace()
	if d.pos == len(d.text) {
		return d.eof()
	}
	if d.text[d.pos] != '"' {
		return d.syntax("looking for beginning of object key string")
	}
	k, err := d.str(d.build)
	if err != nil {
		return err
	}
	c.key = k
	d.skipSpace()
	if d.pos == len(d.text) {
		return d.eof()
	}
	if d.text[d.pos] != ':' {
		return d.syntax("after object key")
	}
	d.pos++
	return nil
}

// number reads a number as JSON's grammar has it. It stops at the first
// byte the grammar does not continue with, which the caller judges.
func (d *decoder) number() (any, error) {
	start := d.pos
	if d.text[d.pos] == '-' {
		d.pos++
		if !d.digitHere() {
			return nil, d.syntax("in numeric literal")
		}
	}
	if d.text[d.pos] == '0' {
		d.pos++
	} else {
		d.digits()
	}
	if d.pos < len(d.text) && d.text[d.pos] == '.' {
		d.pos++
		if !d.digitHere() {
			return nil, d.syntax("after decimal point in numeric literal")
		}
		d.digits()
	}
	if d.pos < len(d.text) && (d.text[d.pos] == 'e' || d.text[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.text) && (d.text[d.pos] == '+' || d.text[d.pos] == '-') {
			d.pos++
		}
		if !d.digitHere() {
			return nil, d.syntax("in exponent of numeric literal")
		}
		d.digits()
	}
	if !d.build {
		return nil, nil
	}
	f, _ := strconv.ParseFloat(d.text[start:d.pos], 64) // ±Inf past the range
	if math.IsInf(f, 0) {
		return nil, nil
	}
	return f, nil
}

func (d *decoder) digitHere() bool {
	return d.pos < len(d.text) && '0' <= d.text[d.pos] && d.text[d.pos] <= '9'
}

func (d *decoder) digits() {
	for d.digitHere() {
		d.pos++
	}
}

// literal reads true, false or null; the first byte is already known.
func (d *decoder) literal(word string) error {
	d.pos++
	for i := 1; i < len(word); i++ {
		if d.pos == len(d.text) || d.text[d.pos] != word[i] {
			return d.syntax("in literal " + word + " (expecting " + quoteChar(word[i]) + ")")
		}
		d.pos++
	}
	return nil
}

// skipSpace skips JSON's four whitespace bytes.
func (d *decoder) skipSpace() {
	for d.pos < len(d.text) {
		switch d.text[d.pos] {
		case ' ', '\t', '\r', '\n':
			d.pos++
		default:
			return
		}
	}
}

// syntax is encoding/json's error for the byte at pos. At the end of the
// text the byte is a space, as encoding/json's Unmarshal judges the end:
// "[1." says "invalid character ' ' after decimal point in numeric
// literal".
func (d *decoder) syntax(context string) error {
	c := byte(' ')
	if d.pos < len(d.text) {
		c = d.text[d.pos]
	}
	return &SyntaxError{Msg: "invalid character " + quoteChar(c) + " " + context, Offset: d.pos}
}

// eof is the error for text that ends where whitespace could go on.
func (d *decoder) eof() error {
	return &SyntaxError{Msg: endOfInput, Offset: len(d.text)}
}

// quoteChar quotes c as encoding/json's messages do: as the rune c (so a
// byte of a UTF-8 sequence shows as a Latin-1 letter), between single
// quotes.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}
