package files

import (
	"fmt"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	const base = "https://example.org/app/config.toml"
	tests := []struct {
		name    string
		files   any
		want    []Entry
		wantErr string
	}{
		{name: "no files", files: nil},
		{name: "empty destination: the basename in the working directory",
			files: map[string]any{"./harness.py": ""},
			want:  []Entry{{URL: "https://example.org/app/harness.py", Path: "harness.py"}}},
		{name: "destination directory gets the basename",
			files: map[string]any{"lib/util.py": "pkg/"},
			want:  []Entry{{URL: "https://example.org/app/lib/util.py", Path: "pkg/util.py"}}},
		{name: "explicit path, absolute URL, query dropped from the name",
			files: map[string]any{"https://cdn.example/x.py?v=2": "/abs/y.py", "https://cdn.example/z.py?v=2": ""},
			want: []Entry{{URL: "https://cdn.example/x.py?v=2", Path: "/abs/y.py"},
				{URL: "https://cdn.example/z.py?v=2", Path: "z.py"}}},
		{name: "templates expand in keys and values",
			files: map[string]any{"{FROM}": "https://example.org/src/", "{TO}": "./lib", "{FROM}a.py": "{TO}/", "{FROM}b.py": "{TO}/b2.py"},
			want: []Entry{{URL: "https://example.org/src/a.py", Path: "lib/a.py"},
				{URL: "https://example.org/src/b.py", Path: "lib/b2.py"}}},
		{name: "undefined template", files: map[string]any{"{NOPE}x.py": ""},
			wantErr: `files: "{NOPE}x.py": Invalid template: {NOPE} is not defined`},
		{name: "two URLs, one path", files: map[string]any{"a/x.py": "", "b/x.py": ""},
			wantErr: "files: Duplicated destination: x.py (from https://example.org/app/a/x.py and https://example.org/app/b/x.py)"},
		{name: "archives are refused", files: map[string]any{"./pkg.zip": "./pkg/*"},
			wantErr: "unpacking archives"},
		{name: "a directory URL needs a destination", files: map[string]any{"./dir/": ""},
			wantErr: "the URL names no file to save"},
		{name: "a directory URL with a query needs one too", files: map[string]any{"./dir/?v=1": ""},
			wantErr: "the URL names no file to save"},
		{name: "a bare host needs one too", files: map[string]any{"https://cdn.example": ""},
			wantErr: "the URL names no file to save"},
		{name: "hostile scheme", files: map[string]any{"javascript:alert(1)": "x.py"},
			wantErr: `files: "javascript:alert(1)": `},
		// Templates cannot make the table longer than a config could
		// spell out (1 MiB): a 100 KB template ten times in each of 500
		// entries made 476 MB of URLs.
		{name: "templates amplifying the table", files: amplified(500, 10),
			wantErr: `templates expand the files table past 1048576 bytes of URLs and paths; execctx limits it to 1048576 bytes: use fewer or shorter templates`},
		{name: "one entry expanding past the limit", files: amplified(1, 11),
			wantErr: `templates expand the files table past 1048576 bytes`},
		{name: "templates within the limit", files: amplified(1, 10), want: []Entry{{
			URL:  "https://example.org/" + strings.Repeat(strings.Repeat("a", 100_000), 10) + "0",
			Path: "f0.py"}}},
		{name: "not a table", files: []any{"a.py"},
			wantErr: "files: expected a table of URL = destination, got a list"},
		{name: "destination not a string", files: map[string]any{"a.py": 1.0},
			wantErr: `files: "a.py": the destination must be a string, got a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := map[string]any{}
			if tt.files != nil {
				cfg["files"] = tt.files
			}
			got, err := Resolve(cfg, base)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("entry %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// amplified is a files table whose {A} template is 100,000 bytes, used
// uses times in each of n entries.
func amplified(n, uses int) map[string]any {
	table := map[string]any{"{A}": strings.Repeat("a", 100_000)}
	for i := range n {
		table["https://example.org/"+strings.Repeat("{A}", uses)+fmt.Sprint(i)] = fmt.Sprintf("f%d.py", i)
	}
	return table
}

func TestNextTemplate(t *testing.T) {
	tests := []struct {
		in         string
		start, end int
		ok         bool
	}{
		{"{FROM}a.py", 0, 6, true},
		{"x/{TO}/", 2, 6, true},
		{"{}", 0, 0, false},   // empty name
		{"{{A}", 1, 4, true},  // the innermost
		{"{A{B}", 2, 5, true}, // no braces inside a name
		{"no templates", 0, 0, false},
		{"{open", 0, 0, false},
	}
	for _, tt := range tests {
		start, end, ok := nextTemplate(tt.in)
		if start != tt.start || end != tt.end || ok != tt.ok {
			t.Errorf("nextTemplate(%q) = %d, %d, %v; want %d, %d, %v", tt.in, start, end, ok, tt.start, tt.end, tt.ok)
		}
	}
}
