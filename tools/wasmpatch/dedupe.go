package main

import (
	"fmt"
)

// Go's linker imports wasi_snapshot_preview1.fd_write twice (once for the
// runtime, once for package syscall) and wit-component refuses a module
// with duplicate imports. dedupeImports removes the second of each
// identical function import and renumbers every function reference: calls
// and ref.func in code, element segments, exports and the start function.

const (
	secCustom = 0
	secStart  = 8
	secElem   = 9
)

// funcImport is one function import's identity.
type funcImport struct {
	module, name string
	typeIdx      uint32
}

// dedupeImports returns the module without duplicate function imports.
func dedupeImports(secs []section) ([]section, error) {
	i := find(secs, secImport)
	if i < 0 {
		return secs, nil
	}
	body, remap, err := dropDuplicates(secs[i].body)
	if err != nil || remap == nil {
		return secs, err
	}
	secs[i].body = body
	out := secs[:0:0]
	for _, s := range secs {
		var err error
		switch s.id {
		case secCode:
			s.body, err = remapCode(s.body, remap)
		case secElem:
			s.body, err = remapElems(s.body, remap)
		case secExport:
			s.body, err = remapExports(s.body, remap)
		case secStart:
			s.body, err = remapIndex(s.body, remap)
		case secCustom:
			if customName(s.body) == "name" {
				continue // function names would be off by one; they are debug data
			}
		}
		if err != nil {
			return nil, fmt.Errorf("renumbering section %d: %w", s.id, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// dropDuplicates rewrites the import section and returns old → new
// function indices, or a nil remap when nothing is duplicated.
func dropDuplicates(b []byte) ([]byte, func(uint32) uint32, error) {
	count, p, err := readU32(b)
	if err != nil {
		return nil, nil, err
	}
	var entries [][]byte
	seen := map[funcImport]uint32{}
	var newIndex []uint32 // per old function import index
	var kept uint32
	for range count {
		start := p
		imp, kind, next, err := readImport(b, p)
		if err != nil {
			return nil, nil, err
		}
		p = next
		if kind != 0x00 {
			entries = append(entries, b[start:p])
			continue
		}
		if first, dup := seen[imp]; dup {
			newIndex = append(newIndex, first)
			continue
		}
		seen[imp] = kept
		newIndex = append(newIndex, kept)
		kept++
		entries = append(entries, b[start:p])
	}
	removed := uint32(len(newIndex)) - kept
	if removed == 0 {
		return b, nil, nil
	}
	out := appendU32(nil, uint32(len(entries)))
	for _, e := range entries {
		out = append(out, e...)
	}
	remap := func(old uint32) uint32 {
		if old < uint32(len(newIndex)) {
			return newIndex[old]
		}
		return old - removed
	}
	return out, remap, nil
}

// readImport reads the import entry at p: for functions, its identity.
func readImport(b []byte, p int) (imp funcImport, kind byte, next int, err error) {
	names := make([]string, 2)
	for k := range names {
		l, n, err := readU32(b[p:])
		if err != nil || p+n+int(l) > len(b) {
			return imp, 0, p, errTruncated
		}
		names[k] = string(b[p+n : p+n+int(l)])
		p += n + int(l)
	}
	if p >= len(b) {
		return imp, 0, p, errTruncated
	}
	kind = b[p]
	p++
	switch kind {
	case 0x00:
		t, n, err := readU32(b[p:])
		return funcImport{names[0], names[1], t}, kind, p + n, err
	case 0x01:
		next, err = skipLimits(b, p+1)
	case 0x02:
		next, err = skipLimits(b, p)
	case 0x03:
		next = p + 2
	default:
		err = fmt.Errorf("unknown import kind %#x", kind)
	}
	return imp, kind, next, err
}

func customName(b []byte) string {
	l, n, err := readU32(b)
	if err != nil || n+int(l) > len(b) {
		return ""
	}
	return string(b[n : n+int(l)])
}

// remapIndex rewrites a section that is a single function index (start).
func remapIndex(b []byte, remap func(uint32) uint32) ([]byte, error) {
	idx, _, err := readU32(b)
	return appendU32(nil, remap(idx)), err
}

func remapExports(b []byte, remap func(uint32) uint32) ([]byte, error) {
	count, p, err := readU32(b)
	if err != nil {
		return nil, err
	}
	out := appendU32(nil, count)
	for range count {
		l, n, err := readU32(b[p:])
		if err != nil || p+n+int(l)+1 > len(b) {
			return nil, errTruncated
		}
		out = append(out, b[p:p+n+int(l)+1]...) // name and kind
		kind := b[p+n+int(l)]
		p += n + int(l) + 1
		idx, n, err := readU32(b[p:])
		if err != nil {
			return nil, err
		}
		p += n
		if kind == 0x00 {
			idx = remap(idx)
		}
		out = appendU32(out, idx)
	}
	return out, nil
}

// remapElems rewrites element segments of function indices (flags 0–3).
func remapElems(b []byte, remap func(uint32) uint32) ([]byte, error) {
	count, p, err := readU32(b)
	if err != nil {
		return nil, err
	}
	out := appendU32(nil, count)
	for range count {
		flags, n, err := readU32(b[p:])
		if err != nil {
			return nil, err
		}
		start := p
		p += n
		if flags > 3 {
			return nil, fmt.Errorf("element segment flags %d (expressions) not supported", flags)
		}
		if flags == 2 { // table index
			_, n, err := readU32(b[p:])
			if err != nil {
				return nil, err
			}
			p += n
		}
		if flags&1 == 0 { // active: offset expression
			if p, err = skipConstExpr(b, p); err != nil {
				return nil, err
			}
		}
		if flags != 0 { // elemkind
			p++
		}
		out = append(out, b[start:p]...)
		n32, n, err := readU32(b[p:])
		if err != nil {
			return nil, err
		}
		p += n
		out = appendU32(out, n32)
		for range n32 {
			idx, n, err := readU32(b[p:])
			if err != nil {
				return nil, err
			}
			p += n
			out = appendU32(out, remap(idx))
		}
	}
	return out, nil
}

// skipConstExpr skips an i32.const or global.get offset expression.
func skipConstExpr(b []byte, p int) (int, error) {
	if p >= len(b) || (b[p] != 0x41 && b[p] != 0x23) {
		return p, fmt.Errorf("unsupported constant expression")
	}
	_, n, err := readS32(b[p+1:])
	if err != nil || p+1+n >= len(b) || b[p+1+n] != 0x0b {
		return p, fmt.Errorf("unsupported constant expression")
	}
	return p + 2 + n, nil
}
