package toml

import "strings"

// TOML's table rules. Every table the text names gets a *table beside its
// map in the result, remembering how it was defined, so that each rule
// is one check where a header or a dotted key reaches the table:
//
//   - [a.b.c] makes a and a.b implicitly; a later [a] or [a.b] may still
//     define them, once. A table is defined once: by its header, by the
//     dotted keys of one section (fruit.apple.color = ... defines
//     fruit.apple), or as an inline table, which is complete as written.
//   - Dotted keys may reach into tables they define, and into implicit
//     ones, but not into a table defined by a header, an inline table or
//     an array of tables. A header may reach through any table but an
//     inline one, into the last table of an array of tables.
//   - A key is given once: as a value, or as a table, not both.
//
// Arrays written as values ([1, 2], [{a = 1}]) and inline tables are
// values: nothing outside them may add to them.

// kind is how a table came to be.
type kind uint8

const (
	kindImplicit kind = iota // a parent of a [header]'s table, not yet defined
	kindHeader               // defined by a [header]; also the root, a [[header]]'s tables and an inline table's own scope
	kindDotted               // defined by dotted keys
	kindArray                // an array of tables, made by [[header]]s
)

// table is a table of the result and how it was defined. For an array of
// tables, vals is nil: the array is in its parent's vals, and last is the
// table a header or key reaches through it.
type table struct {
	kind kind
	at   int // offset of the key segment that made or defined it
	vals map[string]any
	subs map[string]*table // the tables and arrays of tables among vals
	last *table            // kindArray: its last table
}

// add makes the table name in t, of kind k, named at offset at.
func (t *table) add(name string, k kind, at int) *table {
	c := &table{kind: k, at: at, vals: map[string]any{}}
	if t.subs == nil {
		t.subs = map[string]*table{}
	}
	t.subs[name] = c
	t.vals[name] = c.vals
	return c
}

// header reads a [table] or [[array of tables]] header and returns the
// table that the key = value lines after it fill.
func (p *parser) header() *table {
	p.pos++ // '['
	array := p.peek() == '['
	if array {
		p.pos++
	}
	parts := p.key()
	p.path = p.path[:0]
	for _, k := range parts {
		p.path = append(p.path, k.name)
	}
	open, closing := "[", "]"
	if array {
		open, closing = "[[", "]]"
	}
	if !strings.HasPrefix(p.text[p.pos:], closing) {
		if array && p.peek() == ']' {
			p.pos++ // "[[a] ]": point at what follows the first ']'
		}
		p.failf(p.pos, "expected '"+closing+"' to close the header "+open+dotted(p.path)+closing+", found "+p.found(p.pos))
	}
	p.pos += len(closing)
	t := p.root
	for i, k := range parts[:len(parts)-1] {
		t = p.throughHeader(t, k, p.path[:i+1])
	}
	last := parts[len(parts)-1]
	if array {
		return p.appendTable(t, last)
	}
	return p.defineTable(t, last)
}

// throughHeader returns the table name in t that a header passes through
// on its way to the table it defines, making it if need be.
func (p *parser) throughHeader(t *table, k keyPart, name []string) *table {
	if c := t.subs[k.name]; c != nil {
		if c.kind == kindArray {
			return c.last
		}
		return c
	}
	if v, ok := t.vals[k.name]; ok {
		p.notATable(k.at, name, v)
	}
	return t.add(k.name, kindImplicit, k.at)
}

// defineTable defines the table of a [header], k in t.
func (p *parser) defineTable(t *table, k keyPart) *table {
	name := "[" + dotted(p.path) + "]"
	c := t.subs[k.name]
	switch {
	case c == nil:
		if v, ok := t.vals[k.name]; ok {
			p.notATable(k.at, p.path, v)
		}
		return t.add(k.name, kindHeader, k.at)
	case c.kind == kindImplicit:
		c.kind, c.at = kindHeader, k.at
		return c
	case c.kind == kindHeader:
		p.failf(k.at, "table "+name+" is defined twice (first"+p.lineOf(c.at)+"): put all its keys under one "+name+" header")
	case c.kind == kindDotted:
		p.failf(k.at, "table "+name+" was already defined by dotted keys"+p.lineOf(c.at)+
			", and TOML does not let a header define it again: write all its keys under "+name+", or all as dotted keys")
	}
	p.failf(k.at, dotted(p.path)+" is an array of tables (see [["+dotted(p.path)+"]]"+p.lineOf(c.at)+
		"), not a table: write [["+dotted(p.path)+"]] to add a table to it")
	return nil
}

