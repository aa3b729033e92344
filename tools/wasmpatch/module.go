package main

import (
	"bytes"
	"fmt"
)

// Section ids of the core wasm binary format.
const (
	secType      = 1
	secImport    = 2
	secFunc      = 3
	secGlobal    = 6
	secExport    = 7
	secCode      = 10
	secData      = 11
	secDataCount = 12
)

var header = []byte{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}

// section is one section of a module: its id and raw contents.
type section struct {
	id   byte
	body []byte
}

// parseModule splits a core module into its sections.
func parseModule(b []byte) ([]section, error) {
	if !bytes.HasPrefix(b, header) {
		return nil, fmt.Errorf("not a core wasm module (version 1)")
	}
	var secs []section
	for p := len(header); p < len(b); {
		id := b[p]
		size, n, err := readU32(b[p+1:])
		if err != nil {
			return nil, fmt.Errorf("section at %d: %w", p, err)
		}
		start := p + 1 + n
		end := start + int(size)
		if end > len(b) {
			return nil, fmt.Errorf("section %d at %d runs past the end", id, p)
		}
		secs = append(secs, section{id: id, body: b[start:end]})
		p = end
	}
	return secs, nil
}

// encodeModule joins sections back into a module.
func encodeModule(secs []section) []byte {
	out := append([]byte(nil), header...)
	for _, s := range secs {
		out = append(out, s.id)
		out = appendU32(out, uint32(len(s.body)))
		out = append(out, s.body...)
	}
	return out
}

// find returns the index of the section with id, or -1.
func find(secs []section, id byte) int {
	for i, s := range secs {
		if s.id == id {
			return i
		}
	}
	return -1
}

// vecCount reads the element count that starts a vector section.
func vecCount(body []byte) (uint32, int, error) {
	if len(body) == 0 {
		return 0, 0, nil
	}
	return readU32(body)
}

// appendToVec returns a vector section body with one more element.
func appendToVec(body []byte, elem []byte) ([]byte, uint32, error) {
	count, n, err := vecCount(body)
	if err != nil {
		return nil, 0, err
	}
	out := appendU32(nil, count+1)
	out = append(out, body[n:]...)
	return append(out, elem...), count, nil
}

// importCounts returns how many functions and globals the module imports;
// they come first in the function and global index spaces.
func importCounts(secs []section) (funcs, globals uint32, err error) {
	i := find(secs, secImport)
	if i < 0 {
		return 0, 0, nil
	}
	b := secs[i].body
	count, p, err := readU32(b)
	if err != nil {
		return 0, 0, err
	}
	for range count {
		for range 2 { // module name, field name
			l, n, err := readU32(b[p:])
			if err != nil {
				return 0, 0, err
			}
			p += n + int(l)
		}
		if p >= len(b) {
			return 0, 0, errTruncated
		}
		kind := b[p]
		p++
		switch kind {
		case 0x00: // func: type index
			funcs++
			_, n, err := readU32(b[p:])
			if err != nil {
				return 0, 0, err
			}
			p += n
		case 0x01: // table: reftype, limits
			p++
			p, err = skipLimits(b, p)
		case 0x02: // memory: limits
			p, err = skipLimits(b, p)
		case 0x03: // global: valtype, mutability
			globals++
			p += 2
		default:
			return 0, 0, fmt.Errorf("unknown import kind %#x", kind)
		}
		if err != nil {
			return 0, 0, err
		}
	}
	return funcs, globals, nil
}

func skipLimits(b []byte, p int) (int, error) {
	if p >= len(b) {
		return p, errTruncated
	}
	flags := b[p]
	p++
	for k := 0; k < 1+int(flags&1); k++ {
		_, n, err := readU32(b[p:])
		if err != nil {
			return p, err
		}
		p += n
	}
	return p, nil
}
