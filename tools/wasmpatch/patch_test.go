package main

import (
	"context"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

func TestLEB128(t *testing.T) {
	for _, v := range []uint32{0, 1, 127, 128, 624485, 1<<32 - 1} {
		got, n, err := readU32(appendU32(nil, v))
		if err != nil || got != v || n != len(appendU32(nil, v)) {
			t.Errorf("u32 %d: got %d (%d bytes), %v", v, got, n, err)
		}
	}
	for _, v := range []int32{0, 1, -1, 63, 64, -64, -65, 1 << 30, -1 << 31, 1<<31 - 1} {
		got, _, err := readS32(appendS32(nil, v))
		if err != nil || got != v {
			t.Errorf("s32 %d: got %d, %v", v, got, err)
		}
	}
	if _, _, err := readU32([]byte{0x80, 0x80}); err == nil {
		t.Error("truncated LEB128 accepted")
	}
}

// testModule builds a module with one imported function, one function,
// one global, a memory, and a data segment holding data at offset 1024.
func testModule(data string) []byte {
	sec := func(id byte, body ...byte) []byte {
		return append(append([]byte{id}, appendU32(nil, uint32(len(body)))...), body...)
	}
	imports := []byte{1, 3, 'e', 'n', 'v', 1, 'f', 0x00, 0x00} // env.f: func of type 0
	m := append([]byte(nil), header...)
	m = append(m, sec(secType, 1, 0x60, 0, 0)...)
	m = append(m, sec(secImport, imports...)...)
	m = append(m, sec(secFunc, 1, 0)...)
	m = append(m, sec(5, 1, 0, 4)...) // memory: min 4 pages
	m = append(m, sec(secGlobal, 1, 0x7f, 0x01, 0x41, 0x00, 0x0b)...)
	m = append(m, sec(secExport, append(append([]byte{1, 6}, "memory"...), 0x02, 0)...)...)
	m = append(m, sec(secCode, 1, 2, 0, 0x0b)...)
	seg := append([]byte{1, 0, 0x41}, appendS32(nil, 1024)...)
	seg = append(append(seg, 0x0b), appendU32(nil, uint32(len(data)))...)
	m = append(m, sec(secData, append(seg, data...)...)...)
	return m
}

func TestPatchRuns(t *testing.T) {
	patched, err := patch(testModule("xx" + Magic))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	if _, err := rt.NewHostModuleBuilder("env").NewFunctionBuilder().
		WithFunc(func() {}).Export("f").Instantiate(ctx); err != nil {
		t.Fatal(err)
	}
	mod, err := rt.Instantiate(ctx, patched)
	if err != nil {
		t.Fatalf("patched module does not validate: %v", err)
	}
	alloc := mod.ExportedFunction(ExportName)
	if alloc == nil {
		t.Fatal("no export " + ExportName)
	}
	arenaStart := uint32(1024 + 2)
	first := call(t, ctx, alloc, 8, 64<<10)
	if first%8 != 0 || first < arenaStart+uint32(len(Magic)) {
		t.Fatalf("first allocation at %d: not aligned, or overlaps the magic at %d", first, arenaStart)
	}
	second := call(t, ctx, alloc, 16, 64<<10)
	if second%16 != 0 || second < first+64<<10 {
		t.Fatalf("second allocation at %d overlaps the first at %d", second, first)
	}
	if _, err := alloc.Call(ctx, 0, 0, 8, 64<<10); err == nil {
		t.Fatal("allocating past the arena's end did not trap")
	}
}

func call(t *testing.T, ctx context.Context, f api.Function, align, size uint64) uint32 {
	t.Helper()
	res, err := f.Call(ctx, 0, 0, align, size)
	if err != nil {
		t.Fatal(err)
	}
	return uint32(res[0])
}

func TestPatchErrors(t *testing.T) {
	twice, err := patch(testModule(Magic))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, want string
		module     []byte
	}{
		{"not wasm", "not a core wasm module", []byte("hello")},
		{"no magic", "not found", testModule("nothing here")},
		{"magic twice", "found 2 times", testModule(Magic + Magic)},
		{"already patched", "already exports", twice},
	}
	for _, tc := range tests {
		_, err := patch(tc.module)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}
