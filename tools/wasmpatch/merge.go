package main

import (
	"fmt"
	"slices"
)

// MergeGap is the longest run of zeros mergeData writes out to join two
// data segments. Go's linker starts a new segment at every run of zeros
// longer than 8 bytes, which left about 50,000 segments whose headers
// (offset and size, 6–10 bytes each) compress worse than the zeros they
// replace: see TestMergeDataShrinks and `make bench` for the sizes.
const MergeGap = 32

// mergeData joins active data segments that lie at most maxGap bytes
// apart into one, writing the gap's zeros out. Linear memory starts
// zeroed, so the memory the module starts with is the same byte for byte.
func mergeData(secs []section, maxGap uint32) ([]section, error) {
	i := find(secs, secData)
	if i < 0 {
		return secs, nil
	}
	if find(secs, secDataCount) >= 0 {
		return nil, fmt.Errorf("the module has a data count section, which merging would make wrong")
	}
	segs, err := dataSegments(secs)
	if err != nil {
		return nil, err
	}
	if count, _, _ := vecCount(secs[i].body); int(count) != len(segs) {
		return nil, fmt.Errorf("the module has passive data segments, which merging does not handle")
	}
	slices.SortStableFunc(segs, func(a, b segment) int { return int(a.offset) - int(b.offset) })
	var merged []segment
	for _, seg := range segs {
		if n := len(merged); n > 0 {
			last := &merged[n-1]
			end := last.offset + uint32(len(last.bytes))
			if seg.offset < end {
				return nil, fmt.Errorf("data segments at %#x and %#x overlap", last.offset, seg.offset)
			}
			if seg.offset-end <= maxGap {
				last.bytes = append(append(last.bytes, make([]byte, seg.offset-end)...), seg.bytes...)
				continue
			}
		}
		merged = append(merged, segment{offset: seg.offset, bytes: slices.Clone(seg.bytes)})
	}
	out := slices.Clone(secs)
	out[i].body = encodeData(merged)
	return out, nil
}

// encodeData writes active segments for memory 0.
func encodeData(segs []segment) []byte {
	b := appendU32(nil, uint32(len(segs)))
	for _, seg := range segs {
		b = append(b, 0x00, 0x41) // active, memory 0; i32.const
		b = appendS32(b, int32(seg.offset))
		b = append(b, 0x0b)
		b = appendU32(b, uint32(len(seg.bytes)))
		b = append(b, seg.bytes...)
	}
	return b
}
