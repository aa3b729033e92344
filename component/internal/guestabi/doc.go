// Package guestabi is the guest side of the Canonical ABI: the memory the
// generated glue lifts from and lowers into, cabi_realloc, and the rules
// that keep Go's garbage collector from freeing memory the host still uses.
//
// Two rules make it correct:
//
//   - Buffers the host allocates through cabi_realloc are referenced only
//     from linear memory, which the GC cannot see. They are pinned until the
//     glue has lifted them into Go values (ReleasePins).
//   - Memory the guest lowers for the host (import arguments, export results)
//     is kept reachable until the next export call begins (Enter).
//
// And one makes it a valid component: nothing inside cabi_realloc calls
// out of the instance, so the garbage collector runs only when an export
// call begins (collect.go).
package guestabi
