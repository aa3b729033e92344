package config

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// The limits every config meets before a parser sees it. PyScript configs
// are a few hundred bytes and three or four levels deep; the limits leave
// ample room for those and cap what any input can cost at about what a
// plain config of MaxConfigBytes costs (116,000 one-line keys: 0.6 s
// natively, 3.5 s under V8, 17 s in the wazero host). A host that needs
// less lowers MaxConfigBytes.
//
// Why each is needed: BurntSushi/toml keeps every key's full dotted name
// and walks it from the root for every key, so its time and memory grow
// with depth × keys (2,000 nested inline tables, 12 KB of text, took 27 s
// and 2 GB in the Go host) and with name length × keys (a 100 KB table
// name over 5,000 keys: a minute and 1.9 GB). The guest's conversions and
// its JSON writer recurse once per level, and a wasm guest under V8 runs
// out of native stack near 10,000 levels, sooner in a worker.
//
// The limits are balanced so that no config they let through costs more
// than a plain one of MaxConfigBytes (see BenchmarkParseAtLimits).
const (
	// MaxConfigBytes is the largest config text, in bytes, that is parsed.
	MaxConfigBytes = 1 << 20

	// MaxDepth is how deeply tables and arrays may nest, counted as JSON
	// counts them: {"a": 1} is one level, {"a": [1]} two. In TOML the root
	// table is the first level; each table of a [header] or a dotted key,
	// each inline table and each array adds one, and a [[header]] adds two
	// (its array and the table in it), as does a header passing through an
	// array of tables. 100 keeps the guest's recursion, and so the stack
	// of every host, far from any limit (a 100-level config parses in a
	// Node worker given a 0.5 MB stack), and parse time at the limit at a
	// few milliseconds.
	MaxDepth = 100

	// MaxNameBytes bounds the full names of a TOML config's keys and
	// tables, added up: "[files]\n\"a.py\" = \"\"" names files (5 bytes and
	// a separator) and files."a.py" (12 and a separator). BurntSushi/toml
	// builds each full name, so this is the work it does beyond reading
	// the text. Plain configs name about their own size (a [files] table
	// of URLs about 1.2 times), so one that reaches this limit is near
	// MaxConfigBytes anyway; a long table name repeated for thousands of
	// keys, or deep dotted keys (which name every prefix), reach it from
	// far less text: 400 keys of 99 segments took as long as a plain
	// config of 1 MiB when this limit was four times higher.
	MaxNameBytes = MaxConfigBytes
)

// scanError is a config refused before parsing: what is wrong, and the
// byte offset where the scan found it.
type scanError struct {
	offset int
	msg    string
}

// checkLimits refuses text that is too large, is not UTF-8, or nests or
// names beyond the limits, before format's parser runs. The error is the
// detail of a "(PY1000): Invalid …" message.
func checkLimits(text string, format Format) error {
	if len(text) > MaxConfigBytes {
		return errors.New("the config is " + strconv.Itoa(len(text)) + " bytes; execctx limits a config to " +
			strconv.Itoa(MaxConfigBytes) + " bytes: keep large data in files the config lists, not in the config")
	}
	var err *scanError
	switch {
	case !utf8.ValidString(text):
		err = invalidUTF8(text)
	case format == FormatJSON:
		_, err = scanJSON(text)
	default:
		_, _, err = scanTOML(text)
	}
	if err != nil {
		return errors.New(position(text, err.offset) + err.msg)
	}
	return nil
}

// invalidUTF8 reports the first byte of text that is not UTF-8. The JSON
// parser would silently turn it into U+FFFD; a config is text, so it is
// an error.
func invalidUTF8(text string) *scanError {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			const hex = "0123456789abcdef"
			b := text[i]
			return &scanError{i, "invalid UTF-8 byte 0x" + string([]byte{hex[b>>4], hex[b&15]}) + "; a config must be UTF-8 text"}
		}
		i += size
	}
	return nil
}

// tooDeep is the error for a table or array opened at level > MaxDepth.
func tooDeep(offset int) *scanError {
	depth := strconv.Itoa(MaxDepth)
	return &scanError{offset, "nesting deeper than " + depth + " levels; execctx limits a config to " + depth + " levels"}
}

// tooManyNames is the error when the full names pass MaxNameBytes.
func tooManyNames(offset int) *scanError {
	limit := strconv.Itoa(MaxNameBytes)
	return &scanError{offset, "the full names of the config's keys and tables (such as a.b.c) add up to " +
		"more than " + limit + " bytes; execctx limits them to " + limit + " bytes: shorten long table names and deep dotted keys"}
}

// scanJSON returns the deepest nesting of the JSON text, or the error at
// the first bracket past MaxDepth. It only tells strings from the rest;
// text that is not JSON is left to the parser, which stops at the
// first syntax error, so what comes after that never matters.
func scanJSON(text string) (deepest int, err *scanError) {
	depth := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '"':
			for i++; i < len(text) && text[i] != '"'; i++ {
				if text[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			if depth++; depth > MaxDepth {
				return deepest, tooDeep(i)
			}
			deepest = max(deepest, depth)
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return deepest, nil
}
