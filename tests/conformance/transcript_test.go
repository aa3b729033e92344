package conformance

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/execctx/execctx/host"
)

// transcript is every call one engine answered, per test, in order.
type transcript struct {
	calls map[string][]string
	tests []string
}

func newTranscript() *transcript { return &transcript{calls: map[string][]string{}} }

// logger returns a jcohost.Recorder log function for one test.
func (tr *transcript) logger(test string) func(string, []any, []any, error) {
	return func(call string, args, answer []any, err error) {
		if _, ok := tr.calls[test]; !ok {
			tr.tests = append(tr.tests, test)
		}
		tr.calls[test] = append(tr.calls[test], describeCall(call, args, answer, err))
	}
}

// describeCall writes a call and its answer. A trap is only "trap": the
// engines' own trap texts differ (a wasm stack, a JS one).
func describeCall(call string, args, answer []any, err error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%#v → ", call, args)
	switch {
	case errors.Is(err, host.ErrTrapped):
		b.WriteString("trap")
	case err != nil:
		fmt.Fprintf(&b, "error %q", err.Error())
	default:
		fmt.Fprintf(&b, "%#v", answer)
	}
	return b.String()
}

func (tr *transcript) count() int {
	n := 0
	for _, calls := range tr.calls {
		n += len(calls)
	}
	return n
}

// diff describes where other answered differently, test by test.
func (tr *transcript) diff(other *transcript) string {
	var b strings.Builder
	for _, test := range tr.tests {
		mine, theirs := tr.calls[test], other.calls[test]
		if slices.Equal(mine, theirs) {
			continue
		}
		fmt.Fprintf(&b, "%s:\n", test)
		for k := range max(len(mine), len(theirs)) {
			a, z := at(mine, k), at(theirs, k)
			if a != z {
				fmt.Fprintf(&b, "  call %d\n    wazero: %s\n    jco:    %s\n", k, a, z)
			}
		}
	}
	return b.String()
}

func at(calls []string, k int) string {
	if k < len(calls) {
		return calls[k]
	}
	return "(no call)"
}
