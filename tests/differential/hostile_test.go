package differential

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/internal/reliability"
	"github.com/execctx/execctx/tests/internal/jcohost"
)

// hostileCase is a config built to hurt, and what must come of it: the
// same answer from both engines, which is wantErr's error (its start, and
// containing wantIn) or a config containing wantIn.
type hostileCase struct {
	name    string
	source  api.ConfigSource
	wantErr string
	wantIn  string
}

const (
	tooDeep = "nesting deeper than 100 levels; execctx limits a config to 100 levels"
	tooBig  = "execctx limits a config to 1048576 bytes"
)

func hostileConfigs() []hostileCase {
	return []hostileCase{
		{"10 MB of TOML", tomlSource(strings.Repeat("# padding\n", 1<<20)), "(PY1000): Invalid TOML", tooBig},
		{"10 MB of JSON", jsonSource(`{"a": "` + strings.Repeat("x", 10<<20) + `"}`), "(PY1000): Invalid JSON", tooBig},
		{"2,000 nested inline tables", tomlSource("a = " + strings.Repeat("{b = ", 2000) + "1" + strings.Repeat("}", 2000)), "(PY1000): Invalid TOML", tooDeep},
		{"a [a.a…] header 100,000 deep", tomlSource("[" + strings.Repeat("a.", 99_999) + "a]"), "(PY1000): Invalid TOML", tooDeep},
		{"[[a.a…]] 5,000 deep", tomlSource("[[" + strings.Repeat("a.", 4999) + "a]]"), "(PY1000): Invalid TOML", tooDeep},
		{"9,999 nested JSON objects", jsonSource(strings.Repeat(`{"a":`, 9999) + "1" + strings.Repeat("}", 9999)), "(PY1000): Invalid JSON", tooDeep},
		{"100,000 nested JSON arrays", jsonSource(strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)), "(PY1000): Invalid JSON", tooDeep},
		{"99 levels under the root table: allowed", jsonSource(strings.Repeat(`{"a":`, 99) + "1" + strings.Repeat("}", 99)), "", `{"a":{"a":`},
		{"a raw NUL in TOML", tomlSource("a = \"x\x00y\""), "(PY1000): Invalid TOML", "line 1"},
		{"a raw NUL in a JSON string", jsonSource("{\"a\": \"x\x00y\"}"), "(PY1000): Invalid JSON", "line 1"},
		{"an escaped NUL in JSON: a value", jsonSource(`{"a": "x\u0000y"}`), "", `"a":"x\u0000y"`},
		{"__proto__ and constructor keys", jsonSource(`{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"p": 2}}}`), "", `"__proto__":{"polluted":1}`},
		{"JSON 1e400", jsonSource(`{"a": 1e400}`), "", `"a":null`},
		{"JSON 2^64", jsonSource(`{"a": 18446744073709551616}`), "", `"a":18446744073709552000`},
		{"a 400-digit JSON number", jsonSource(`{"a": ` + strings.Repeat("9", 400) + `}`), "", `"a":null`},
		{"TOML integer past int64", tomlSource("a = 9223372036854775808"), "(PY1000): Invalid TOML", "out of range"},
		{"TOML 1e400", tomlSource("a = 1e400"), "(PY1000): Invalid TOML", "line 1"},
		{"content after the JSON value", jsonSource(`{"a": 1}] anything {"b": 2`), "(PY1000): Invalid JSON", "line 1, column 9"},
	}
}

// TestHostileConfigs: each hostile config gets the same clean answer from
// both engines, fast enough not to hit the bridge's timeout.
func TestHostileConfigs(t *testing.T) {
	cases := hostileConfigs()
	reliability.Row(t, "hostile configs", fmt.Sprintf("%d configs: 10 MB, deep nesting (TOML, JSON, headers), NUL, __proto__, huge numbers, trailing content", len(cases)),
		"the same clean (PY1000) error, or the same config, from both engines")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkHostile(t, tc, configBoth(t, tc.source)) })
	}
}

