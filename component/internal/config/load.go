package config

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Response is what a fetch returned.
type Response struct {
	Status     int
	StatusText string
	Body       string
}

// Fetcher fetches a URL; an error means no response arrived.
type Fetcher interface {
	Fetch(url string) (Response, error)
}

// Load classifies src, fetches it through f when it is a URL (resolved
// against baseURL), and parses it. configURL is the absolute URL of a
// fetched config, "" for inline text.
func Load(src Source, baseURL string, f Fetcher) (parsed any, configURL string, err error) {
	c, err := classify(src)
	if err != nil {
		return nil, "", err
	}
	switch c.kind {
	case kindEmpty:
		return map[string]any{}, "", nil
	case kindInline:
		parsed, err := Parse(c.text, c.format, "")
		return parsed, "", err
	}
	abs, err := URLOf(src, baseURL)
	if err != nil {
		return nil, "", err
	}
	body, err := fetchText(f, abs, c.text)
	if err != nil {
		return nil, "", err
	}
	parsed, err = Parse(strings.TrimSpace(body), c.format, c.text)
	return parsed, abs, err
}

// URLOf returns the absolute URL Load would fetch for src, or "" when src
// is inline.
func URLOf(src Source, baseURL string) (string, error) {
	c, err := classify(src)
	if err != nil || c.kind != kindURL {
		return "", err
	}
	abs, err := Resolve(c.text, baseURL, nil)
	if err != nil {
		return "", fmt.Errorf("(PY1000): Invalid URL: %s\n%v", c.text, err)
	}
	return abs, nil
}

// statusCodes are the HTTP statuses with a PyScript error code of their own.
var statusCodes = []int{401, 403, 404, 500, 503}

func fetchText(f Fetcher, abs, raw string) (string, error) {
	resp, err := f.Fetch(abs)
	if err != nil {
		return "", fmt.Errorf("(PY0001): Fetching from URL %s failed with error '%v'. Are your filename and path correct?", raw, err)
	}
	if resp.Status < 200 || resp.Status > 299 {
		code := "PY0001"
		if slices.Contains(statusCodes, resp.Status) {
			code = fmt.Sprintf("PY0%d", resp.Status)
		}
		return "", fmt.Errorf("(%s): Fetching from URL %s failed with error %d (%s). Are your filename and path correct?",
			code, raw, resp.Status, resp.StatusText)
	}
	return resp.Body, nil
}

// Normalize is spec §3.6: a JSON string becomes {}, and "type" is set from
// the interpreter ("mpy" for MicroPython, "py" otherwise), overwriting the
// user's (C10).
func Normalize(parsed any, interpreter string) (map[string]any, error) {
	var cfg map[string]any
	switch v := parsed.(type) {
	case map[string]any:
		cfg = v
	case string:
		cfg = map[string]any{}
	default:
		return nil, fmt.Errorf("(PY1000): Invalid config: expected a table/object, got %s", kindName(v))
	}
	cfg["type"] = "py"
	if interpreter == "micropython" {
		cfg["type"] = "mpy"
	}
	return cfg, nil
}

func kindName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "a list"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	}
	return fmt.Sprintf("%T", v)
}

// Marshal renders a config as JSON text with sorted keys.
func Marshal(cfg map[string]any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep "<" and "&" readable in URLs and text
	if err := enc.Encode(cfg); err != nil {
		// Parse only produces JSON-encodable values.
		panic(fmt.Sprintf("config: marshal: %v", err))
	}
	return strings.TrimSuffix(b.String(), "\n")
}
