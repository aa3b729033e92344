package workers

import (
	"strconv"
	"strings"

	"github.com/execctx/execctx/component/internal/config"
	"github.com/execctx/execctx/component/internal/jsonvalue"
)

// configOption accepts a JSON object, a config URL, or inline JSON/TOML
// text; v is the option's JSON text, "" when it was not given.
func configOption(v string, baseURL string, opts *Options) error {
	if v == "" {
		return nil
	}
	text, ok := jsonvalue.Unquote(v)
	if !ok {
		return objectConfig(v, opts)
	}
	src := config.Source{Origin: config.OriginExplicit, Text: text}
	isURL, err := config.IsURL(src)
	switch {
	case err != nil:
		return fail("config: " + err.Error())
	case isURL:
		abs, err := config.URLOf(src, baseURL)
		if err != nil {
			return fail("config: " + err.Error())
		}
		opts.Config, opts.HasConfig, opts.ConfigIsURL = abs, true, true
		return nil
	case strings.TrimSpace(text) == "":
		return nil // no config, as the original's `config || {}` gives
	}
	parsed, _, err := config.Load(src, baseURL, nil) // inline: nothing to fetch
	if err != nil {
		return fail("config: " + err.Error())
	}
	cfg, ok := parsed.(map[string]any)
	if !ok {
		return fail("config must be a table/object; got " + text)
	}
	opts.Config, opts.HasConfig = config.Marshal(cfg), true
	return nil
}

// objectConfig takes a config given as an object, as compact JSON text.
// It goes through config.Parse so that numbers read as in JSON.parse.
func objectConfig(v string, opts *Options) error {
	parsed, err := config.Parse(v, config.FormatJSON, "")
	cfg, ok := parsed.(map[string]any)
	if err != nil || !ok {
		return fail("config must be an object, a config URL or inline JSON/TOML text; got " + v)
	}
	opts.Config, opts.HasConfig = config.Marshal(cfg), true
	return nil
}

// simpleOptions reads async, name, id and the service worker URL.
func simpleOptions(raw map[string]string, baseURL string, opts *Options) error {
	if v, ok := raw["async"]; ok {
		if v != "true" && v != "false" {
			return fail("async must be true or false; got " + v)
		}
		opts.Async = v == "true"
	}
	if v, ok := raw["name"]; ok {
		if opts.Name, ok = jsonvalue.Unquote(v); !ok {
			return fail("name must be a string; got " + v)
		}
		opts.HasName = true
	}
	if v, ok := raw["id"]; ok {
		if opts.ScriptID, ok = jsonvalue.Unquote(v); !ok || opts.ScriptID == "" || strings.ContainsAny(opts.ScriptID, " \t\n\f\r") {
			return fail("id must be the id of a <script> element on the page (text without spaces); got " + v)
		}
		opts.HasScriptID = true
	}
	// PyScript reads both spellings (spec §7.1); one value must win.
	for _, key := range []string{"service_worker", "serviceWorker"} {
		v, ok := raw[key]
		if !ok {
			continue
		}
		sw, ok := jsonvalue.Unquote(v)
		if !ok {
			return fail(key + " must be a URL string; got " + v)
		}
		abs, err := config.Resolve(strings.TrimSpace(sw), baseURL, nil)
		if err != nil {
			return fail(key + " " + strconv.Quote(sw) + ": " + err.Error())
		}
		sw = abs
		if opts.HasServiceWorker && sw != opts.ServiceWorker {
			return fail("service_worker " + strconv.Quote(opts.ServiceWorker) + " and serviceWorker " + strconv.Quote(sw) + " disagree; give one")
		}
		opts.ServiceWorker, opts.HasServiceWorker = sw, true
	}
	return nil
}
