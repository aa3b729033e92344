package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.bytecodealliance.org/wit"
)

// A result<...> has a Go shape only as a function's own result, (T, error);
// anywhere else the model refuses it, rather than emit code that does not
// compile in package api.
func TestNestedResultRefused(t *testing.T) {
	for _, decl := range []string{
		"f: func(a: result<u32, string>);",
		"f: func() -> option<result<u32, string>>;",
		"f: func() -> result<list<result<_, string>>, string>;",
		"record r { x: result<u32, string> }\n  f: func() -> r;",
	} {
		dir := t.TempDir()
		src := "package test:nested@0.1.0;\n\ninterface i {\n  " + decl + "\n}\n\nworld w {\n  export i;\n}\n"
		if err := os.WriteFile(filepath.Join(dir, "nested.wit"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := wit.LoadWIT(dir)
		if err != nil {
			t.Fatalf("%s: %v", decl, err)
		}
		_, err = buildModel(res, "w")
		if err == nil || !strings.Contains(err.Error(), "only as a function's result") {
			t.Errorf("%s: error %v, want a refusal of the nested result", decl, err)
		}
	}
}
