package main

import (
	"context"
	"encoding/binary"
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

// arenaData is an arena as the guest lays it out: head marker, header
// (guard size, fill byte, padding), a zero body, tail marker.
func arenaData(guard uint32, body int) string {
	header := binary.LittleEndian.AppendUint32(nil, guard)
	header = binary.LittleEndian.AppendUint32(header, 0xA5)
	header = append(header, make([]byte, 8)...)
	return string(headMarker) + string(header) + string(make([]byte, body)) + string(tailMarker)
}

func TestPatchRuns(t *testing.T) {
	const guard, body = 256, 3 << 10
	patched, err := patch(testModule("xx" + arenaData(guard, body)))
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
	bodyStart := uint32(1024 + 2 + headerSize)
	end := bodyStart + body
	first := call(t, ctx, alloc, 8, 1000)
	if first%16 != 0 || first < bodyStart+guard {
		t.Fatalf("first allocation at %d: not aligned, or no guard above the body at %d", first, bodyStart)
	}
	checkGuard(t, mod.Memory(), first, guard, 1000)
	second := call(t, ctx, alloc, 16, 900)
	if second%16 != 0 || second < first+1000+guard {
		t.Fatalf("second allocation at %d overlaps the first at %d or its guard", second, first)
	}
	checkGuard(t, mod.Memory(), second, guard, 900)
	for _, tc := range []struct {
		name        string
		align, size uint64
	}{
		{"past the end", 8, uint64(end - second)},
		{"size that wraps", 8, 1<<32 - 8},
		{"alignment above 16", 32, 8},
	} {
		if _, err := alloc.Call(ctx, 0, 0, tc.align, tc.size); err == nil {
			t.Errorf("%s: did not trap", tc.name)
		}
	}
}

// checkGuard checks the guard below an allocation at p: its size, then fill.
func checkGuard(t *testing.T, mem api.Memory, p, guard, size uint32) {
	t.Helper()
	got, _ := mem.ReadUint32Le(p - guard)
	fill, _ := mem.Read(p-guard+4, guard-4)
	if got != size || strings.Trim(string(fill), "\xa5") != "" {
		t.Errorf("guard below %d: size %d (want %d), fill %x…", p, got, size, fill[:8])
	}
}

// poke returns s with the byte at i set to b.
func poke(s string, i int, b byte) string {
	out := []byte(s)
	out[i] = b
	return string(out)
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
	good := arenaData(256, 1024)
	twice, err := patch(testModule(good))
	if err != nil {
		t.Fatal(err)
	}
	head, tail := string(headMarker), string(tailMarker)
	// The shape of the bug this check exists for: the marker is a string
	// literal in read-only data, followed by other data, no tail in sight.
	literal := head + "runtime.staticuint64s and function names"
	tests := []struct {
		name, want string
		module     []byte
	}{
		{"not wasm", "not a core wasm module", []byte("hello")},
		{"no head", "not found", testModule("nothing here" + tail)},
		{"no tail", "not found", testModule(literal)},
		{"head twice", "found 2 times", testModule(good + good)},
		{"tail before head", "is not after its head", testModule(tail + strings.TrimSuffix(good, tail))},
		{"data in the body", "holds data at 0x44a", testModule(poke(good, headerSize+42, 'x'))},
		{"zero header (arena not initialised data)", "guard 0", testModule(head + string(make([]byte, 600)) + tail)},
		{"guard not a multiple of 16", "guard 260", testModule(poke(good, len(headMarker), 4))},
		{"already patched", "already exports", twice},
	}
	for _, tc := range tests {
		_, err := patch(tc.module)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}
