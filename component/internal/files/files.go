// Package files resolves the config's files table (spec §3.7): which URLs
// an interpreter must fetch before the script runs, and where each lands
// in the interpreter's file system.
//
// It follows polyscript's rules for what a site writes:
//
//   - "url" = ""        → ./ + the URL's last path segment
//   - "url" = "dir/"    → dir/ + that segment
//   - "url" = "a/b.py"  → a/b.py
//   - "{NAME}" = "text" defines a template; {NAME} in other keys and
//     values is replaced by its text, so one prefix serves many files.
//
// It differs where the original was loose: an entry's value must be a
// string, a {NAME} with no definition is an error (the original left the
// braces in the URL and fetched that), two entries that land on the same
// path are an error naming both URLs, archive unpacking ("dir/*") is
// refused with a message, since execctx does not unpack archives, and
// templates may not expand the table past 1 MiB of URLs and paths.
package files

import (
	"errors"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/execctx/execctx/component/internal/config"
	"github.com/execctx/execctx/component/internal/urlref"
	"github.com/execctx/execctx/component/internal/wrap"
)

// Entry is one file to fetch: URL is absolute, Path is where it goes
// (relative to the interpreter's working directory unless it starts
// with "/").
type Entry struct {
	URL  string
	Path string
}

// fetchable are the schemes files may come from.
var fetchable = map[string]bool{"http": true, "https": true, "file": true}

// maxExpanded bounds the files table's URLs and paths after templates are
// expanded, added up: as much text as a whole config may hold. Templates
// save typing; without a bound, a 100 KB template used ten times in each
// of 500 entries made 476 MB of URLs from a 122 KB config.
const maxExpanded = config.MaxConfigBytes

// Resolve lists cfg's files with URLs resolved against base (the config's
// URL, or the base URL for an inline config), sorted by path. A config
// without files gives none.
func Resolve(cfg map[string]any, base string) ([]Entry, error) {
	raw, ok := cfg["files"]
	if !ok || raw == nil {
		return nil, nil
	}
	table, ok := raw.(map[string]any)
	if !ok {
		return nil, errors.New("files: expected a table of URL = destination, got " + config.KindName(raw))
	}
	templates, sources, err := split(table)
	if err != nil {
		return nil, err
	}
	byPath := map[string]Entry{}
	room := maxExpanded
	for _, src := range slices.Sorted(maps.Keys(sources)) {
		e, err := entry(src, sources[src], templates, base, &room)
		if err != nil {
			return nil, wrap.With("files: "+strconv.Quote(src)+": ", err)
		}
		if other, dup := byPath[e.Path]; dup {
			return nil, errors.New("files: Duplicated destination: " + e.Path + " (from " + other.URL + " and " + e.URL + ")")
		}
		byPath[e.Path] = e
	}
	// Sorting the paths, not the entries: a sort of strings is in the core
	// already, and one of Entry values would add 24 KB of code.
	var out []Entry
	for _, path := range slices.Sorted(maps.Keys(byPath)) {
		out = append(out, byPath[path])
	}
	return out, nil
}

// split separates template definitions ({NAME} keys) from files, and
// checks that every value is a string.
func split(table map[string]any) (templates, sources map[string]string, err error) {
	templates, sources = map[string]string{}, map[string]string{}
	for k, v := range table {
		s, ok := v.(string)
		if !ok {
			return nil, nil, errors.New("files: " + strconv.Quote(k) + ": the destination must be a string, got " + config.KindName(v))
		}
		if start, end, ok := nextTemplate(k); ok && start == 0 && end == len(k) {
			templates[k] = s
		} else {
			sources[k] = s
		}
	}
	return templates, sources, nil
}

// entry resolves one file; room is what maxExpanded leaves for the
// expanded URL and path, and entry takes their share from it.
func entry(src, dest string, templates map[string]string, base string, room *int) (Entry, error) {
	src, err := expand(src, templates, room)
	if err != nil {
		return Entry{}, err
	}
	if dest, err = expand(dest, templates, room); err != nil {
		return Entry{}, err
	}
	abs, err := config.Resolve(src, base, fetchable)
	if err != nil {
		return Entry{}, err
	}
	p, err := destination(abs, dest)
	if err != nil {
		return Entry{}, err
	}
	return Entry{URL: abs, Path: p}, nil
}

// expand replaces each {NAME} in s by its template's text, taking the
// result's length from room and refusing to write past it.
func expand(s string, templates map[string]string, room *int) (string, error) {
	var out strings.Builder
	write := func(text string) error {
		if *room -= len(text); *room < 0 {
			limit := strconv.Itoa(maxExpanded)
			return errors.New("templates expand the files table past " + limit + " bytes of URLs and paths; " +
				"execctx limits it to " + limit + " bytes: use fewer or shorter templates")
		}
		out.WriteString(text)
		return nil
	}
	for {
		start, end, ok := nextTemplate(s)
		if !ok {
			if err := write(s); err != nil {
				return "", err
			}
			return out.String(), nil
		}
		name := s[start:end]
		v, defined := templates[name]
		if !defined {
			return "", errors.New("Invalid template: " + name + " is not defined; define it as a key of files, e.g. " + strconv.Quote(name) + ` = "./lib/"`)
		}
		if err := write(s[:start]); err != nil {
			return "", err
		}
		if err := write(v); err != nil {
			return "", err
		}
		s = s[end:]
	}
}

// nextTemplate finds the first {NAME} in s (no braces inside), as
// s[start:end]. A scanner rather than a regexp keeps the regexp package,
// about half a megabyte, out of the guest.
func nextTemplate(s string) (start, end int, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := strings.IndexAny(s[i+1:], "{}")
		if j > 0 && s[i+1+j] == '}' {
			return i, i + j + 2, true
		}
	}
	return 0, 0, false
}

// destination is where the file at abs goes, given the entry's value.
func destination(abs, dest string) (string, error) {
	if strings.HasSuffix(dest, "/*") {
		return "", errors.New("unpacking archives (" + strconv.Quote(dest) + ") is not supported by execctx; list the files instead")
	}
	if dest == "" || strings.HasSuffix(dest, "/") {
		file := ""
		if u, err := urlref.Parse(abs); err == nil { // abs came from config.Resolve, so it parses
			file = u.DecodedPath()
		}
		if file == "" || strings.HasSuffix(file, "/") {
			return "", errors.New("the URL names no file to save; give a destination path")
		}
		name := path.Base(file)
		if dest == "" {
			dest = "./"
		}
		dest += name
	}
	return path.Clean(dest), nil
}
