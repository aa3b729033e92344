package config

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/execctx/execctx/component/internal/wrap"
)

// Response is what a fetch returned.
type Response struct {
	Status     int
	StatusText string
	Body       string
}

// Fetcher fetches a URL for Load. An error means no response arrived (a
// network failure); an HTTP error status is a Response.
type Fetcher interface {
	Fetch(url string) (Response, error)
}

// Load classifies src, fetches it through f when it names a URL (resolved
// against baseURL), and parses it into JSON-like values: map[string]any,
// []any, string, float64, bool or nil. configURL is the absolute URL of a
// fetched config and "" for inline text; relative URLs inside the config
// resolve against it. f is only used for URLs, so it may be nil when src
// is known to be inline.
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
	abs, err := resolveSource(c.text, baseURL)
	if err != nil {
		return nil, "", err
	}
	if f == nil {
		return nil, "", errors.New("(PY0001): Fetching from URL " + c.text + " failed: this host cannot fetch")
	}
	body, err := fetchText(f, abs, c.text)
	if err != nil {
		return nil, "", err
	}
	parsed, err = Parse(strings.TrimSpace(body), c.format, c.text)
	return parsed, abs, err
}

// URLOf returns the absolute URL Load would fetch for src, or "" when src
// is inline or empty; hosts whose fetch is asynchronous fetch it first.
func URLOf(src Source, baseURL string) (string, error) {
	c, err := classify(src)
	if err != nil || c.kind != kindURL {
		return "", err
	}
	return resolveSource(c.text, baseURL)
}

// resolveSource resolves a config URL, refusing what must not be fetched.
func resolveSource(text, baseURL string) (string, error) {
	abs, err := Resolve(text, baseURL, nil)
	// Resolve returns a *SchemeError unwrapped; a type assertion keeps
	// errors.As, and the reflection it brings (28 KB of code), out of the core.
	_, scheme := err.(*SchemeError)
	switch {
	case err == nil:
		return abs, nil
	case scheme:
		return "", errors.New("(PY1000): Invalid URL: " + text + "\nonly http, https and file URLs can be fetched")
	}
	return "", wrap.With("(PY1000): Invalid URL: "+text+"\n", err)
}

// statusCodes are the HTTP statuses with a PyScript error code of their own.
var statusCodes = []int{401, 403, 404, 500, 503}

// fetchText fetches abs; messages name raw, the URL as the page wrote it,
// as the original's do.
func fetchText(f Fetcher, abs, raw string) (string, error) {
	resp, err := f.Fetch(abs)
	if err != nil {
		return "", errors.New("(PY0001): Fetching from URL " + raw + " failed with error '" + err.Error() + "'. Are your filename and path correct?")
	}
	if resp.Status < 200 || resp.Status > 299 {
		code := "PY0001"
		if slices.Contains(statusCodes, resp.Status) {
			code = "PY0" + strconv.Itoa(resp.Status)
		}
		return "", errors.New("(" + code + "): Fetching from URL " + raw + " failed with error " + strconv.Itoa(resp.Status) +
			" (" + resp.StatusText + "). Are your filename and path correct?")
	}
	// Response.text() in a browser drops a UTF-8 byte order mark; hosts
	// that hand over raw bytes may not.
	return strings.TrimPrefix(resp.Body, "\uFEFF"), nil
}
