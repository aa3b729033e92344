package config

import (
	"errors"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		id      string
		src     Source
		kind    kind
		format  Format
		wantErr string
	}{
		{id: "empty", src: Source{Text: ""}, kind: kindEmpty},
		{id: "whitespace", src: Source{Text: "  \n\t"}, kind: kindEmpty},
		{id: "C17 inline JSON", src: Source{Text: ` {"name":"OK"} `}, kind: kindInline, format: FormatJSON},
		{id: "object literal wins over forced TOML", src: Source{Text: `{"a": 1}`, Format: FormatTOML}, kind: kindInline, format: FormatJSON},
		{id: "C13 inline TOML", src: Source{Text: "[js_modules.main]\n\"./js_modules.js\" = \"random_js\""}, kind: kindInline, format: FormatTOML},
		{id: "C25 float ending is TOML", src: Source{Text: "a = 1\nb = 2.5"}, kind: kindInline, format: FormatTOML},
		{id: "one-line float is TOML", src: Source{Text: "version = 0.23"}, kind: kindInline, format: FormatTOML},
		{id: "string value ending in .json is TOML", src: Source{Text: `a = "x.json"`}, kind: kindInline, format: FormatTOML},
		{id: "table header with a dot is TOML", src: Source{Text: "[tool.json]"}, kind: kindInline, format: FormatTOML},
		{id: "comment is TOML", src: Source{Text: "# see c.json"}, kind: kindInline, format: FormatTOML},
		{id: "forced JSON on inline text", src: Source{Text: `"abc"`, Format: FormatJSON}, kind: kindInline, format: FormatJSON},
		{id: "forced TOML on inline text", src: Source{Text: "a = 1", Format: FormatTOML}, kind: kindInline, format: FormatTOML},
		{id: "extension-less path is TOML, and fails loudly", src: Source{Text: "./pyscript"}, kind: kindInline, format: FormatTOML},
		{id: "C09 JSON URL", src: Source{Text: "./settings_py.json"}, kind: kindURL, format: FormatJSON},
		{id: "C24 TOML URL", src: Source{Text: "./missing.toml"}, kind: kindURL, format: FormatTOML},
		{id: "query with = is still a URL", src: Source{Text: "https://x.test/c.toml?v=2&x=y"}, kind: kindURL, format: FormatTOML},
		{id: "upper-case extension", src: Source{Text: "https://x.test/cfg.JSON"}, kind: kindURL, format: FormatJSON},
		{id: "fragment", src: Source{Text: "./cfg.toml#v1"}, kind: kindURL, format: FormatTOML},
		{id: "space in the path", src: Source{Text: "./my config.json"}, kind: kindURL, format: FormatJSON},
		{id: "forced format matching the extension", src: Source{Text: "c.toml", Format: FormatTOML}, kind: kindURL, format: FormatTOML},
		{id: "C21", src: Source{Text: "./config.txt"}, wantErr: "(PY1000): Invalid URL: ./config.txt"},
		{id: "C21 digits", src: Source{Text: "notes 1.5"}, wantErr: "(PY1000): Invalid URL: notes 1.5"},
		{id: "C22", src: Source{Text: "x.toml", Format: FormatJSON}, wantErr: "(PY1000): Invalid URL: x.toml\nexpected json content"},
		{id: "C22 reversed", src: Source{Text: "x.json", Format: FormatTOML}, wantErr: "(PY1000): Invalid URL: x.json\nexpected toml content"},
		{id: "C21 forced", src: Source{Text: " x.txt ", Format: FormatTOML}, wantErr: "(PY1000): Invalid URL: x.txt\nexpected toml content"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			c, err := classify(tc.src)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || c.kind != tc.kind || c.format != tc.format {
				t.Fatalf("classify = %+v, %v; want kind %d format %v", c, err, tc.kind, tc.format)
			}
			if isURL, _ := IsURL(tc.src); isURL != (tc.kind == kindURL) {
				t.Fatalf("IsURL = %v", isURL)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		id, ref, base string
		allowed       map[string]bool
		want, wantErr string
		scheme        bool // the error is a *SchemeError
	}{
		{id: "relative", ref: "a.js", base: "https://x.test/app/", want: "https://x.test/app/a.js"},
		{id: "parent", ref: "../a.js", base: "https://x.test/app/p.html", want: "https://x.test/a.js"},
		{id: "root", ref: "/c.toml?v=1#f", base: "https://x.test/app/p.html", want: "https://x.test/c.toml?v=1#f"},
		{id: "scheme-relative", ref: "//cdn.test/a.js", base: "https://x.test/", want: "https://cdn.test/a.js"},
		{id: "absolute without base", ref: "file:///srv/c.toml", base: "", want: "file:///srv/c.toml"},
		{id: "upper-case scheme", ref: "HTTPS://x.test/a", base: "", want: "https://x.test/a"},
		{id: "relative without base", ref: "a.js", base: "", wantErr: `relative URL "a.js" needs an absolute base URL, got ""`},
		{id: "relative to a relative base", ref: "a.js", base: "./app/", wantErr: "needs an absolute base URL"},
		{id: "data", ref: "data:text/plain,x", base: "https://x.test/", wantErr: `scheme "data" is not allowed; use http, https, file`, scheme: true},
		{id: "javascript", ref: "javascript:alert(1)", base: "https://x.test/", wantErr: `scheme "javascript" is not allowed`, scheme: true},
		{id: "blob refused by default", ref: "blob:https://x.test/1", base: "", wantErr: `scheme "blob" is not allowed`, scheme: true},
		{id: "blob allowed", ref: "blob:https://x.test/1", allowed: map[string]bool{"blob": true}, want: "blob:https://x.test/1"},
		{id: "malformed", ref: "http://[::1", base: "", wantErr: "not a URL"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got, err := Resolve(tc.ref, tc.base, tc.allowed)
			if tc.wantErr != "" {
				var se *SchemeError
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || errors.As(err, &se) != tc.scheme {
					t.Fatalf("err = %v, want %q (scheme error %v)", err, tc.wantErr, tc.scheme)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Resolve = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}
