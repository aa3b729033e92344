package config

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// BenchmarkParseDepth prints how parse time grows with nesting, for each
// shape of issue 8, up to MaxDepth (which is where growth stops: deeper
// configs are refused by the scan). Run it with
//
//	go test -run '^$' -bench ParseDepth -benchmem ./component/internal/config/
func BenchmarkParseDepth(b *testing.B) {
	shapes := []struct {
		name   string
		format Format
		text   func(depth int) string
	}{
		{"toml-inline-tables", FormatTOML, func(d int) string { return "a = " + nested("{a = ", "{}", "}", d-2) }},
		{"toml-arrays", FormatTOML, func(d int) string { return "a = " + nested("[", "", "]", d-1) }},
		{"toml-dotted-key", FormatTOML, func(d int) string { return dotted(d) + " = 1" }},
		{"toml-header", FormatTOML, func(d int) string { return "[" + dotted(d-1) + "]" }},
		{"toml-array-header", FormatTOML, func(d int) string { return "[[" + dotted(d-2) + "]]" }},
		{"json", FormatJSON, func(d int) string { return nested(`{"a":`, "[]", "}", d-1) }},
	}
	for _, s := range shapes {
		for _, depth := range []int{10, 25, 50, MaxDepth} {
			b.Run(fmt.Sprintf("%s/depth=%d", s.name, depth), func(b *testing.B) {
				benchParse(b, s.text(depth), s.format, depth)
			})
		}
	}
}

// BenchmarkParseAtLimits prints the parse time of the costliest configs
// the limits let through: each fills MaxConfigBytes or MaxNameBytes with
// lines of one shape.
func BenchmarkParseAtLimits(b *testing.B) {
	shapes := []struct {
		name, head string
		line       func(i int) string
	}{
		{"flat-short-keys", "", func(i int) string { return fmt.Sprintf("k%d = 1\n", i) }},
		{"keys-under-a-99-level-header", "[" + dotted(99) + "]\n", func(i int) string { return fmt.Sprintf("k%d = 1\n", i) }},
		{"99-segment-dotted-keys", "", func(i int) string { return dotted(98) + fmt.Sprintf(".k%d = 1\n", i) }},
		{"98-deep-inline-tables", "", func(i int) string { return fmt.Sprintf("k%d = ", i) + nested("{a = ", "1", "}", 98) + "\n" }},
		{"98-deep-arrays", "", func(i int) string { return fmt.Sprintf("k%d = ", i) + nested("[", "1", "]", 98) + "\n" }},
		{"long-table-name", "[" + strings.Repeat("a", 100_000) + "]\n", func(i int) string { return fmt.Sprintf("k%d = 1\n", i) }},
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			text := fillToLimits(s.head, s.line)
			benchParse(b, text, FormatTOML, -1)
		})
	}
	b.Run("json-flat-short-keys", func(b *testing.B) {
		var t strings.Builder
		t.WriteString("{")
		for i := 0; t.Len() < MaxConfigBytes-30; i++ {
			fmt.Fprintf(&t, `"k%d": 1, `, i)
		}
		t.WriteString(`"end": 1}`)
		benchParse(b, t.String(), FormatJSON, -1)
	})
}

// fillToLimits is head and as many lines as the limits let through.
func fillToLimits(head string, line func(i int) string) string {
	build := func(n int) string {
		var b strings.Builder
		b.WriteString(head)
		for i := range n {
			b.WriteString(line(i))
		}
		return b.String()
	}
	n := sort.Search(MaxConfigBytes, func(n int) bool {
		return checkLimits(build(n), FormatTOML) != nil
	})
	return build(n - 1)
}

// benchParse times Parse of text, after checking it parses (to depth, if
// depth is not -1).
func benchParse(b *testing.B, text string, format Format, depth int) {
	v, err := Parse(text, format, "")
	if err != nil {
		b.Fatal(err)
	}
	if depth >= 0 && depthOf(v) != depth {
		b.Fatalf("the text is %d deep, want %d", depthOf(v), depth)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(text, format, ""); err != nil {
			b.Fatal(err)
		}
	}
}
