package config

import (
	"strconv"
	"strings"
	"testing"

	"github.com/execctx/execctx/component/internal/config/toml"
)

// BenchmarkTOMLParsers prints the parse time of package toml and of the
// reference (BurntSushi/toml and the conversion the guest did before) on
// a PyScript config and on the costliest shapes the limits let through.
// Run it with
//
//	go test -run '^$' -bench TOMLParsers -benchmem ./component/internal/config/
func BenchmarkTOMLParsers(b *testing.B) {
	key := func(i int) string { return "k" + strconv.Itoa(i) }
	shapes := []struct{ name, text string }{
		{"pyscript-config", pyscriptConfig},
		{"flat-short-keys", fillToLimits("", func(i int) string { return key(i) + " = 1\n" })},
		{"strings-and-arrays", fillToLimits("", func(i int) string { return key(i) + ` = ["a.py", 'b', "\u00e9\n"]` + "\n" })},
		{"files-table-of-urls", fillToLimits("[files]\n", func(i int) string {
			return `"https://cdn.example.com/pkg/` + key(i) + `.py" = "./lib/` + key(i) + `.py"` + "\n"
		})},
		{"keys-under-a-99-level-header", fillToLimits("["+dotted(99)+"]\n", func(i int) string { return key(i) + " = 1\n" })},
		{"99-segment-dotted-keys", fillToLimits("", func(i int) string { return dotted(98) + "." + key(i) + " = 1\n" })},
		{"98-deep-inline-tables", fillToLimits("", func(i int) string { return key(i) + " = " + nested("{a = ", "1", "}", 98) + "\n" })},
		{"98-deep-arrays", fillToLimits("", func(i int) string { return key(i) + " = " + nested("[", "1", "]", 98) + "\n" })},
		{"long-table-name", fillToLimits("["+strings.Repeat("a", 100_000)+"]\n", func(i int) string { return key(i) + " = 1\n" })},
	}
	parsers := []struct {
		name  string
		parse func(string) (any, error)
	}{
		{"toml", func(s string) (any, error) { return toml.Parse(s) }},
		{"burntsushi", referenceTOML},
	}
	for _, s := range shapes {
		for _, p := range parsers {
			b.Run(s.name+"/"+p.name, func(b *testing.B) {
				if _, err := p.parse(s.text); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(s.text)))
				b.ReportAllocs()
				for b.Loop() {
					_, _ = p.parse(s.text)
				}
			})
		}
	}
}

// pyscriptConfig is a config of the size and forms PyScript pages use.
const pyscriptConfig = `name = "app"
packages = ["numpy==1.26", "./wheels/x-1.0-py3-none-any.whl"]
packages_cache = "all"
experimental_ffi_timeout = 0
plugins = ["!error"]

[files]
"{DOMAIN}" = "https://x.test"
"{DOMAIN}/data.zip" = "./data/*"
"./b.py" = ""

[js_modules.main]
"./style.css" = "style"
"https://cdn.jsdelivr.net/npm/chart.js" = "chart"

[js_modules.worker]
"./w.js" = "w"

[[fetch]]
from = "https://x.test/"
files = ["a.py", "b.py"]
to_folder = "./lib"
`
