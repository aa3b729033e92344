package config

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeFetcher serves canned responses; a response with Status 0 is a
// network failure whose message is Body, and unknown URLs are 404s.
type fakeFetcher struct {
	files   map[string]Response
	fetched []string
}

func (f *fakeFetcher) Fetch(url string) (Response, error) {
	f.fetched = append(f.fetched, url)
	r, ok := f.files[url]
	switch {
	case !ok:
		return Response{Status: 404, StatusText: "Not Found"}, nil
	case r.Status == 0:
		return Response{}, errors.New(r.Body)
	}
	return r, nil
}

func TestLoad(t *testing.T) {
	const base = "https://x.test/app/page.html"
	files := map[string]Response{
		"https://x.test/app/c.json":      {Status: 200, Body: ` {"a": [1, "two"]} `},
		"https://x.test/app/c.toml":      {Status: 200, Body: "[files]\n\"x.py\" = \"\"\n"},
		"https://x.test/app/bom.json":    {Status: 200, Body: "\uFEFF{\"a\": true}"},
		"https://x.test/app/bad.json":    {Status: 200, Body: "{"},
		"https://x.test/app/bad.toml":    {Status: 200, Body: "files = ["},
		"https://x.test/app/empty.toml":  {Status: 204},
		"https://x.test/app/down.json":   {Body: "connection refused"},
		"https://x.test/app/auth.toml":   {Status: 401, StatusText: "Unauthorized"},
		"https://x.test/app/no.toml":     {Status: 403, StatusText: "Forbidden"},
		"https://x.test/app/boom.toml":   {Status: 500, StatusText: "Internal Server Error"},
		"https://x.test/app/gone.toml":   {Status: 503, StatusText: "Service Unavailable"},
		"https://x.test/app/teapot.toml": {Status: 418, StatusText: "I'm a teapot"},
		"https://x.test/app/moved.toml":  {Status: 301, StatusText: "Moved Permanently"},
		"https://x.test/c.toml":          {Status: 200, Body: "a = 2"},
	}
	tests := []struct {
		id      string
		src     Source
		base    string
		want    any
		url     string
		wantErr string
		noFetch bool
	}{
		{id: "C09 JSON URL", src: Source{Text: "./c.json"}, want: map[string]any{"a": []any{1.0, "two"}}, url: "https://x.test/app/c.json"},
		{id: "C13 TOML URL", src: Source{Text: "c.toml"}, want: map[string]any{"files": map[string]any{"x.py": ""}}, url: "https://x.test/app/c.toml"},
		{id: "absolute path URL", src: Source{Text: "/c.toml"}, want: map[string]any{"a": 2.0}, url: "https://x.test/c.toml"},
		{id: "byte order mark dropped", src: Source{Text: "bom.json"}, want: map[string]any{"a": true}, url: "https://x.test/app/bom.json"},
		{id: "empty TOML file", src: Source{Text: "empty.toml"}, want: map[string]any{}, url: "https://x.test/app/empty.toml"},
		{id: "inline TOML", src: Source{Text: "a = 1"}, want: map[string]any{"a": 1.0}, noFetch: true},
		{id: "inline JSON", src: Source{Text: `{"a": "b"}`}, want: map[string]any{"a": "b"}, noFetch: true},
		{id: "forced JSON string", src: Source{Text: `"abc"`, Format: FormatJSON}, want: "abc", noFetch: true},
		{id: "empty is {}", src: Source{Text: " "}, want: map[string]any{}, noFetch: true},
		{id: "C23", src: Source{Text: "./bad.json"}, wantErr: "(PY1000): Invalid JSON @ ./bad.json\nline 1, column 2: unexpected end of JSON input"},
		{id: "C19 from a URL", src: Source{Text: "./bad.toml"}, wantErr: "(PY1000): Invalid TOML @ ./bad.toml\nline 1, column 9: the array that starts here is not closed: end it with ']' (last key \"files\")"},
		{id: "C24", src: Source{Text: "./missing.toml"}, wantErr: "(PY0404): Fetching from URL ./missing.toml failed with error 404 (Not Found). Are your filename and path correct?"},
		{id: "401", src: Source{Text: "./auth.toml"}, wantErr: "(PY0401): Fetching from URL ./auth.toml failed with error 401 (Unauthorized). Are your filename and path correct?"},
		{id: "403", src: Source{Text: "./no.toml"}, wantErr: "(PY0403): Fetching from URL ./no.toml failed with error 403 (Forbidden). Are your filename and path correct?"},
		{id: "500", src: Source{Text: "./boom.toml"}, wantErr: "(PY0500): Fetching from URL ./boom.toml failed with error 500 (Internal Server Error). Are your filename and path correct?"},
		{id: "503", src: Source{Text: "./gone.toml"}, wantErr: "(PY0503): Fetching from URL ./gone.toml failed with error 503 (Service Unavailable). Are your filename and path correct?"},
		{id: "other status", src: Source{Text: "./teapot.toml"}, wantErr: "(PY0001): Fetching from URL ./teapot.toml failed with error 418 (I'm a teapot). Are your filename and path correct?"},
		{id: "3xx is not ok", src: Source{Text: "./moved.toml"}, wantErr: "(PY0001): Fetching from URL ./moved.toml failed with error 301 (Moved Permanently). Are your filename and path correct?"},
		{id: "network", src: Source{Text: "./down.json"}, wantErr: "(PY0001): Fetching from URL ./down.json failed with error 'connection refused'. Are your filename and path correct?"},
		{id: "C21", src: Source{Text: "./cfg.txt"}, wantErr: "(PY1000): Invalid URL: ./cfg.txt", noFetch: true},
		{id: "javascript scheme", src: Source{Text: "javascript:alert(1)//x.json"}, wantErr: "(PY1000): Invalid URL: javascript:alert(1)//x.json\nonly http, https and file URLs can be fetched", noFetch: true},
		{id: "data scheme", src: Source{Text: "data:application/json,x.json"}, wantErr: "(PY1000): Invalid URL: data:application/json,x.json\nonly http, https and file URLs can be fetched", noFetch: true},
		{id: "relative URL without a base", src: Source{Text: "c.toml"}, base: "-", wantErr: "(PY1000): Invalid URL: c.toml\nrelative URL \"c.toml\" needs an absolute base URL, got \"\"", noFetch: true},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			f := &fakeFetcher{files: files}
			b := base
			if tc.base == "-" {
				b = ""
			}
			got, url, err := Load(tc.src, b, f)
			if tc.noFetch != (len(f.fetched) == 0) {
				t.Errorf("fetched %q", f.fetched)
			}
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("err = %v\nwant %q", err, tc.wantErr)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got, "config")
			assert.Equal(t, tc.url, url, "config URL")
		})
	}
}

