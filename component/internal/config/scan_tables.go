package config

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// tableTree remembers the tables TOML headers named, so that scanTOML
// knows when a header passes through an array of tables: after [[a]],
// [a.b] is root → a (an array) → a's last table → b, four levels, not
// three. Only headers can extend an array of tables, so only they are
// recorded. Node 0 is the root.
type tableTree struct {
	ids    map[tableKey]int
	arrays []bool // by node: named by a [[header]]
}

type tableKey struct {
	parent int
	name   string
}

func newTableTree() tableTree {
	return tableTree{ids: map[tableKey]int{}, arrays: []bool{false}}
}

// child returns the node for the table name under parent, adding it.
func (t *tableTree) child(parent int, name string) int {
	k := tableKey{parent, name}
	id, ok := t.ids[k]
	if !ok {
		id = len(t.arrays)
		t.ids[k] = id
		t.arrays = append(t.arrays, false)
	}
	return id
}

func (t *tableTree) isArray(node int) bool { return t.arrays[node] }
func (t *tableTree) markArray(node int)    { t.arrays[node] = true }

// keyName is the name a key segment stands for, so that a, "a", 'a' and
// "\x61" are the same table. A segment that is not a valid key is its own
// text: the parser refuses it anyway.
func keyName(seg string) string {
	if len(seg) < 2 || seg[0] != seg[len(seg)-1] {
		return seg
	}
	switch seg[0] {
	case '\'':
		return seg[1 : len(seg)-1]
	case '"':
		if name, ok := unescapeTOML(seg[1 : len(seg)-1]); ok {
			return name
		}
	}
	return seg
}

// tomlEscapes are TOML's one-letter escapes (TOML 1.1 adds \e).
var tomlEscapes = map[byte]string{
	'b': "\b", 't': "\t", 'n': "\n", 'f': "\f", 'r': "\r", 'e': "\x1b", '"': `"`, '\\': `\`,
}

// hexDigits are the escapes of a code point, and their number of digits.
var hexDigits = map[byte]int{'x': 2, 'u': 4, 'U': 8}

// unescapeTOML decodes the escapes of a one-line basic string's content:
// the one-letter ones, and \xHH, \uHHHH and \UHHHHHHHH code points.
func unescapeTOML(s string) (string, bool) {
	if !strings.Contains(s, `\`) {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) {
			return "", false
		}
		i++
		if e, ok := tomlEscapes[s[i]]; ok {
			b.WriteString(e)
			continue
		}
		digits := hexDigits[s[i]]
		if digits == 0 || i+1+digits > len(s) {
			return "", false
		}
		r, err := strconv.ParseUint(s[i+1:i+1+digits], 16, 32)
		if err != nil || !utf8.ValidRune(rune(r)) {
			return "", false
		}
		b.WriteRune(rune(r))
		i += digits
	}
	return b.String(), true
}
