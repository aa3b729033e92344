package differential

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/execctx/execctx/api"
	"github.com/execctx/execctx/host/hostmock"
	"github.com/execctx/execctx/internal/reliability"
)

func tomlSource(text string) api.ConfigSource {
	return hostmock.TagConfig(text, api.ConfigFormatTOML)
}
func jsonSource(text string) api.ConfigSource {
	return hostmock.TagConfig(text, api.ConfigFormatJSON)
}

// decode parses a config answer, failing the test on an error answer.
func decode(t *testing.T, a answer) map[string]any {
	t.Helper()
	if a.err != "" {
		t.Fatalf("config failed: %s", a.err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(a.text), &got); err != nil {
		t.Fatalf("config is not JSON: %v", err)
	}
	return got
}

// TestIntegers: every integer from -1000 to 1000, as TOML and JSON values,
// as keys, and in an array. Go boxes 0–255 from a static table, the
// memory the adapter once overwrote.
func TestIntegers(t *testing.T) {
	reliability.Row(t, "differential", "integers -1000..1000 as TOML and JSON values, keys and an array", "wazero and jco give the same bytes; every value exact")
	var toml, array []string
	object := map[string]int{}
	for n := -1000; n <= 1000; n++ {
		toml = append(toml, fmt.Sprintf("i%d = %d", n, n))
		array = append(array, fmt.Sprint(n))
		object[fmt.Sprint(n)] = n
	}
	jsonText, _ := json.Marshal(object)
	for name, src := range map[string]api.ConfigSource{
		"toml":       tomlSource(strings.Join(toml, "\n")),
		"json":       jsonSource(string(jsonText)),
		"toml array": tomlSource("a = [" + strings.Join(array, ", ") + "]"),
	} {
		t.Run(name, func(t *testing.T) {
			got := decode(t, configBoth(t, src))
			for n := -1000; n <= 1000; n++ {
				v, ok := got[fmt.Sprintf("i%d", n)]
				if name == "json" {
					v, ok = got[fmt.Sprint(n)]
				}
				if name == "toml array" {
					v, ok = got["a"].([]any)[n+1000], true
				}
				if !ok || v != float64(n) {
					t.Fatalf("%d came back as %v", n, v)
				}
			}
		})
	}
}

// oneCharacter is every printable ASCII character and some that take two,
// three and four bytes in UTF-8.
func oneCharacter() []string {
	var out []string
	for c := rune(0x20); c < 0x7f; c++ {
		out = append(out, string(c))
	}
	return append(out, "é", "ß", "ÿ", "Ā", "€", "中", "\u2028", "\ufffd", "😀", "\U0010FFFF")
}

// TestOneCharacterStrings: each as a key and as a value, in JSON and TOML.
func TestOneCharacterStrings(t *testing.T) {
	reliability.Row(t, "differential", "every printable one-character string (and 1–4-byte UTF-8) as key and value, JSON and TOML", "same bytes; every string exact")
	object := map[string]string{}
	var toml []string
	for _, c := range oneCharacter() {
		object[c] = c
		q := tomlQuote(c)
		toml = append(toml, q+" = "+q)
	}
	jsonText, _ := json.Marshal(object)
	for name, src := range map[string]api.ConfigSource{"json": jsonSource(string(jsonText)), "toml": tomlSource(strings.Join(toml, "\n"))} {
		t.Run(name, func(t *testing.T) {
			got := decode(t, configBoth(t, src))
			for _, c := range oneCharacter() {
				if got[c] != c {
					t.Errorf("%q came back as %q", c, got[c])
				}
			}
		})
	}
}

// tomlQuote writes s as a TOML basic string.
func tomlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\u2028", `\u2028`)
	return `"` + r.Replace(s) + `"`
}

// TestLengths: keys and values of every length from 0 to 300, in
// characters of one to four bytes.
func TestLengths(t *testing.T) {
	reliability.Row(t, "differential", "keys and values of 0–300 characters of 1–4 bytes each", "same bytes; every string exact")
	for _, unit := range []string{"a", "é", "中", "😀"} {
		t.Run(unit, func(t *testing.T) {
			object := map[string]string{}
			for n := 0; n <= 300; n++ {
				object[strings.Repeat(unit, n)] = strings.Repeat(unit, 300-n)
			}
			jsonText, _ := json.Marshal(object)
			got := decode(t, configBoth(t, jsonSource(string(jsonText))))
			for k, v := range object {
				if got[k] != v {
					t.Fatalf("key of %d characters: value of %d characters came back as %q", len([]rune(k)), len([]rune(v)), got[k])
				}
			}
		})
	}
}
