package main

import "fmt"

// remapCode rewrites every function body's call, return_call and ref.func
// immediates. Renumbering can change an index's LEB128 length, so each
// body is re-encoded with its new size.
func remapCode(b []byte, remap func(uint32) uint32) ([]byte, error) {
	count, p, err := readU32(b)
	if err != nil {
		return nil, err
	}
	out := appendU32(nil, count)
	for f := range count {
		size, n, err := readU32(b[p:])
		if err != nil || p+n+int(size) > len(b) {
			return nil, errTruncated
		}
		body, err := remapBody(b[p+n:p+n+int(size)], remap)
		if err != nil {
			return nil, fmt.Errorf("function body %d: %w", f, err)
		}
		out = append(appendU32(out, uint32(len(body))), body...)
		p += n + int(size)
	}
	return out, nil
}

func remapBody(b []byte, remap func(uint32) uint32) ([]byte, error) {
	groups, p, err := readU32(b)
	if err != nil {
		return nil, err
	}
	for range groups { // locals: count and value type
		_, n, err := readU32(b[p:])
		if err != nil {
			return nil, err
		}
		p += n + 1
	}
	out := append([]byte(nil), b[:p]...)
	for p < len(b) {
		op := b[p]
		next, idx, isFunc, err := instruction(b, p)
		if err != nil {
			return nil, fmt.Errorf("opcode %#x at %d: %w", op, p, err)
		}
		if isFunc {
			out = appendU32(append(out, op), remap(idx))
		} else {
			out = append(out, b[p:next]...)
		}
		p = next
	}
	return out, nil
}

// instruction decodes the instruction at p far enough to find its end,
// and returns its function index when it has one. It knows the MVP,
// sign-extension, saturating truncation, bulk memory and reference
// instructions: what Go's wasm backend emits. SIMD is refused.
func instruction(b []byte, p int) (next int, funcIdx uint32, isFunc bool, err error) {
	op := b[p]
	p++
	leb := func(k int) (int, error) { // skip k unsigned LEB128 immediates
		for range k {
			_, n, err := readU32(b[p:])
			if err != nil {
				return p, err
			}
			p += n
		}
		return p, nil
	}
	switch {
	case op == 0x10 || op == 0x12 || op == 0xd2: // call, return_call, ref.func
		idx, n, err := readU32(b[p:])
		return p + n, idx, true, err
	case op <= 0x01, op == 0x05, op == 0x0b, op == 0x0f, op == 0x1a, op == 0x1b, op == 0xd1,
		op >= 0x45 && op <= 0xc4:
		return p, 0, false, nil
	case op >= 0x02 && op <= 0x04: // block, loop, if: block type
		if b[p] == 0x40 || b[p] >= 0x6f {
			return p + 1, 0, false, nil
		}
		_, n, err := readS32(b[p:]) // a type index, as s33
		return p + n, 0, false, err
	case op == 0x0c || op == 0x0d || (op >= 0x20 && op <= 0x26) || op == 0x3f || op == 0x40:
		p, err = leb(1)
	case op == 0x0e: // br_table: label vector and default
		var n32 uint32
		var n int
		if n32, n, err = readU32(b[p:]); err == nil {
			p += n
			p, err = leb(int(n32) + 1)
		}
	case op == 0x11 || op == 0x13 || (op >= 0x28 && op <= 0x3e): // call_indirect, memargs
		p, err = leb(2)
	case op == 0x41 || op == 0x42:
		p, err = skipSLEB(b, p)
	case op == 0x43:
		p += 4
	case op == 0x44:
		p += 8
	case op == 0xd0:
		p++
	case op == 0xfc:
		return prefixed(b, p)
	default:
		return p, 0, false, fmt.Errorf("unsupported opcode")
	}
	return p, 0, false, err
}

// prefixed decodes the 0xFC instructions after the prefix byte.
func prefixed(b []byte, p int) (int, uint32, bool, error) {
	sub, n, err := readU32(b[p:])
	if err != nil {
		return p, 0, false, err
	}
	p += n
	immediates := map[uint32]int{8: 2, 9: 1, 10: 2, 11: 1, 12: 2, 13: 1, 14: 2, 15: 1, 16: 1, 17: 1}
	k, ok := immediates[sub]
	if sub > 17 || (!ok && sub > 7) {
		return p, 0, false, fmt.Errorf("unsupported 0xfc sub-opcode %d", sub)
	}
	for range k {
		_, n, err := readU32(b[p:])
		if err != nil {
			return p, 0, false, err
		}
		p += n
	}
	return p, 0, false, nil
}

// skipSLEB skips a signed LEB128 of any width (i64.const has up to 10 bytes).
func skipSLEB(b []byte, p int) (int, error) {
	for p < len(b) {
		if b[p]&0x80 == 0 {
			return p + 1, nil
		}
		p++
	}
	return p, errTruncated
}
