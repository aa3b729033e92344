package conformance

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"reflect"
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

// diff describes where other (engine name) answered differently from
// wazero, test by test, but for the tests in skipped.
func (tr *transcript) diff(other *transcript, name string, skipped map[string]string) string {
	var b strings.Builder
	for _, test := range tr.tests {
		mine, theirs := tr.calls[test], other.calls[test]
		if _, ok := skipped[test]; ok || slices.Equal(mine, theirs) {
			continue
		}
		fmt.Fprintf(&b, "%s:\n", test)
		for k := range max(len(mine), len(theirs)) {
			a, z := at(mine, k), at(theirs, k)
			if a != z {
				fmt.Fprintf(&b, "  call %d\n    wazero: %s\n    %-8s%s\n", k, a, name+":", z)
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

// functions is the set of exports the transcript called.
func (tr *transcript) functions() map[string]bool {
	called := map[string]bool{}
	for _, calls := range tr.calls {
		for _, c := range calls {
			name, _, _ := strings.Cut(c, "[]")
			called[name] = true
		}
	}
	return called
}

// checkCoverage requires every engine to have run every export of the
// context interface (Context's methods but Close) at least once, so that
// a comparison covers the whole interface.
func checkCoverage(engines []engine) int {
	want := reflect.TypeFor[Context]().NumMethod() - 1
	for _, e := range engines {
		called := transcripts[e.name].functions()
		if len(called) < want {
			fmt.Fprintf(os.Stderr, "conformance: %s ran %d of the %d exports: %v\n", e.name, len(called), want, slices.Sorted(maps.Keys(called)))
			return 1
		}
	}
	return 0
}
