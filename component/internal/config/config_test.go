package config

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestSelect(t *testing.T) {
	tag := func(s string) Source { return Source{Origin: OriginTag, Text: s} }
	attr := func(s string) Source { return Source{Origin: OriginAttribute, Text: s} }
	opt := func(s string) Source { return Source{Origin: OriginExplicit, Text: s} }
	tests := []struct {
		id      string
		sources []Source
		want    string
		ok      bool
		wantErr string
	}{
		{id: "none", ok: false},
		{id: "one tag", sources: []Source{tag("a = 1")}, want: "a = 1", ok: true},
		{id: "C14", sources: []Source{tag("a"), tag("b")}, wantErr: "(PY0409): Too many py-config"},
		{id: "C15", sources: []Source{tag("a"), attr("b")}, wantErr: "(PY0409): Ambiguous py-config VS config attribute"},
		{id: "C16", sources: []Source{attr("first.toml"), attr("second.toml")}, wantErr: "(PY0409): Unable to use different configs on main"},
		{id: "C17", sources: []Source{attr(`{"name":"OK"}`), attr(`{"name":"OK"}`)}, want: `{"name":"OK"}`, ok: true},
		{id: "explicit wins", sources: []Source{tag("a"), tag("b"), opt("c = 1")}, want: "c = 1", ok: true},
		{id: "two explicit", sources: []Source{opt("a"), opt("b")}, wantErr: "(PY0409): Too many explicit configs"},
	}
	for _, tc := range tests {
		got, ok, err := Select(tc.sources, "py-config")
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("%s: err = %v, want %q", tc.id, err, tc.wantErr)
			}
			continue
		}
		if err != nil || ok != tc.ok || got.Text != tc.want {
			t.Errorf("%s: Select = %+v, %v, %v", tc.id, got, ok, err)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		id      string
		src     Source
		kind    kind
		format  Format
		wantErr string
	}{
		{id: "empty", src: Source{Text: "  \n"}, kind: kindEmpty},
		{id: "inline JSON", src: Source{Text: ` {"a": 1} `}, kind: kindInline, format: FormatJSON},
		{id: "inline TOML", src: Source{Text: "a = 1"}, kind: kindInline, format: FormatTOML},
		{id: "C25 float ending", src: Source{Text: "a = 1\nb = 2.5"}, kind: kindInline, format: FormatTOML},
		{id: "version = 0.23", src: Source{Text: "version = 0.23"}, kind: kindInline, format: FormatTOML},
		{id: "JSON URL", src: Source{Text: "./c.json"}, kind: kindURL, format: FormatJSON},
		{id: "TOML URL with query", src: Source{Text: "https://x.test/c.toml?v=2"}, kind: kindURL, format: FormatTOML},
		{id: "upper-case extension", src: Source{Text: "https://x.test/cfg.JSON"}, kind: kindURL, format: FormatJSON},
		{id: "fragment", src: Source{Text: "./cfg.toml#v1"}, kind: kindURL, format: FormatTOML},
		{id: "C21", src: Source{Text: "./config.txt"}, wantErr: "(PY1000): Invalid URL: ./config.txt"},
		{id: "C22", src: Source{Text: "x.toml", Format: FormatJSON}, wantErr: "(PY1000): Invalid URL: x.toml\nexpected json content"},
		{id: "forced TOML inline", src: Source{Text: "a = 1", Format: FormatTOML}, kind: kindInline, format: FormatTOML},
		{id: "extension-less path is TOML (and will fail loudly)", src: Source{Text: "./pyscript"}, kind: kindInline, format: FormatTOML},
	}
	for _, tc := range tests {
		c, err := classify(tc.src)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("%s: err = %v, want %q", tc.id, err, tc.wantErr)
			}
			continue
		}
		if err != nil || c.kind != tc.kind || c.format != tc.format {
			t.Errorf("%s: classify = %+v, %v", tc.id, c, err)
		}
	}
}

type fakeFetcher map[string]Response

func (f fakeFetcher) Fetch(url string) (Response, error) {
	if r, ok := f[url]; ok {
		if r.Status == 0 {
			return Response{}, fmt.Errorf("%s", r.Body)
		}
		return r, nil
	}
	return Response{Status: 404, StatusText: "Not Found"}, nil
}

