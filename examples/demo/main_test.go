package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
)

const sabMessage = "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer"

// TestDemoOutput runs the demo into a buffer and checks, section by
// section, the lines that show what each context sees.
func TestDemoOutput(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	sections := map[string][]string{}
	var title string
	for _, line := range strings.Split(out.String(), "\n") {
		if name, ok := strings.CutPrefix(line, "== "); ok {
			title = name
			continue
		}
		sections[title] = append(sections[title], line)
	}
	tests := []struct {
		section string
		lines   []string // each must be a whole line of the section
	}{
		{"main thread", []string{
			"RUNNING_IN_WORKER: false",
			"window:            direct",
			"document:          direct",
			"sync:              <NotSupported pyscript.sync [pyscript.sync works only when running in a worker]>",
			`PyWorker:          the host starts https://example.test/app/worker.py under micropython with config {"sync_main_only":true}`,
			"js_modules:        greeting (local), theme (local)",
			`current_target():  "mpy-0"`,
		}},
		{"worker (SharedArrayBuffer usable)", []string{
			"RUNNING_IN_WORKER: true",
			"window:            proxied",
			"sync:              proxied",
			"PyWorker:          error: pyscript.PyWorker works only when running in the main thread",
			"js_modules:        greeting_worker (local), greeting (main), theme (main)",
			`current_target():  "mpy-w1-target"`,
			"document.title = … written through the proxy",
		}},
		{"worker (page not cross-origin isolated)", []string{
			"window:            <NotSupported pyscript.window [" + sabMessage + "]>",
			"sync:              async-only",
			"console.warn:      " + sabMessage,
			"js_import:         error: " + sabMessage,
			"js_modules:        greeting_worker (local)",
			`current_target():  ""`,
			// The isolated worker's write failed; the other one's stays.
			`page title after the worker wrote it: "written by a worker"`,
		}},
		{"a broken <mpy-config>", []string{
			"config error: (PY1000): Invalid TOML",
			`line 2, column 12: the array that starts here is not closed: end it with ']' (last key "packages")`,
		}},
	}
	for _, tc := range tests {
		got := sections[tc.section]
		if got == nil {
			t.Errorf("no section %q in:\n%s", tc.section, out.String())
			continue
		}
		for _, want := range tc.lines {
			if !slices.Contains(got, want) {
				t.Errorf("section %q has no line\n\t%s\ngot:\n\t%s", tc.section, want, strings.Join(got, "\n\t"))
			}
		}
	}
	// The default config is TOML embedded in the binary; every context loads it.
	if n := strings.Count(out.String(), `"name":"execctx demo"`); n != 3 {
		t.Errorf("the embedded config shows %d times, want 3 (one per context)", n)
	}
}
