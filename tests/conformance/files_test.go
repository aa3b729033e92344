package conformance

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
)

// TestFiles covers config files (spec §3.7): relative URLs resolve against
// the config file's URL when the config came from one (§3.8), else
// against the base URL.
func TestFiles(t *testing.T) {
	tests := []struct {
		id      string
		source  api.ConfigSource
		fetched map[string]string // config files the host serves, by URL
		want    []api.FileEntry
		wantErr string
	}{
		{id: "inline config: the base URL", source: hostmock.ExplicitConfig(`{"files": {"./lib/a.py": "", "b.py": "pkg/"}}`, api.ConfigFormatJSON),
			want: []api.FileEntry{{URL: base + "lib/a.py", Path: "a.py"}, {URL: base + "b.py", Path: "pkg/b.py"}}},
		{id: "C28 config file: its own URL", source: hostmock.TagConfig("./conf/config.toml", api.ConfigFormatAuto),
			fetched: map[string]string{base + "conf/config.toml": "[files]\n\"./a.py\" = \"\"\n"},
			want:    []api.FileEntry{{URL: base + "conf/a.py", Path: "a.py"}}},
		{id: "no files", source: hostmock.ExplicitConfig(`{"a": 1}`, api.ConfigFormatJSON)},
		{id: "a config error comes first", source: hostmock.ExplicitConfig("files = [", api.ConfigFormatTOML), wantErr: "(PY1000): Invalid TOML\nline 1, column 9: the array that starts here is not closed: end it with ']' (last key \"files\")"},
		// A 100 KB template used ten times per entry: the second entry
		// passes 1 MiB of URLs and paths.
		{id: "templates may not amplify the table", source: hostmock.ExplicitConfig(`{"files": {"{A}": "`+strings.Repeat("a", 100_000)+`", `+
			`"https://cdn.test/`+strings.Repeat("{A}", 10)+`0": "f0.py", "https://cdn.test/`+strings.Repeat("{A}", 10)+`1": "f1.py", `+
			`"https://cdn.test/`+strings.Repeat("{A}", 10)+`2": "f2.py"}}`, api.ConfigFormatJSON),
			wantErr: `files: "https://cdn.test/` + strings.Repeat("{A}", 10) + `1": templates expand the files table past 1048576 bytes of URLs and paths; execctx limits it to 1048576 bytes: use fewer or shorter templates`},
		{id: "duplicated destination", source: hostmock.ExplicitConfig(`{"files": {"a/x.py": "", "b/x.py": ""}}`, api.ConfigFormatJSON),
			wantErr: "files: Duplicated destination: x.py (from " + base + "a/x.py and " + base + "b/x.py)"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			h := hostmock.MainHosts(hostmock.NewPage(), "micropython")
			h.Env.Sources = []api.ConfigSource{tc.source}
			for url, body := range tc.fetched {
				h.Fetch.Files[url] = body
			}
			got, err := newContext(t, h).Files(ctx)
			if tc.wantErr != "" {
				require.EqualError(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
