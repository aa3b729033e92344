package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// image is the memory the data segments initialise, up to the last byte.
func image(t *testing.T, secs []section) []byte {
	t.Helper()
	segs, err := dataSegments(secs)
	if err != nil {
		t.Fatal(err)
	}
	var mem []byte
	for _, s := range segs {
		if end := int(s.offset) + len(s.bytes); end > len(mem) {
			mem = append(mem, make([]byte, end-len(mem))...)
		}
		copy(mem[s.offset:], s.bytes)
	}
	return mem
}

func TestMergeData(t *testing.T) {
	segs := []segment{{0x410, []byte("ef")}, {0x400, []byte("ab")}, {0x404, []byte("cd")}, {0x500, []byte("far")}}
	secs := []section{{id: secData, body: encodeData(segs)}}
	merged, err := mergeData(secs, 16)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := dataSegments(merged)
	want := []segment{{0x400, []byte("ab\x00\x00cd\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00ef")}, {0x500, []byte("far")}}
	if len(got) != len(want) {
		t.Fatalf("got %d segments, want %d", len(got), len(want))
	}
	for k := range want {
		if got[k].offset != want[k].offset || !bytes.Equal(got[k].bytes, want[k].bytes) {
			t.Errorf("segment %d = %#x %q, want %#x %q", k, got[k].offset, got[k].bytes, want[k].offset, want[k].bytes)
		}
	}
	if !bytes.Equal(image(t, secs), image(t, merged)) {
		t.Error("merging changed the initial memory")
	}
	overlapping := []section{{id: secData, body: encodeData([]segment{{0x400, []byte("abcd")}, {0x402, []byte("x")}})}}
	if _, err := mergeData(overlapping, 16); err == nil || !strings.Contains(err.Error(), "overlap") {
		t.Errorf("overlapping segments: err = %v", err)
	}
}

// TestMergeDataKeepsTheCoreImage: the committed core, merged further,
// starts with the same memory, in fewer segments.
func TestMergeDataKeepsTheCoreImage(t *testing.T) {
	raw, err := os.ReadFile("../../host/internal/core/execctx.core.wasm")
	if err != nil {
		t.Fatal(err)
	}
	secs, err := parseModule(raw)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := mergeData(secs, 4096)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := dataSegments(secs)
	after, _ := dataSegments(merged)
	if len(after) >= len(before) || !bytes.Equal(image(t, secs), image(t, merged)) {
		t.Fatalf("%d segments became %d; images equal: %v", len(before), len(after), bytes.Equal(image(t, secs), image(t, merged)))
	}
}
