// Package workers validates PyWorker(url, options) (spec §7, open question
// Q1). The original validated nothing: a missing or wrong type failed later
// inside the worker with an engine TypeError, and a string config was
// invisible to the worker's Python. Here every option is checked before a
// worker starts, and inline config text is parsed now, so that the worker
// sees it (Q2).
package workers

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/execctx/execctx/component/internal/config"
	"github.com/execctx/execctx/component/internal/notsupported"
)

// Options are PyWorker's options after validation.
type Options struct {
	Interpreter string // "micropython", "pyodide", or "module" for a JS module worker

	Config      string // JSON object text, or an absolute URL when ConfigIsURL
	HasConfig   bool
	ConfigIsURL bool

	Async bool

	Name    string
	HasName bool

	ServiceWorker    string
	HasServiceWorker bool
}

// interpreters maps every accepted type, aliases included, to its name.
var interpreters = map[string]string{
	"micropython": "micropython", "mpy": "micropython",
	"pyodide": "pyodide", "py": "pyodide",
	"module": "module", // execctx's extension: url is a JS module
}

var allowedKeys = []string{"type", "config", "async", "name", "service_worker", "serviceWorker"}

func fail(format string, args ...any) error {
	return fmt.Errorf("pyscript.PyWorker: "+format, args...)
}

// Validate checks a PyWorker call. optionsJSON is a JSON object ("" means
// none); in a worker the call fails with the NotSupported message.
func Validate(url, optionsJSON, baseURL string, inWorker bool) (resolvedURL string, opts Options, err error) {
	if inWorker {
		return "", Options{}, notsupported.PyWorker
	}
	if strings.TrimSpace(url) == "" {
		return "", Options{}, fail("url must name the Python file to run")
	}
	if resolvedURL, err = config.Resolve(url, baseURL, nil); err != nil {
		return "", Options{}, fail("url %q: %v", url, err)
	}
	raw, err := decodeOptions(optionsJSON)
	if err != nil {
		return "", Options{}, err
	}
	if opts.Interpreter, err = interpreter(raw["type"]); err != nil {
		return "", Options{}, err
	}
	if err := configOption(raw, baseURL, &opts); err != nil {
		return "", Options{}, err
	}
	if err := simpleOptions(raw, &opts); err != nil {
		return "", Options{}, err
	}
	return resolvedURL, opts, nil
}

func decodeOptions(optionsJSON string) (map[string]json.RawMessage, error) {
	raw := map[string]json.RawMessage{}
	if strings.TrimSpace(optionsJSON) == "" {
		return raw, nil
	}
	if err := json.Unmarshal([]byte(optionsJSON), &raw); err != nil {
		return nil, fail("options must be an object: %v", err)
	}
	for k := range raw {
		if !slices.Contains(allowedKeys, k) {
			return nil, fail("unknown option %q; the options are %s", k, strings.Join(allowedKeys, ", "))
		}
	}
	return raw, nil
}

func interpreter(raw json.RawMessage) (string, error) {
	const want = `type must be either "micropython" or "pyodide" (aliases "mpy", "py"), or "module" for a JS module worker; got %s`
	if raw == nil {
		return "", fail(want, "nothing")
	}
	var t string
	if err := json.Unmarshal(raw, &t); err != nil {
		return "", fail(want, string(raw))
	}
	name, ok := interpreters[t]
	if !ok {
		return "", fail(want, fmt.Sprintf("%q", t))
	}
	return name, nil
}

// configOption accepts an object, a config URL, or inline JSON/TOML text.
func configOption(raw map[string]json.RawMessage, baseURL string, opts *Options) error {
	v, ok := raw["config"]
	if !ok {
		return nil
	}
	var text string
	if err := json.Unmarshal(v, &text); err != nil {
		var obj map[string]any
		if err := json.Unmarshal(v, &obj); err != nil {
			return fail("config must be an object, a config URL or inline JSON/TOML text; got %s", v)
		}
		opts.Config, opts.HasConfig = config.Marshal(obj), true
		return nil
	}
	src := config.Source{Origin: config.OriginExplicit, Text: text}
	isURL, err := config.IsURL(src)
	if err != nil {
		return fail("config: %v", err)
	}
	if isURL {
		abs, err := config.Resolve(strings.TrimSpace(text), baseURL, nil)
		if err != nil {
			return fail("config %q: %v", text, err)
		}
		opts.Config, opts.HasConfig, opts.ConfigIsURL = abs, true, true
		return nil
	}
	parsed, _, err := config.Load(src, baseURL, nil) // inline: nothing to fetch
	if err != nil {
		return fail("config: %v", err)
	}
	cfg, err := config.Normalize(parsed, "")
	if err != nil {
		return fail("config: %v", err)
	}
	delete(cfg, "type") // the worker's own context sets it from its interpreter
	opts.Config, opts.HasConfig = config.Marshal(cfg), true
	return nil
}

func simpleOptions(raw map[string]json.RawMessage, opts *Options) error {
	if v, ok := raw["async"]; ok {
		if err := json.Unmarshal(v, &opts.Async); err != nil {
			return fail("async must be true or false; got %s", v)
		}
	}
	if v, ok := raw["name"]; ok {
		if err := json.Unmarshal(v, &opts.Name); err != nil {
			return fail("name must be a string; got %s", v)
		}
		opts.HasName = true
	}
	for _, key := range []string{"service_worker", "serviceWorker"} {
		v, ok := raw[key]
		if !ok {
			continue
		}
		var sw string
		if err := json.Unmarshal(v, &sw); err != nil {
			return fail("%s must be a URL string; got %s", key, v)
		}
		if opts.HasServiceWorker && sw != opts.ServiceWorker {
			return fail("service_worker and serviceWorker disagree; give one")
		}
		opts.ServiceWorker, opts.HasServiceWorker = sw, true
	}
	return nil
}
