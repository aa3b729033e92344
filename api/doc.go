// Package api holds what crosses execctx's WIT boundary (wit/context.wit):
// a Go type per WIT type, and an interface per WIT interface the
// component imports, which a host implements and passes to
// host.Runtime.NewContext in a host.Imports. All but Option and this file
// are generated from the WIT, with their doc comments. The interfaces are
// left out of GOOS=wasip1 builds: the component shares only the types.
//
// # Implementing a host
//
// Each method answers one import call of the component and gets the ctx of
// the host.Context call in progress; a method that may block (a fetch)
// should return once ctx is done. A WIT function that returns
// result<T, string> is a method returning (T, error): the component
// receives a non-nil error's message as the string, and nothing else of it.
//
// Host objects never cross the boundary: they travel as uint32 handles that
// the host owns. Handle 0 is always the window (main's globalThis) and
// handle 1 the document. Each handle a host returns counts as one
// reference, which the component gives back with Window.Release.
//
// One Context calls its hosts one call at a time, but hosts shared by
// several Contexts (a page shared by a main thread and a worker, say) are
// called concurrently and must be safe for concurrent use.
package api
