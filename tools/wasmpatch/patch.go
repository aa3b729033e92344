package main

import (
	"bytes"
	"fmt"
)

// ExportName is the export wit-component hands to the WASI adapter in
// place of cabi_realloc when the module has it.
const ExportName = "cabi_realloc_adapter"

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
	global := append([]byte{0x7f, 0x01, 0x41}, appendS32(nil, int32(a.body))...)
	globalIdx, err := appendTo(&secs, secGlobal, append(global, 0x0b))
	if err != nil {
		return nil, err
	}
	if _, err := appendTo(&secs, secCode, allocatorBody(importedGlobals+globalIdx, a)); err != nil {
		return nil, err
	}
	export := append(appendU32(nil, uint32(len(ExportName))), ExportName...)
	export = append(append(export, 0x00), appendU32(nil, importedFuncs+funcIdx)...)
	if _, err := appendTo(&secs, secExport, export); err != nil {
		return nil, err
	}
	if secs, err = mergeData(secs, MergeGap); err != nil {
		return nil, fmt.Errorf("merging data segments: %w", err)
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

// allocatorBody is cabi_realloc_adapter(old, oldSize, align, newSize), a
// bump allocator that never frees (the adapter allocates once, at
// start-up) and leaves a guard below each allocation, in the layout the
// guest's checkArena walks:
//
//	base = (g + 15) & -16; p = base + guard
//	trap unless align <= 16 and p + newSize <= end
//	store32(base, newSize); fill(base+4, fill, guard-4); g = p + newSize
func allocatorBody(global uint32, a arena) []byte {
	g := appendU32(nil, global)
	i32 := func(v uint32) []byte { return append([]byte{0x41}, appendS32(nil, int32(v))...) }
	trapIf := []byte{0x04, 0x40, 0x00, 0x0b} // if: unreachable; end
	var c []byte
	c = append(c, 0x01, 0x02, 0x7f) // two locals: base (4), p (5)
	c = append(append(c, 0x23), g...)
	c = append(c, 0x41, 15, 0x6a, 0x41, 0x70, 0x71, 0x21, 4) // base = (g+15) & -16
	c = append(c, 0x20, 2, 0x41, 16, 0x4b)                   // align > 16
	c = append(c, trapIf...)
	c = append(append(append(c, 0x20, 4), i32(a.guard)...), 0x6a, 0x21, 5) // p = base + guard
	c = append(append(append(c, 0x20, 5), i32(a.end)...), 0x4b)            // p > end
	c = append(c, trapIf...)
	c = append(append(append(c, 0x20, 3), i32(a.end)...), 0x20, 5, 0x6b, 0x4b) // newSize > end - p
	c = append(c, trapIf...)
	c = append(c, 0x20, 4, 0x20, 3, 0x36, 2, 0) // store32(base, newSize)
	c = append(append(c, 0x20, 4, 0x41, 4, 0x6a), i32(uint32(a.fill))...)
	c = append(append(c, i32(a.guard-4)...), 0xfc, 0x0b, 0x00) // memory.fill
	c = append(append(c, 0x20, 5, 0x20, 3, 0x6a, 0x24), g...)  // g = p + newSize
	c = append(c, 0x20, 5, 0x0b)                               // return p
	return append(appendU32(nil, uint32(len(c))), c...)
}

// exported reports whether the module exports name.
func exported(secs []section, name string) bool {
	i := find(secs, secExport)
	if i < 0 {
		return false
	}
	return bytes.Contains(secs[i].body, append(appendU32(nil, uint32(len(name))), name...))
}
