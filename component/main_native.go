//go:build !wasip1

package main

// Natively the package builds only so that go test runs the tests of its
// conversions (enums_test.go); the component itself is built for wasip1.
func main() {}
