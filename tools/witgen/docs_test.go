package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"go.bytecodealliance.org/wit"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestPublicGolden")

// TestPublicGolden pins what an embedder reads for testdata/docs: the
// public types and interfaces with the WIT doc comments of types, fields,
// cases, interfaces and functions, and host's Imports. Run with -update to
// rewrite the golden files after a deliberate change.
func TestPublicGolden(t *testing.T) {
	const dir = "testdata/docs"
	res, err := wit.LoadWIT(dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := buildModel(res, "docs")
	if err != nil {
		t.Fatal(err)
	}
	files, err := generate(m, dir)
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, f := range files {
		if f.side != "api" && f.side != "hostapi" {
			continue
		}
		golden := filepath.Join(dir, f.side+"_"+f.name+".golden")
		compared++
		if *update {
			if err := os.WriteFile(golden, f.src, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(f.src, want) {
			t.Errorf("%s/%s differs from %s (run go test -update if the change is deliberate):\n%s", f.side, f.name, golden, f.src)
		}
	}
	if compared != 3 {
		t.Errorf("compared %d files, want 3 (api types and imports, host imports)", compared)
	}
}
