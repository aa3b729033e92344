package config

import (
	"bytes"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	bstoml "github.com/BurntSushi/toml"
)

// generatedTOML are texts for the differential tests, n of each kind,
// from fixed seeds: documents of scan_test.go's tomlGen (every form of
// key, header and value, mixed), configs encoded by BurntSushi's encoder
// as tests/differential writes them (unicode keys and values, numbers,
// nested tables and arrays of tables), and tests/differential's corpus
// of every integer from -1000 to 1000 and one-character strings.
func generatedTOML(t testing.TB, n int) map[string]string {
	texts := map[string]string{}
	r := rand.New(rand.NewSource(451))
	for i := range n {
		g := &tomlGen{r: r}
		texts["tomlGen "+strconv.Itoa(i)] = g.document()
	}
	for i := range n {
		var b bytes.Buffer
		if err := bstoml.NewEncoder(&b).Encode(randomConfig(r, 3)); err != nil {
			t.Fatal(err)
		}
		texts["encoded "+strconv.Itoa(i)] = b.String()
	}
	var ints, chars []string
	for i := -1000; i <= 1000; i++ {
		ints = append(ints, "i"+strings.ReplaceAll(strconv.Itoa(i), "-", "m")+" = "+strconv.Itoa(i))
	}
	for c := rune(0x20); c < 0x3000; c++ { // no surrogates below 0xD800
		if c == 0x7f {
			continue // DEL must be escaped
		}
		chars = append(chars, tomlBasic(string(c))+" = "+tomlBasic(string(c)))
	}
	texts["integers"] = strings.Join(ints, "\n")
	texts["one-character strings"] = strings.Join(chars, "\n")
	return texts
}

// tomlBasic writes s as a TOML basic string.
func tomlBasic(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// configSamples are the strings of tests/differential's unicode corpus.
var configSamples = []string{
	"héllo wörld", "中文配置", "日本語のキー", "😀🎉🚀", "👩‍👩‍👧‍👦", "e\u0301\u0302", "שלום עולם",
	"\ufffd", "a\u2028b\u2029c", "nul\x00byte", "tab\tand\nnewline", "\u007f\u0080\u00ff", "\U0001F600x\U0010FFFF",
}

func randomConfig(r *rand.Rand, depth int) map[string]any {
	out := map[string]any{}
	for range 1 + r.Intn(6) {
		out[randomText(r, 12)] = randomConfigValue(r, depth)
	}
	return out
}

func randomConfigValue(r *rand.Rand, depth int) any {
	kinds := 6
	if depth > 0 {
		kinds = 8
	}
	switch r.Intn(kinds) {
	case 0:
		return randomText(r, 40)
	case 1:
		return r.Int63() >> r.Intn(64) * int64(1-2*r.Intn(2))
	case 2:
		return r.NormFloat64() * float64(int64(1)<<r.Intn(60))
	case 3:
		return r.Intn(2) == 0
	case 4:
		return []any{randomText(r, 8), r.Intn(100), []any{randomText(r, 3)}}
	case 5:
		return []any{}
	case 6:
		return randomConfig(r, depth-1)
	}
	list := []map[string]any{}
	for range r.Intn(4) {
		list = append(list, randomConfig(r, depth-1))
	}
	return list
}

// randomText mixes ASCII that TOML quotes or escapes with the samples'
// characters.
func randomText(r *rand.Rand, maxLen int) string {
	pool := []rune("abcXYZ019 _-.\"\\'#=[]{}" + strings.Join(configSamples, ""))
	var b strings.Builder
	for range r.Intn(maxLen + 1) {
		b.WriteRune(pool[r.Intn(len(pool))])
	}
	return b.String()
}
