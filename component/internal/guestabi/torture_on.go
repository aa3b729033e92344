//go:build wasip1 && gctorture

package guestabi

import "runtime"

// beforeRealloc forces a collection inside every cabi_realloc, the moment
// at which a missing pin would let the GC free a buffer the host is filling.
// The wazero conformance tests run against this build too.
func beforeRealloc() { runtime.GC() }
