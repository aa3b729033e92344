package jsonvalue

// TypeError is Members' error for JSON that is not an object. Its text is
// encoding/json's, which PyWorker's messages have carried since before
// this package.
type TypeError struct {
	Kind string // "array", "string", "number" or "bool"
}

// Error says what the JSON was instead of an object.
func (e *TypeError) Error() string {
	return "json: cannot unmarshal " + e.Kind + " into Go value of type map[string]json.RawMessage"
}

// Members reads text, one JSON object with whitespace around it, into its
// members: each key's value as the text it had (a duplicate key's last
// value wins), as encoding/json's Unmarshal into a
// map[string]json.RawMessage reads it. null is no members (a nil map).
// Syntax errors are Unmarshal's: the end of the text is judged as a space
// would be, and text after the object is "invalid character 'x' after
// top-level value".
func Members(text string) (map[string]string, error) {
	d := decoder{text: text}
	d.skipSpace()
	start := d.pos
	if _, err := d.value(); err != nil {
		return nil, err
	}
	if d.skipSpace(); d.pos < len(text) {
		return nil, d.syntax("after top-level value")
	}
	switch text[start] {
	case '{':
	case 'n':
		return nil, nil
	case '[':
		return nil, &TypeError{"array"}
	case '"':
		return nil, &TypeError{"string"}
	case 't', 'f':
		return nil, &TypeError{"bool"}
	default:
		return nil, &TypeError{"number"}
	}
	// The text is valid: read it again, keeping the members' text.
	d.pos = start + 1
	members := map[string]string{}
	for {
		if d.skipSpace(); d.text[d.pos] == '}' {
			return members, nil
		}
		key, _ := d.str(true)
		d.skipSpace()
		d.pos++ // the colon
		d.skipSpace()
		from := d.pos
		_, _ = d.value()
		members[key] = text[from:d.pos]
		if d.skipSpace(); d.text[d.pos] == ',' {
			d.pos++
		}
	}
}

// Unquote is the value of raw, a JSON value's text such as Members
// returns, when it is a string.
func Unquote(raw string) (s string, ok bool) {
	d := decoder{text: raw}
	if raw == "" || raw[0] != '"' {
		return "", false
	}
	s, err := d.str(true)
	return s, err == nil && d.pos == len(raw)
}
