package main

import (
	"bytes"
	"fmt"
)

// Magic marks the start of the arena; it must match
// component/internal/guestabi/arena.go.
const Magic = "GO-WASI-ADAPTER-ARENA-v1"

// ArenaSize is the arena's size in bytes, magic included; it must match
// guestabi.ArenaSize. The adapter asks for 2 × 64 KiB, and the rest is slack.
const ArenaSize = 160 << 10

// ExportName is the export wit-component hands to the WASI adapter in
// place of cabi_realloc when the module has it.
const ExportName = "cabi_realloc_adapter"

// arena is where the magic sits in linear memory.
type arena struct{ start, end uint32 }

// findArena locates the magic in the active data segments.
func findArena(secs []section) (arena, error) {
	i := find(secs, secData)
	if i < 0 {
		return arena{}, fmt.Errorf("no data section: is this a Go wasip1 build with the arena?")
	}
	b := secs[i].body
	count, p, err := readU32(b)
	if err != nil {
		return arena{}, err
	}
	var found []uint32
	for range count {
		seg, next, err := readSegment(b, p)
		if err != nil {
			return arena{}, fmt.Errorf("data segment: %w", err)
		}
		p = next
		for off := 0; seg.active; {
			k := bytes.Index(seg.bytes[off:], []byte(Magic))
			if k < 0 {
				break
			}
			found = append(found, seg.offset+uint32(off+k))
			off += k + len(Magic)
		}
	}
	switch len(found) {
	case 0:
		return arena{}, fmt.Errorf("arena magic %q not found in an active data segment", Magic)
	case 1:
		return arena{start: found[0], end: found[0] + ArenaSize}, nil
	}
	return arena{}, fmt.Errorf("arena magic %q found %d times; it must be unique", Magic, len(found))
}

type segment struct {
	active bool
	offset uint32
	bytes  []byte
}

// readSegment reads one data segment starting at p.
func readSegment(b []byte, p int) (segment, int, error) {
	flags, n, err := readU32(b[p:])
	if err != nil {
		return segment{}, p, err
	}
	p += n
	var seg segment
	switch flags {
	case 0, 2:
		if flags == 2 { // explicit memory index
			_, n, err := readU32(b[p:])
			if err != nil {
				return seg, p, err
			}
			p += n
		}
		if p >= len(b) || b[p] != 0x41 {
			return seg, p, fmt.Errorf("offset is not an i32.const expression")
		}
		off, n, err := readS32(b[p+1:])
		if err != nil {
			return seg, p, err
		}
		p += 1 + n
		if p >= len(b) || b[p] != 0x0b {
			return seg, p, fmt.Errorf("offset expression is longer than i32.const")
		}
		p++
		seg.active, seg.offset = true, uint32(off)
	case 1:
	default:
		return seg, p, fmt.Errorf("unknown segment flags %d", flags)
	}
	size, n, err := readU32(b[p:])
	if err != nil {
		return seg, p, err
	}
	p += n
	if p+int(size) > len(b) {
		return seg, p, errTruncated
	}
	seg.bytes = b[p : p+int(size)]
	return seg, p + int(size), nil
}

// patch appends the bump allocator over the arena and exports it.
func patch(module []byte) ([]byte, error) {
	secs, err := parseModule(module)
	if err != nil {
		return nil, err
	}
	if secs, err = dedupeImports(secs); err != nil {
		return nil, err
	}
	if exported(secs, ExportName) {
		return nil, fmt.Errorf("module already exports %s", ExportName)
	}
	a, err := findArena(secs)
	if err != nil {
		return nil, err
	}
	importedFuncs, importedGlobals, err := importCounts(secs)
	if err != nil {
		return nil, fmt.Errorf("import section: %w", err)
	}
	typeIdx, err := appendTo(&secs, secType, []byte{0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 1, 0x7f})
	if err != nil {
		return nil, err
	}
	funcIdx, err := appendTo(&secs, secFunc, appendU32(nil, typeIdx))
	if err != nil {
		return nil, err
	}
	bump := (a.start + uint32(len(Magic)) + 15) &^ 15
	global := append([]byte{0x7f, 0x01, 0x41}, appendS32(nil, int32(bump))...)
	globalIdx, err := appendTo(&secs, secGlobal, append(global, 0x0b))
	if err != nil {
		return nil, err
	}
	if _, err := appendTo(&secs, secCode, allocatorBody(importedGlobals+globalIdx, a.end)); err != nil {
		return nil, err
	}
	export := append(appendU32(nil, uint32(len(ExportName))), ExportName...)
	export = append(append(export, 0x00), appendU32(nil, importedFuncs+funcIdx)...)
	if _, err := appendTo(&secs, secExport, export); err != nil {
		return nil, err
	}
	return encodeModule(secs), nil
}

// appendTo adds elem to the vector section id and returns its index there.
func appendTo(secs *[]section, id byte, elem []byte) (uint32, error) {
	i := find(*secs, id)
	if i < 0 {
		return 0, fmt.Errorf("module has no section %d to extend", id)
	}
	body, idx, err := appendToVec((*secs)[i].body, elem)
	if err != nil {
		return 0, fmt.Errorf("section %d: %w", id, err)
	}
	(*secs)[i].body = body
	return idx, nil
}

// allocatorBody is cabi_realloc_adapter(old, oldSize, align, newSize):
// p = (g + align - 1) & -align; trap if p + newSize > end; g = p + newSize.
// It never frees: the adapter allocates once, at start-up.
func allocatorBody(global, end uint32) []byte {
	g := appendU32(nil, global)
	code := []byte{0x01, 0x01, 0x7f} // one local: p (i32)
	code = append(code, 0x23)
	code = append(code, g...)                          // global.get g
	code = append(code, 0x20, 2, 0x6a, 0x41, 1, 0x6b)  // + align - 1
	code = append(code, 0x41, 0, 0x20, 2, 0x6b, 0x71)  // & -align
	code = append(code, 0x22, 4, 0x20, 3, 0x6a, 0x41)  // tee p; p + newSize
	code = append(code, appendS32(nil, int32(end))...) // end
	code = append(code, 0x4b, 0x04, 0x40, 0x00, 0x0b)  // if > end: unreachable
	code = append(code, 0x20, 4, 0x20, 3, 0x6a, 0x24)  // g = p + newSize
	code = append(code, g...)
	code = append(code, 0x20, 4, 0x0b) // return p
	return append(appendU32(nil, uint32(len(code))), code...)
}

// exported reports whether the module exports name.
func exported(secs []section, name string) bool {
	i := find(secs, secExport)
	if i < 0 {
		return false
	}
	return bytes.Contains(secs[i].body, append(appendU32(nil, uint32(len(name))), name...))
}