func checkHostile(t *testing.T, tc hostileCase, got answer) {
	t.Helper()
	switch {
	case tc.wantErr == "" && got.err != "":
		t.Fatalf("error %s; want a config containing %q", got.err, tc.wantIn)
	case tc.wantErr == "" && !strings.Contains(got.text, tc.wantIn):
		t.Fatalf("config %.300s; want it to contain %q", got.text, tc.wantIn)
	case tc.wantErr != "" && (!strings.HasPrefix(got.err, tc.wantErr) || !strings.Contains(got.err, tc.wantIn)):
		t.Fatalf("answer %.300s; want an error starting %q and containing %q", got, tc.wantErr, tc.wantIn)
	}
}

// TestHostileFiles: config files entries that name hostile URLs or
// amplify the table are refused the same way by both engines.
func TestHostileFiles(t *testing.T) {
	amplify := `{"files": {"{A}": "` + strings.Repeat("a", 100_000) + `", ` + manyEntries(500) + `}}`
	cases := []hostileCase{
		{"javascript: URL", jsonSource(`{"files": {"javascript:alert(1)": "x.py"}}`), `files: "javascript:alert(1)": `, ""},
		{"data: URL", jsonSource(`{"files": {"data:text/plain,hi": "x.py"}}`), `files: "data:text/plain,hi": `, ""},
		{"an undefined template", jsonSource(`{"files": {"{NOPE}x.py": ""}}`), `files: "{NOPE}x.py": Invalid template`, ""},
		{"templates amplifying the table to 500 MB", jsonSource(amplify), "files: ", "execctx limits it to 1048576 bytes"},
		{"an archive", jsonSource(`{"files": {"./pkg.zip": "./pkg/*"}}`), "files: ", "unpacking archives"},
	}
	reliability.Row(t, "hostile configs", fmt.Sprintf("%d hostile files tables: javascript: and data: URLs, undefined and amplifying templates, archives", len(cases)),
		"refused with a message naming the entry, the same in both engines")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := callBoth(t, []api.ConfigSource{tc.source}, func(ctx context.Context, c jcohost.API) answer {
				entries, err := c.Files(ctx)
				return answerOf(fmt.Sprint(entries), err)
			})
			checkHostile(t, tc, got)
		})
	}
}

// manyEntries is n files entries that each use the template {A} ten times.
func manyEntries(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `, "https://cdn.test/%s%d": "f%d.py"`, strings.Repeat("{A}", 10), i, i)
	}
	return strings.TrimPrefix(b.String(), ", ")
}

// TestInvalidUTF8: only a Go host can hand the guest bytes that are not
// UTF-8 (a JS string cannot hold them, and the bridge's JSON would replace
// them), so this runs under wazero alone: a clear error with the position,
// never a config with the bytes silently replaced.
func TestInvalidUTF8(t *testing.T) {
	reliability.Row(t, "hostile configs", "invalid UTF-8 from a Go host (wazero only: JS strings cannot hold it)", "(PY1000) error naming line and column")
	for _, tc := range []struct {
		src  api.ConfigSource
		want string
	}{
		{tomlSource("a = \"\xff\xfe\""), "line 1, column 6: invalid UTF-8 byte 0xff; a config must be UTF-8 text"},
		{jsonSource("{\"a\": \"\xc3\x28\"}"), "line 1, column 8: invalid UTF-8 byte 0xc3; a config must be UTF-8 text"},
	} {
		got := callOn(wazero.NewContext, []api.ConfigSource{tc.src}, func(ctx context.Context, c jcohost.API) answer {
			return answerOf(c.Config(ctx))
		})
		if !strings.HasPrefix(got.err, "(PY1000): Invalid") || !strings.HasSuffix(got.err, tc.want) {
			t.Errorf("%q: %s; want a (PY1000) error ending %q", tc.src.Text, got, tc.want)
		}
	}
}
