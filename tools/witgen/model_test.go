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

// The world imports WASI 0.2.3 so that it declares all the component
// imports; the model leaves WASI out (the runtime supplies it, no glue is
// generated) and keeps every execctx interface.
func TestWASIImportsSkipped(t *testing.T) {
	res, err := wit.LoadWIT("../../wit")
	if err != nil {
		t.Fatal(err)
	}
	m, err := buildModel(res, "execctx")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range m.Ifaces {
		got = append(got, i.Module)
	}
	want := []string{"types", "environment", "window", "document", "worker", "fetch", "context"}
	for k := range want {
		want[k] = "execctx:context/" + want[k] + "@0.1.0"
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("model interfaces %v, want %v", got, want)
	}
	wasi := 0
	for _, w := range res.Worlds {
		if w.Name != "execctx" {
			continue
		}
		w.Imports.All()(func(_ string, item wit.WorldItem) bool {
			if ref, ok := item.(*wit.InterfaceRef); ok && isWASI(ref.Interface) {
				wasi++
			}
			return true
		})
	}
	if wasi != 13 {
		t.Errorf("the world imports %d WASI interfaces, want the 13 the component imports", wasi)
	}
}
