// Package reliability records what a reliability test tried and whether
// it held, as rows of the table `make reliability` prints. The JS suites
// write the same rows (tests/reliability/report.mjs).
package reliability

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

// LogEnv names the file rows are appended to; without it, Row does nothing.
const LogEnv = "EXECCTX_RELIABILITY_LOG"

var mu sync.Mutex

// Row records, when t ends, that area was tried as tried, and what held:
// held if t passed, "FAILED" otherwise.
func Row(t *testing.T, area, tried, held string) {
	t.Cleanup(func() {
		if t.Failed() {
			held = "FAILED"
		}
		if err := appendRow(area, tried, held); err != nil {
			t.Errorf("reliability log: %v", err)
		}
	})
}

func appendRow(cells ...string) error {
	path := os.Getenv(LogEnv)
	if path == "" {
		return nil
	}
	for k, c := range cells {
		cells[k] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
	}
	mu.Lock()
	defer mu.Unlock()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(f, strings.Join(cells, "\t"))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