func TestLoadWithoutFetcher(t *testing.T) {
	got, _, err := Load(Source{Text: "a = 1"}, "", nil)
	require.NoError(t, err, "inline without a fetcher")
	assert.Equal(t, map[string]any{"a": 1.0}, got, "inline without a fetcher")
	_, _, err = Load(Source{Text: "c.toml"}, "https://x.test/", nil)
	if err == nil || err.Error() != "(PY0001): Fetching from URL c.toml failed: this host cannot fetch" {
		t.Fatalf("URL without a fetcher: %v", err)
	}
}

func TestURLOf(t *testing.T) {
	tests := []struct {
		id, text, want, wantErr string
	}{
		{id: "C09", text: "./settings.json", want: "https://x.test/app/settings.json"},
		{id: "inline", text: "a = 1", want: ""},
		{id: "empty", text: "", want: ""},
		{id: "C21", text: "./c.txt", wantErr: "(PY1000): Invalid URL: ./c.txt"},
		{id: "hostile", text: "javascript:x.toml", wantErr: "(PY1000): Invalid URL: javascript:x.toml\nonly http, https and file URLs can be fetched"},
	}
	for _, tc := range tests {
		got, err := URLOf(Source{Text: tc.text}, "https://x.test/app/")
		if got != tc.want || (err == nil) != (tc.wantErr == "") || (err != nil && err.Error() != tc.wantErr) {
			t.Errorf("%s: URLOf = %q, %v; want %q, %q", tc.id, got, err, tc.want, tc.wantErr)
		}
	}
}
