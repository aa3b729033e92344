package urlref

import (
	"errors"
	"strings"
)

// Resolve resolves ref against base, an absolute URL, as RFC 3986 §5.2.2
// does, with dot segments removed from every hierarchical path. A
// reference with a path or query does not resolve against a base whose
// path is opaque.
func (base *URL) Resolve(ref *URL) (*URL, error) {
	t := *ref
	switch {
	case ref.Scheme != "":
		if !ref.Opaque() {
			t.Path = removeDots(ref.Path)
		}
		return &t, nil
	case ref.Authority != "":
		t.Path = removeDots(ref.Path)
	case base.Opaque() && (ref.Path != "" || ref.Query != ""):
		return nil, errors.New("a relative reference cannot resolve against a URL with an opaque path")
	case ref.Path == "":
		t.Authority, t.Path = base.Authority, base.Path
		if ref.Query == "" {
			t.Query = base.Query
		}
	case strings.HasPrefix(ref.Path, "/"):
		t.Authority, t.Path = base.Authority, removeDots(ref.Path)
	default:
		t.Authority, t.Path = base.Authority, removeDots(merge(base, ref.Path))
	}
	t.Scheme = base.Scheme
	return &t, nil
}

// merge is RFC 3986 §5.2.3: ref's relative path after the base's last
// "/", or after "/" when the base has an authority and no path.
func merge(base *URL, path string) string {
	if base.Authority != "" && base.Path == "" {
		return "/" + path
	}
	return base.Path[:strings.LastIndexByte(base.Path, '/')+1] + path
}

// removeDots removes the "." and ".." segments of path, as RFC 3986
// §5.2.4 does: "/a/b/../c/./d" is "/a/c/d", a ".." above the root is
// dropped, and a path that ends in one keeps its last "/".
func removeDots(path string) string {
	if !strings.Contains(path, ".") {
		return path
	}
	rooted := strings.HasPrefix(path, "/")
	segments := strings.Split(strings.TrimPrefix(path, "/"), "/")
	out := make([]string, 0, len(segments))
	for i, s := range segments {
		last := i == len(segments)-1
		switch s {
		case ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, s)
			continue
		}
		if last {
			out = append(out, "") // "a/.." is "a/": a directory
		}
	}
	joined := strings.Join(out, "/")
	if rooted {
		return "/" + joined
	}
	return joined
}