// appendTable adds a table to the array of tables of a [[header]], k in
// t, making the array on the first such header.
func (p *parser) appendTable(t *table, k keyPart) *table {
	elem := &table{kind: kindHeader, at: k.at, vals: map[string]any{}}
	c := t.subs[k.name]
	switch {
	case c == nil:
		if v, ok := t.vals[k.name]; ok {
			if _, isArray := v.([]any); isArray {
				p.failf(k.at, "[["+dotted(p.path)+"]] cannot add to "+dotted(p.path)+", an array written as a value: "+
					"write all its tables as [["+dotted(p.path)+"]] headers, or all inside its brackets")
			}
			p.notATable(k.at, p.path, v)
		}
		if t.subs == nil {
			t.subs = map[string]*table{}
		}
		t.subs[k.name] = &table{kind: kindArray, at: k.at, last: elem}
		t.vals[k.name] = []any{elem.vals}
		return elem
	case c.kind == kindArray:
		c.last = elem
		t.vals[k.name] = append(t.vals[k.name].([]any), elem.vals)
		return elem
	}
	p.failf(k.at, dotted(p.path)+" is already a table (see line "+p.lineNumber(c.at)+
		"), so [["+dotted(p.path)+"]] cannot make it an array of tables")
	return nil
}

// keyValue reads a key = value pair into t, the table of the current
// section or an inline table, at nesting depth.
func (p *parser) keyValue(t *table, depth int) {
	parts := p.key()
	base := len(p.path)
	for _, k := range parts[:len(parts)-1] {
		p.path = append(p.path, k.name)
		t = p.throughDotted(t, k)
	}
	last := parts[len(parts)-1] // copied: the value's own keys reuse parts
	p.path = append(p.path, last.name)
	if _, ok := t.vals[last.name]; ok {
		p.duplicate(t, last)
	}
	if p.peek() != '=' {
		p.failf(p.pos, "expected '=' after the key "+dotted(p.path[base:])+", found "+p.found(p.pos)+
			": write key = value, and quote a key that has spaces or other characters")
	}
	p.pos++
	p.skipSpace()
	p.inValue++
	v := p.value(depth)
	p.inValue--
	t.vals[last.name] = v
	p.path = p.path[:base]
}

// throughDotted returns the table k in t that a dotted key passes
// through, making it if need be.
func (p *parser) throughDotted(t *table, k keyPart) *table {
	c := t.subs[k.name]
	switch {
	case c == nil:
		if v, ok := t.vals[k.name]; ok {
			p.notATable(k.at, p.path, v)
		}
		return t.add(k.name, kindDotted, k.at)
	case c.kind == kindImplicit:
		c.kind, c.at = kindDotted, k.at
		return c
	case c.kind == kindDotted:
		return c
	case c.kind == kindHeader:
		p.failf(k.at, "table ["+dotted(p.path)+"] is defined by its header"+p.lineOf(c.at)+
			", so dotted keys cannot add to it from here: write the key under ["+dotted(p.path)+"]")
	}
	p.failf(k.at, dotted(p.path)+" is an array of tables (see [["+dotted(p.path)+"]]"+p.lineOf(c.at)+
		"), so a dotted key cannot add to it: write the key under a [["+dotted(p.path)+"]] header")
	return nil
}

// duplicate fails on the key k, which t already has.
func (p *parser) duplicate(t *table, k keyPart) {
	name := dotted(p.path)
	if c := t.subs[k.name]; c != nil {
		what := "a table"
		if c.kind == kindArray {
			what = "an array of tables"
		}
		p.failf(k.at, name+" is already "+what+" (see line "+p.lineNumber(c.at)+
			"), so it cannot also be given a value")
	}
	p.failf(k.at, "the key "+name+" is defined twice: a key can be given only once, so remove one of them")
}

// notATable fails because the key name, a value v, is used as a table.
func (p *parser) notATable(at int, name []string, v any) {
	n := dotted(name)
	switch v.(type) {
	case map[string]any:
		p.failf(at, n+" is an inline table, which is complete as written: add keys to it inside its braces")
	case []any:
		p.failf(at, n+" is an array, not a table: its items are written inside its brackets")
	}
	p.failf(at, n+" is already a value, not a table: a key cannot be both a value and a table")
}
