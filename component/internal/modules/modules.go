// Package modules computes the js_modules table of a context and resolves
// js_import's URLs (spec §6).
package modules

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/execctx/execctx/component/internal/config"
)

// Realm is where a module is imported; the order matches the WIT enum.
type Realm uint8

// The realms.
const (
	RealmLocal Realm = iota // imported in this realm
	RealmMain               // imported on main, proxied into a worker
)

// Entry is one module of the table.
type Entry struct {
	Name       string
	URL        string
	Realm      Realm
	Stylesheet bool
}

// importable are the schemes import() may load; blob: too, for modules a
// page builds itself.
var importable = map[string]bool{"http": true, "https": true, "file": true, "blob": true}

// Table lists the modules of config's js_modules for this realm. On main,
// js_modules.main is imported and js_modules.worker ignored; in a worker,
// js_modules.worker is imported there and js_modules.main entries are
// proxied from main, unless a worker module has the same name (the worker
// wins, spec Q12). Among entries of one table, the last of a name wins, as
// the original's Map does.
func Table(cfg map[string]any, base string, inWorker bool) ([]Entry, error) {
	raw, ok := cfg["js_modules"]
	if !ok {
		return nil, nil
	}
	tables, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("(PY1000): Invalid config: js_modules must be a table with main and/or worker tables")
	}
	main, err := entries(tables, "main", base)
	if err != nil {
		return nil, err
	}
	if !inWorker {
		return dedupe(main), nil
	}
	worker, err := entries(tables, "worker", base)
	if err != nil {
		return nil, err
	}
	local := map[string]bool{}
	for _, e := range worker {
		if e.Stylesheet {
			return nil, fmt.Errorf("(PY1000): Invalid config: js_modules.worker cannot load stylesheets: %s", e.URL)
		}
		local[e.Name] = true
	}
	out := dedupe(worker)
	for _, e := range main {
		if !local[e.Name] {
			e.Realm = RealmMain
			out = append(out, e)
		}
	}
	return out, nil
}

// entries reads js_modules.<which>, a table of URL → name, in URL order
// (the config's key order is not kept; see package config).
func entries(tables map[string]any, which, base string) ([]Entry, error) {
	raw, ok := tables[which]
	if !ok {
		return nil, nil
	}
	table, ok := raw.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("(PY1000): Invalid config: js_modules.%s must be a table of URL = name", which)
	}
	urls := make([]string, 0, len(table))
	for u := range table {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	var out []Entry
	for _, u := range urls {
		name, ok := table[u].(string)
		if !ok || name == "" {
			return nil, fmt.Errorf("(PY1000): Invalid config: js_modules.%s[%q] must be a module name string", which, u)
		}
		abs, err := config.Resolve(u, base, importable)
		if err != nil {
			return nil, fmt.Errorf("(PY1000): Invalid config: js_modules.%s[%q]: %v", which, u, err)
		}
		out = append(out, Entry{Name: name, URL: abs, Stylesheet: isCSS(abs)})
	}
	return out, nil
}

func isCSS(abs string) bool {
	u, err := url.Parse(abs)
	return err == nil && strings.HasSuffix(strings.ToLower(u.Path), ".css")
}

// dedupe keeps the last script entry of each name, at the place its name
// first appeared; stylesheets are kept as they are, since they are not
// stored under their name.
func dedupe(in []Entry) []Entry {
	at := map[string]int{}
	var out []Entry
	for _, e := range in {
		if i, ok := at[e.Name]; ok && !e.Stylesheet {
			out[i] = e
			continue
		}
		if !e.Stylesheet {
			at[e.Name] = len(out)
		}
		out = append(out, e)
	}
	return out
}

// ResolveImports resolves js_import's URLs against base, refusing empty
// ones and schemes import() must not load.
func ResolveImports(urls []string, base string) ([]string, error) {
	out := make([]string, len(urls))
	for i, u := range urls {
		if strings.TrimSpace(u) == "" {
			return nil, fmt.Errorf("js_import: URL %d is empty", i+1)
		}
		abs, err := config.Resolve(u, base, importable)
		if err != nil {
			return nil, fmt.Errorf("js_import: %q: %v", u, err)
		}
		out[i] = abs
	}
	return out, nil
}
