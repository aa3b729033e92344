// Package modules computes the js_modules table of a context and resolves
// js_import's URLs (spec §6).
//
// It follows polyscript's realms: on main, js_modules.main is imported and
// stylesheets are linked; in a worker, js_modules.worker is imported there
// and js_modules.main modules are proxied from main, a worker module
// shadowing a main one of the same name (C59, C60, Q12). A worker that
// cannot make synchronous calls to main (no SharedArrayBuffer, or no
// channel to main at all) has no js_import, so main's modules cannot
// reach it (C64): they are left out of its table, and Python's
// `from pyscript.js_modules import x` raises ImportError there instead of
// failing on first use. It differs in
// what it checks up front:
//
//   - both tables are checked in every realm, so a mistake in
//     js_modules.worker shows on main instead of when a worker starts
//     (pain point 3 of spec §12); a stylesheet in js_modules.worker, which
//     a worker cannot load, is such a mistake;
//   - js_modules must be a table, its only keys are main and worker, and
//     each entry maps a URL to a non-empty module name string;
//   - URLs resolve against the config's URL (or the base URL for inline
//     configs) and must be http, https, file or blob URLs.
//
// Config key order is not kept (see package config), so entries come in
// URL order, and "the later entry wins" means the later URL in that order.
package modules

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/execctx/execctx/component/internal/config"
	"github.com/execctx/execctx/component/internal/detect"
	"github.com/execctx/execctx/component/internal/urlref"
	"github.com/execctx/execctx/component/internal/wrap"
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
	URL        string // absolute
	Realm      Realm
	Stylesheet bool // a .css URL: linked into the page, not imported
}

// importable are the schemes import() may load; blob: too, for modules a
// page builds itself.
var importable = map[string]bool{"http": true, "https": true, "file": true, "blob": true}

// invalid is a PY1000 config error.
func invalid(msg string) error {
	return errors.New("(PY1000): Invalid config: " + msg)
}

// Table lists the modules of cfg's js_modules for the realm r describes;
// base (the config's URL, or the base URL for an inline config) resolves
// relative URLs. On main: the js_modules.main entries, one script per name
// (the later wins, as the original's Map keeps the last import) and every
// stylesheet. In a worker: the js_modules.worker entries, one per name,
// then, when it can call main synchronously, every js_modules.main entry
// whose name no worker module has, as a RealmMain entry (several URLs
// under one name are all imported on main). Both tables are checked in
// every realm.
func Table(cfg map[string]any, base string, r detect.Report) ([]Entry, error) {
	tables, err := tablesOf(cfg)
	if err != nil || tables == nil {
		return nil, err
	}
	main, err := entries(tables, "main", base)
	if err != nil {
		return nil, err
	}
	worker, err := entries(tables, "worker", base)
	if err != nil {
		return nil, err
	}
	for _, e := range worker {
		if e.Stylesheet {
			return nil, invalid("js_modules.worker cannot load stylesheets: " + e.URL)
		}
	}
	if !r.InWorker {
		return lastOfEachName(main), nil
	}
	out := lastOfEachName(worker)
	if detect.JSImport(r).Mode == detect.ModeNotSupported {
		return out, nil // C64: main's modules come through js_import, which cannot reach main here
	}
	for _, e := range main {
		if !slices.ContainsFunc(worker, func(w Entry) bool { return w.Name == e.Name }) {
			e.Realm = RealmMain
			out = append(out, e)
		}
	}
	return out, nil
}

// tablesOf returns cfg's js_modules, nil when there is none.
func tablesOf(cfg map[string]any) (map[string]any, error) {
	raw := cfg["js_modules"]
	if raw == nil {
		return nil, nil
	}
	tables, ok := raw.(map[string]any)
	if !ok {
		return nil, invalid("js_modules must be a table with main and/or worker tables")
	}
	for k := range tables {
		if k != "main" && k != "worker" {
			return nil, invalid("js_modules has an unknown table " + strconv.Quote(k) + "; use main and/or worker")
		}
	}
	return tables, nil
}

// entries reads js_modules.<which>, a table of URL = name, in URL order.
func entries(tables map[string]any, which, base string) ([]Entry, error) {
	raw := tables[which]
	if raw == nil {
		return nil, nil
	}
	table, ok := raw.(map[string]any)
	if !ok {
		return nil, invalid("js_modules." + which + " must be a table of URL = module name")
	}
	urls := make([]string, 0, len(table))
	for u := range table {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	out := make([]Entry, 0, len(urls))
	for _, u := range urls {
		name, ok := table[u].(string)
		if !ok || name == "" {
			return nil, invalid("js_modules." + which + "[" + strconv.Quote(u) + "] must be a module name string")
		}
		abs, err := resolve(u, base)
		if err != nil {
			return nil, invalid("js_modules." + which + "[" + strconv.Quote(u) + "]: " + err.Error())
		}
		out = append(out, Entry{Name: name, URL: abs, Stylesheet: isCSS(abs)})
	}
	return out, nil
}

// resolve resolves a module URL, refusing empty ones: "" would resolve to
// the base itself.
func resolve(u, base string) (string, error) {
	if strings.TrimSpace(u) == "" {
		return "", errors.New("the URL is empty")
	}
	return config.Resolve(u, base, importable)
}

// isCSS is polyscript's test, /\.css$/i on the URL's path.
func isCSS(abs string) bool {
	u, err := urlref.Parse(abs)
	return err == nil && strings.HasSuffix(strings.ToLower(u.DecodedPath()), ".css")
}

// lastOfEachName keeps the last script entry of each name, at the place
// its name first appeared. Stylesheets are all kept: they are linked, not
// stored under their name.
func lastOfEachName(in []Entry) []Entry {
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

// JSImport is js_import(urls) in the realm r describes: the URLs resolved
// against r.BaseURL (see ResolveImports), or the NotSupported value of
// detect.JSImport in a worker that cannot call main synchronously, since
// main imports the modules and hands them over through the window proxy.
// The original set js_import to None there (C45); the value says why.
func JSImport(urls []string, r detect.Report) ([]string, error) {
	if a := detect.JSImport(r); a.Mode == detect.ModeNotSupported {
		return nil, a.NotSupported
	}
	return ResolveImports(urls, r.BaseURL)
}

// ResolveImports resolves js_import's URLs against base, refusing empty
// ones and schemes import() must not load (javascript:, data:). The
// original left relative URLs to the JS engine, which resolved them
// against PyScript's own bundle on main (Q10); here they resolve against
// the page.
func ResolveImports(urls []string, base string) ([]string, error) {
	out := make([]string, len(urls))
	for i, u := range urls {
		abs, err := resolve(u, base)
		if err != nil {
			return nil, wrap.With("js_import: URL "+strconv.Itoa(i+1)+", "+strconv.Quote(u)+": ", err)
		}
		out[i] = abs
	}
	return out, nil
}
