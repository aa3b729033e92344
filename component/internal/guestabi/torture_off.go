//go:build wasip1 && !gctorture

package guestabi

func beforeRealloc() {}
