package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// The arena's markers; they must match component/internal/guestabi/arena.go.
// Its size, guard size and guard fill are read from the module itself,
// so the guest's constants are the only copy of those.
var (
	headMarker = []byte("execctx-arena>>>")
	tailMarker = []byte("<<<execctx-arena")
)

// headerSize is the head marker plus the header the guest lays out after
// it: guard size (u32), guard fill (u32) and 8 bytes of padding.
const headerSize = 32

// minGuard is the smallest guard the allocator accepts: the guest checks
// the top 256 bytes of each one.
const minGuard = 256

// arena is where the guest's adapter arena sits in linear memory, and the
// guard parameters the allocator uses.
type arena struct {
	body, end uint32 // the allocatable bytes: [body, end)
	guard     uint32 // bytes left below each allocation
	fill      byte   // what guards are filled with
}

// findArena locates the arena by its markers and checks that it is what
// the guest declared: one variable of initialised data, head marker,
// header, a body of zeros, tail marker. Anything else would hand the
// adapter memory that Go uses, so it is an error, never a guess.
func findArena(secs []section) (arena, error) {
	segs, err := dataSegments(secs)
	if err != nil {
		return arena{}, err
	}
	head, err := findUnique(segs, headMarker)
	if err != nil {
		return arena{}, err
	}
	tail, err := findUnique(segs, tailMarker)
	if err != nil {
		return arena{}, err
	}
	if tail < head+headerSize {
		return arena{}, fmt.Errorf("arena tail marker at %#x is not after its head at %#x", tail, head)
	}
	a := arena{body: head + headerSize, end: tail}
	header := readMemory(segs, head+uint32(len(headMarker)), 8)
	a.guard = binary.LittleEndian.Uint32(header)
	fill := binary.LittleEndian.Uint32(header[4:])
	if a.guard < minGuard || a.guard%16 != 0 || fill == 0 || fill > 0xff {
		return arena{}, fmt.Errorf("arena header at %#x has guard %d and fill %#x: want a multiple of 16 of at least %d, and one non-zero byte (is the arena initialised data?)", head, a.guard, fill, minGuard)
	}
	a.fill = byte(fill)
	if addr, ok := firstNonZero(segs, a.body, a.end); ok {
		return arena{}, fmt.Errorf("arena body [%#x, %#x) holds data at %#x: the markers do not bracket one zeroed variable", a.body, a.end, addr)
	}
	return a, nil
}

// segment is one active data segment: bytes placed at offset.
type segment struct {
	offset uint32
	bytes  []byte
}

// dataSegments returns the module's active data segments.
func dataSegments(secs []section) ([]segment, error) {
	i := find(secs, secData)
	if i < 0 {
		return nil, fmt.Errorf("no data section: is this a Go wasip1 build with the arena?")
	}
	b := secs[i].body
	count, p, err := readU32(b)
	if err != nil {
		return nil, err
	}
	var segs []segment
	for range count {
		seg, active, next, err := readSegment(b, p)
		if err != nil {
			return nil, fmt.Errorf("data segment: %w", err)
		}
		if active {
			segs = append(segs, seg)
		}
		p = next
	}
	return segs, nil
}

// findUnique returns the address of marker, which must occur exactly once.
func findUnique(segs []segment, marker []byte) (uint32, error) {
	var found []uint32
	for _, seg := range segs {
		for off := 0; ; {
			k := bytes.Index(seg.bytes[off:], marker)
			if k < 0 {
				break
			}
			found = append(found, seg.offset+uint32(off+k))
			off += k + len(marker)
		}
	}
	switch len(found) {
	case 0:
		return 0, fmt.Errorf("arena marker %q not found in an active data segment", marker)
	case 1:
		return found[0], nil
	}
	return 0, fmt.Errorf("arena marker %q found %d times; it must be unique", marker, len(found))
}

// readMemory returns n bytes at addr as the data segments initialise them.
func readMemory(segs []segment, addr, n uint32) []byte {
	out := make([]byte, n)
	for _, seg := range segs {
		lo, hi := max(addr, seg.offset), min(addr+n, seg.offset+uint32(len(seg.bytes)))
		if lo < hi {
			copy(out[lo-addr:], seg.bytes[lo-seg.offset:hi-seg.offset])
		}
	}
	return out
}

// firstNonZero returns the first address in [lo, hi) a segment sets to a
// non-zero byte.
func firstNonZero(segs []segment, lo, hi uint32) (uint32, bool) {
	first, found := hi, false
	for _, seg := range segs {
		s, e := max(lo, seg.offset), min(hi, seg.offset+uint32(len(seg.bytes)))
		for a := s; a < e && a < first; a++ {
			if seg.bytes[a-seg.offset] != 0 {
				first, found = a, true
				break
			}
		}
	}
	return first, found
}

// readSegment reads the data segment starting at p.
func readSegment(b []byte, p int) (seg segment, active bool, next int, err error) {
	flags, n, err := readU32(b[p:])
	if err != nil {
		return seg, false, p, err
	}
	p += n
	switch flags {
	case 0, 2:
		if flags == 2 { // explicit memory index
			if _, n, err = readU32(b[p:]); err != nil {
				return seg, false, p, err
			}
			p += n
		}
		if p, seg.offset, err = readOffset(b, p); err != nil {
			return seg, false, p, err
		}
		active = true
	case 1: // passive
	default:
		return seg, false, p, fmt.Errorf("unknown segment flags %d", flags)
	}
	size, n, err := readU32(b[p:])
	if err != nil {
		return seg, false, p, err
	}
	p += n
	if p+int(size) > len(b) {
		return seg, false, p, errTruncated
	}
	seg.bytes = b[p : p+int(size)]
	return seg, active, p + int(size), nil
}

// readOffset reads an active segment's offset, which Go writes as a
// single i32.const.
func readOffset(b []byte, p int) (int, uint32, error) {
	if p >= len(b) || b[p] != 0x41 {
		return p, 0, fmt.Errorf("offset is not an i32.const expression")
	}
	off, n, err := readS32(b[p+1:])
	if err != nil {
		return p, 0, err
	}
	p += 1 + n
	if p >= len(b) || b[p] != 0x0b {
		return p, 0, fmt.Errorf("offset expression is longer than i32.const")
	}
	return p + 1, uint32(off), nil
}
