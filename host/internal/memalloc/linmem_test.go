package memalloc

import (
	"bytes"
	"testing"
)

func TestReallocate(t *testing.T) {
	const page = 1 << 16
	for _, tc := range []struct {
		name                string
		started             uint64
		capacity, max       uint64
		grows               []uint64
		wantLen, wantMinCap int
		wantNilAt           int // index into grows that must fail, or -1
	}{
		{"within the declared capacity", 0, 2 * page, 8 * page, []uint64{page, 2 * page}, 2 * page, 2 * page, -1},
		{"doubles past the capacity", 0, page, 64 * page, []uint64{page, 3 * page}, 3 * page, 3 * page, -1},
		{"starts at the started size", 5 * page, page, 64 * page, []uint64{page}, page, 5 * page, -1},
		{"never past the maximum", 0, page, 4 * page, []uint64{page, 5 * page}, page, page, 1},
		{"the started size is capped by the maximum", 9 * page, page, 4 * page, []uint64{4 * page}, 4 * page, 4 * page, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a Allocator
			a.Started(tc.started)
			mem := a.Allocate(tc.capacity, tc.max)
			var buf []byte
			for i, size := range tc.grows {
				got := mem.Reallocate(size)
				if (got == nil) != (i == tc.wantNilAt) {
					t.Fatalf("grow %d to %d: nil is %v", i, size, got == nil)
				}
				if got != nil {
					buf = got
				}
			}
			if len(buf) != tc.wantLen || cap(buf) < tc.wantMinCap || uint64(cap(buf)) > tc.max {
				t.Errorf("len %d cap %d; want len %d, cap in [%d, %d]", len(buf), cap(buf), tc.wantLen, tc.wantMinCap, tc.max)
			}
		})
	}
}

// A grown memory keeps what the guest wrote and is zero beyond it.
func TestReallocateKeepsContents(t *testing.T) {
	var a Allocator
	mem := a.Allocate(16, 1<<20)
	buf := mem.Reallocate(16)
	copy(buf, "execctx linmem!!")
	grown := mem.Reallocate(1000)
	if !bytes.Equal(grown[:16], []byte("execctx linmem!!")) || !bytes.Equal(grown[16:], make([]byte, 1000-16)) {
		t.Fatalf("grown memory: % x", grown[:32])
	}
}

// Started keeps the largest size it was told of.
func TestStartedKeepsTheLargest(t *testing.T) {
	var a Allocator
	for _, s := range []uint64{3, 9, 4} {
		a.Started(s)
	}
	if got := cap(a.Allocate(0, 100).Reallocate(1)); got != 9 {
		t.Fatalf("capacity %d, want 9", got)
	}
}
