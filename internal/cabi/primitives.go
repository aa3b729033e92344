package cabi

// Lifting and lowering of strings and lists, shared by every generated
// function. Scalars are converted inline by the generated code.

// LowerString writes s as the two flat slots (pointer, length).
func LowerString(m Memory, s string, flat []uint64) {
	addr, n := m.StoreString(s)
	flat[0], flat[1] = uint64(addr), uint64(n)
}

// LiftString reads a string from the two flat slots (pointer, length).
func LiftString(m Memory, flat []uint64) string {
	return m.LoadString(uint32(flat[0]), uint32(flat[1]))
}

// StoreStringAt stores s's (pointer, length) pair at addr.
func StoreStringAt(m Memory, addr uint32, s string) {
	p, n := m.StoreString(s)
	m.Store32(addr, p)
	m.Store32(addr+4, n)
}

// LoadStringAt loads the string whose (pointer, length) pair is at addr.
func LoadStringAt(m Memory, addr uint32) string {
	return m.LoadString(m.Load32(addr), m.Load32(addr+4))
}

// StoreList lowers list into a new array of elements of the given size and
// alignment, storing each with store, and returns (pointer, length).
func StoreList[T any](m Memory, list []T, size, align uint32, store func(Memory, uint32, T)) (uint32, uint32) {
	if len(list) == 0 {
		return align, 0 // any aligned non-null address will do for an empty list
	}
	base := m.Alloc(size*uint32(len(list)), align)
	for i, v := range list {
		store(m, base+uint32(i)*size, v)
	}
	return base, uint32(len(list))
}

// LoadList lifts n elements of the given size starting at base.
func LoadList[T any](m Memory, base, n, size uint32, load func(Memory, uint32) T) []T {
	if n == 0 {
		return nil
	}
	list := make([]T, n)
	for i := range list {
		list[i] = load(m, base+uint32(i)*size)
	}
	return list
}

// Bool lifts a flat or stored i32 as WIT's bool: any non-zero is true.
func Bool(v uint32) bool { return v != 0 }

// BoolBits lowers a bool to 0 or 1.
func BoolBits(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}
