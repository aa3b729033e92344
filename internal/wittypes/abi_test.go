package wittypes

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/execctx/execctx/internal/cabi"
)

// byteMemory is a cabi.Memory over a plain slice, to test the generated
// conversions without a guest.
type byteMemory struct {
	b    []byte
	next uint32
}

func newByteMemory() *byteMemory { return &byteMemory{b: make([]byte, 1<<16), next: 16} }

func (m *byteMemory) Alloc(size, align uint32) uint32 {
	p := cabi.AlignTo(m.next, align)
	m.next = p + size
	return p
}
func (m *byteMemory) Load8(a uint32) uint8          { return m.b[a] }
func (m *byteMemory) Load16(a uint32) uint16        { return binary.LittleEndian.Uint16(m.b[a:]) }
func (m *byteMemory) Load32(a uint32) uint32        { return binary.LittleEndian.Uint32(m.b[a:]) }
func (m *byteMemory) Load64(a uint32) uint64        { return binary.LittleEndian.Uint64(m.b[a:]) }
func (m *byteMemory) Store8(a uint32, v uint8)      { m.b[a] = v }
func (m *byteMemory) Store16(a uint32, v uint16)    { binary.LittleEndian.PutUint16(m.b[a:], v) }
func (m *byteMemory) Store32(a uint32, v uint32)    { binary.LittleEndian.PutUint32(m.b[a:], v) }
func (m *byteMemory) Store64(a uint32, v uint64)    { binary.LittleEndian.PutUint64(m.b[a:], v) }
func (m *byteMemory) LoadString(a, n uint32) string { return string(m.b[a : a+n]) }
func (m *byteMemory) StoreString(s string) (uint32, uint32) {
	p := m.Alloc(uint32(len(s)), 1)
	copy(m.b[p:], s)
	return p, uint32(len(s))
}

// roundTrip stores and loads v, and lowers and lifts it, and checks both
// give v back.
func roundTrip[T any](t *testing.T, name string, v T, flatLen int,
	store func(cabi.Memory, uint32, T), load func(cabi.Memory, uint32) T,
	lower func(cabi.Memory, T, []uint64), lift func(cabi.Memory, []uint64) T) {
	t.Helper()
	m := newByteMemory()
	addr := m.Alloc(64, 8)
	store(m, addr, v)
	assert.Equal(t, v, load(m, addr), "%s: store/load", name)
	flat := make([]uint64, flatLen)
	lower(m, v, flat)
	assert.Equal(t, v, lift(m, flat), "%s: lower/lift", name)
}

func TestValueRoundTrip(t *testing.T) {
	for _, v := range []Value{
		{Kind: ValueUndefined}, {Kind: ValueNull}, {Kind: ValueBoolean, Boolean: true},
		{Kind: ValueNumber, Number: -2.5}, {Kind: ValueNumber, Number: math.Inf(1)},
		{Kind: ValueText, Text: "héllo"}, {Kind: ValueObject, Object: 42},
	} {
		roundTrip(t, v.Kind.String(), v, 3, StoreValue, LoadValue, LowerValue, LiftValue)
	}
}

func TestRecordsRoundTrip(t *testing.T) {
	r := Report{InWorker: true, MainChannel: true, SyncUsable: true, Runtime: RuntimeKindDeno, Interpreter: "pyodide",
		BaseURL: "https://x.test/", WorkerScriptID: cabi.Some("py-w1")}
	roundTrip(t, "report", r, 12, StoreReport, LoadReport, LowerReport, LiftReport)
	// 14 flat values: with spawn's url, exactly the 16 that pass in registers.
	for _, o := range []WorkerOptions{
		{Interpreter: WorkerTypeMicropython, Config: WorkerConfig{Kind: WorkerConfigJSON, JSON: `{"a":1}`}, RunAsync: true, ScriptID: cabi.Some("mpy-w1")},
		{Interpreter: WorkerTypeModule, Config: WorkerConfig{Kind: WorkerConfigURL, URL: "https://x.test/c.toml"}, Name: cabi.Some("n"), ServiceWorker: cabi.Some("https://x.test/sw.js")},
		{Interpreter: WorkerTypePyodide, Config: WorkerConfig{Kind: WorkerConfigUnset}},
	} {
		roundTrip(t, "worker-options "+o.Config.Kind.String(), o, 14, StoreWorkerOptions, LoadWorkerOptions, LowerWorkerOptions, LiftWorkerOptions)
	}
}

func TestListsAndResultsRoundTrip(t *testing.T) {
	mods := []JSModule{{Name: "a", URL: "u", Realm: ModuleRealmMain, Stylesheet: true}, {Name: "b"}}
	roundTrip(t, "result<list<js-module>>", cabi.Result[[]JSModule]{Value: mods}, 3,
		StoreResultListJSModule, LoadResultListJSModule, LowerResultListJSModule, LiftResultListJSModule)
	roundTrip(t, "result err", cabi.Result[[]JSModule]{IsErr: true, Err: "boom"}, 3,
		StoreResultListJSModule, LoadResultListJSModule, LowerResultListJSModule, LiftResultListJSModule)
	roundTrip(t, "access", Access{Kind: AccessNotSupported, NotSupported: NotSupported{Name: "n", Message: "m"}}, 5,
		StoreAccess, LoadAccess, LowerAccess, LiftAccess)
}

func TestInvalidDiscriminantTraps(t *testing.T) {
	m := newByteMemory()
	addr := m.Alloc(24, 8)
	m.Store8(addr, 9)
	defer func() {
		var trap *cabi.Trap
		if err, _ := recover().(error); !errors.As(err, &trap) {
			t.Fatalf("loading discriminant 9 of value did not trap, recovered %v", err)
		}
	}()
	LoadValue(m, addr)
}
