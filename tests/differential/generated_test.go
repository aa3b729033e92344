package differential

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/require"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/internal/reliability"
)

// unicodeSamples are strings that stress UTF-8 handling: accents, CJK,
// four-byte emoji, a joiner sequence, combining marks, right-to-left
// text, the replacement character, line separators, NUL and controls.
var unicodeSamples = []string{
	"héllo wörld", "中文配置", "日本語のキー", "😀🎉🚀", "👩‍👩‍👧‍👦", "e\u0301\u0302", "שלום עולם",
	"\ufffd", "a\u2028b\u2029c", "nul\x00byte", "tab\tand\nnewline", "\u007f\u0080\u00ff", "\U0001F600x\U0010FFFF",
}

// TestUnicode: each sample as a key and a value, in both formats.
func TestUnicode(t *testing.T) {
	reliability.Row(t, "differential", "unicode keys and values: CJK, emoji, joiners, combining marks, RTL, U+2028, NUL", "same bytes; config unchanged")
	object := map[string]any{}
	for i, s := range unicodeSamples {
		object[s] = s
		object[fmt.Sprintf("list%d", i)] = []any{s, s + s}
	}
	want := roundTrip(t, object)
	for name, src := range sources(t, object) {
		t.Run(name, func(t *testing.T) {
			require.Equal(t, want, decode(t, configBoth(t, src)), "config changed")
		})
	}
}

// TestGenerated: random nested configs from a fixed seed, in both
// formats; each must come back as it went in, plus its type.
func TestGenerated(t *testing.T) {
	reliability.Row(t, "differential", "24 random nested configs (seeded), each as JSON and TOML", "same bytes; config unchanged")
	r := rand.New(rand.NewPCG(8, 2026))
	for i := range 24 {
		object := randomTable(r, 3)
		want := roundTrip(t, object)
		for name, src := range sources(t, object) {
			t.Run(fmt.Sprintf("%02d %s", i, name), func(t *testing.T) {
				require.Equal(t, want, decode(t, configBoth(t, src)), "config changed")
			})
		}
	}
}

// roundTrip is what a config object should come back as: through JSON,
// with the type the main thread's MicroPython context gives it.
func roundTrip(t *testing.T, object map[string]any) map[string]any {
	t.Helper()
	text, _ := json.Marshal(object)
	var out map[string]any
	if err := json.Unmarshal(text, &out); err != nil {
		t.Fatal(err)
	}
	out["type"] = "mpy"
	return out
}

// sources writes object as JSON and as TOML.
func sources(t *testing.T, object map[string]any) map[string]api.ConfigSource {
	t.Helper()
	jsonText, _ := json.Marshal(object)
	var tomlText bytes.Buffer
	if err := toml.NewEncoder(&tomlText).Encode(object); err != nil {
		t.Fatal(err)
	}
	return map[string]api.ConfigSource{"json": jsonSource(string(jsonText)), "toml": tomlSource(tomlText.String())}
}

func randomTable(r *rand.Rand, depth int) map[string]any {
	out := map[string]any{}
	for range 1 + r.IntN(6) {
		out[randomString(r, 12)] = randomValue(r, depth)
	}
	return out
}

func randomValue(r *rand.Rand, depth int) any {
	kinds := 5
	if depth > 0 {
		kinds = 7
	}
	switch r.IntN(kinds) {
	case 0:
		return randomString(r, 40)
	case 1:
		return int64(r.IntN(1<<20)) - 1<<19
	case 2:
		return float64(r.IntN(1<<16)) / 64 // exact in binary, so both formats agree
	case 3:
		return r.IntN(2) == 0
	case 4:
		return []any{randomString(r, 8), randomString(r, 8)}
	case 5:
		return randomTable(r, depth-1)
	}
	list := []any{}
	for range r.IntN(4) {
		list = append(list, randomTable(r, depth-1))
	}
	return list
}

// randomString mixes ASCII with the unicode samples' characters.
func randomString(r *rand.Rand, maxLen int) string {
	pool := []rune("abcXYZ019 _-.\"\\'#=[]{}" + strings.Join(unicodeSamples[:8], ""))
	var b strings.Builder
	for range r.IntN(maxLen + 1) {
		b.WriteRune(pool[r.IntN(len(pool))])
	}
	return b.String()
}

// TestErrors: broken configs give the same error, position included, in
// both engines. Each valid config is cut at every few bytes, and an array
// is broken at each column from 100 to 200, the range where positions
// once came out wrong under jco.
func TestErrors(t *testing.T) {
	reliability.Row(t, "differential", "two configs cut every 3 bytes; an error at each column 100–200", "same error text and position")
	valid := []api.ConfigSource{
		tomlSource("name = \"app\"\n[files]\n\"https://x.test/a.py\" = \"./a.py\"\n[js_modules.main]\n\"./m.js\" = \"m\"\n"),
		jsonSource(`{"name": "app", "packages": ["numpy", "a\u00e9"], "nested": {"x": [1, 2.5, true, null]}}`),
	}
	for _, src := range valid {
		for cut := 1; cut < len(src.Text); cut += 3 {
			broken := src
			broken.Text = src.Text[:cut]
			configBoth(t, broken)
		}
	}
	for column := 100; column <= 200; column++ {
		text := "a = [" + strings.Repeat("1,", (column-6)/2) + strings.Repeat(" ", column%2) + "x"
		if a := configBoth(t, tomlSource(text)); !strings.Contains(a.err, fmt.Sprintf("line 1, column %d", column)) {
			t.Fatalf("error for x at column %d: %s", column, a)
		}
	}
}
