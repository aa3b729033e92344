// Package gofloor measures the floor under execctx's start-up targets: a
// trivial Go module (./trivial), built and run the way the core is, so
// that `make bench` can print what Go's own runtime costs under wazero
// beside what execctx's core costs in the same run.
package gofloor
