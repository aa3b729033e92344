package main

import (
	"errors"
	"fmt"
)

var errTruncated = errors.New("truncated LEB128")

// readU32 decodes an unsigned LEB128 value of at most 32 bits.
func readU32(b []byte) (v uint32, n int, err error) {
	var shift uint
	for n < len(b) {
		c := b[n]
		n++
		if shift == 28 && c > 0x0f {
			return 0, n, fmt.Errorf("LEB128 u32 overflows")
		}
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v, n, nil
		}
		shift += 7
	}
	return 0, n, errTruncated
}

// readS32 decodes a signed LEB128 value of at most 32 bits.
func readS32(b []byte) (v int32, n int, err error) {
	var shift uint
	var c byte
	for {
		if n >= len(b) {
			return 0, n, errTruncated
		}
		c = b[n]
		n++
		v |= int32(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			break
		}
		if shift >= 35 {
			return 0, n, fmt.Errorf("LEB128 s32 overflows")
		}
	}
	if shift < 32 && c&0x40 != 0 {
		v |= -1 << shift
	}
	return v, n, nil
}

func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			b = append(b, c|0x80)
			continue
		}
		return append(b, c)
	}
}

func appendS32(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		done := (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0)
		if done {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