func TestLoad(t *testing.T) {
	const base = "https://x.test/app/page.html"
	files := fakeFetcher{
		"https://x.test/app/c.json":      {Status: 200, Body: ` {"a": [1, "two"]} `},
		"https://x.test/app/c.toml":      {Status: 200, Body: "[files]\n\"x.py\" = \"\"\n"},
		"https://x.test/app/bad.json":    {Status: 200, Body: "{"},
		"https://x.test/app/down.json":   {Body: "connection refused"},
		"https://x.test/app/gone.toml":   {Status: 503, StatusText: "Service Unavailable"},
		"https://x.test/app/teapot.toml": {Status: 418, StatusText: "I'm a teapot"},
	}
	tests := []struct {
		id      string
		text    string
		want    any
		url     string
		wantErr string
	}{
		{id: "JSON URL", text: "./c.json", want: map[string]any{"a": []any{1.0, "two"}}, url: "https://x.test/app/c.json"},
		{id: "TOML URL", text: "c.toml", want: map[string]any{"files": map[string]any{"x.py": ""}}, url: "https://x.test/app/c.toml"},
		{id: "inline", text: "a = 1", want: map[string]any{"a": 1.0}},
		{id: "empty", text: "", want: map[string]any{}},
		{id: "C23", text: "./bad.json", wantErr: "(PY1000): Invalid JSON @ ./bad.json\nline 1, column 2: unexpected end of JSON input"},
		{id: "C24", text: "./missing.toml", wantErr: "(PY0404): Fetching from URL ./missing.toml failed with error 404 (Not Found). Are your filename and path correct?"},
		{id: "503", text: "./gone.toml", wantErr: "(PY0503): Fetching from URL ./gone.toml failed with error 503 (Service Unavailable). Are your filename and path correct?"},
		{id: "other status", text: "./teapot.toml", wantErr: "(PY0001): Fetching from URL ./teapot.toml failed with error 418 (I'm a teapot). Are your filename and path correct?"},
		{id: "network", text: "./down.json", wantErr: "(PY0001): Fetching from URL ./down.json failed with error 'connection refused'. Are your filename and path correct?"},
		{id: "hostile scheme", text: "javascript:x.json", wantErr: "(PY1000): Invalid URL: javascript:x.json\nscheme \"javascript\" is not allowed; use http, https, file"},
	}
	for _, tc := range tests {
		got, url, err := Load(Source{Origin: OriginTag, Text: tc.text}, base, files)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("%s: err = %v\nwant %q", tc.id, err, tc.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) || url != tc.url {
			t.Errorf("%s: Load = %#v, %q, %v", tc.id, got, url, err)
		}
	}
}

func TestParseErrorsHavePositions(t *testing.T) {
	tests := []struct {
		id     string
		text   string
		format Format
		want   string
	}{
		{"C19", "files = [", FormatTOML, "(PY1000): Invalid TOML\nline 1, column "},
		{"C20", `{"a":}`, FormatJSON, "(PY1000): Invalid JSON\nline 1, column 6: invalid character '}' looking for beginning of value"},
		{"C29", "name = \"x\"\nthis is invalid syntax", FormatTOML, "(PY1000): Invalid TOML\nline 2, column "},
		{"C30", "a = 1\na = 2", FormatTOML, "(PY1000): Invalid TOML\nline 2, column "},
		{"multi-line JSON", "{\n  \"a\": 1,\n}", FormatJSON, "(PY1000): Invalid JSON\nline 3, column 1: "},
		{"trailing JSON", `{"a": 1} x`, FormatJSON, "(PY1000): Invalid JSON\nline 1, column 10: unexpected content after the JSON value"},
	}
	for _, tc := range tests {
		_, err := Parse(tc.text, tc.format, "")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: err = %v\nwant prefix %q", tc.id, err, tc.want)
		}
	}
}

func TestValues(t *testing.T) {
	got, err := Parse(`
when = 1979-05-27T07:32:00Z
offset = 1979-05-27T00:32:00.5-07:00
day = 1979-05-27
local = 1979-05-27T07:32:00
inline = { a = 1, b = "c" }
big = 9007199254740993
[[items]]
x = true
`, FormatTOML, "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"when": "1979-05-27T07:32:00.000Z", "offset": "1979-05-27T07:32:00.500Z",
		"day": "1979-05-27", "local": "1979-05-27T07:32:00",
		"inline": map[string]any{"a": 1.0, "b": "c"}, "big": 9007199254740992.0,
		"items": []any{map[string]any{"x": true}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("C33 values:\n got %#v\nwant %#v", got, want)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		id          string
		parsed      any
		interpreter string
		want        string
		wantErr     string
	}{
		{id: "C08 mpy", parsed: map[string]any{}, interpreter: "micropython", want: `{"type":"mpy"}`},
		{id: "C08 py", parsed: map[string]any{}, interpreter: "pyodide", want: `{"type":"py"}`},
		{id: "C10", parsed: map[string]any{"type": "zzz", "a": "<&>"}, interpreter: "pyodide", want: `{"a":"<&>","type":"py"}`},
		{id: "string becomes {}", parsed: "x", interpreter: "micropython", want: `{"type":"mpy"}`},
		{id: "list", parsed: []any{1.0}, wantErr: "(PY1000): Invalid config: expected a table/object, got a list"},
		{id: "number", parsed: 1.0, wantErr: "(PY1000): Invalid config: expected a table/object, got a number"},
	}
	for _, tc := range tests {
		cfg, err := Normalize(tc.parsed, tc.interpreter)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("%s: err = %v", tc.id, err)
			}
			continue
		}
		if err != nil || Marshal(cfg) != tc.want {
			t.Errorf("%s: %v %v", tc.id, cfg, err)
		}
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		ref, base, want, wantErr string
	}{
		{ref: "a.js", base: "https://x.test/app/", want: "https://x.test/app/a.js"},
		{ref: "../a.js", base: "https://x.test/app/p.html", want: "https://x.test/a.js"},
		{ref: "file:///srv/c.toml", base: "", want: "file:///srv/c.toml"},
		{ref: "a.js", base: "", wantErr: "needs an absolute base URL"},
		{ref: "data:text/plain,x", base: "https://x.test/", wantErr: `scheme "data" is not allowed`},
	}
	for _, tc := range tests {
		got, err := Resolve(tc.ref, tc.base, nil)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Resolve(%q, %q) err = %v", tc.ref, tc.base, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Resolve(%q, %q) = %q, %v", tc.ref, tc.base, got, err)
		}
	}
}
