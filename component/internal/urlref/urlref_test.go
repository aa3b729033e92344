package urlref

import (
	"net/url"
	"strings"
	"testing"
)

func resolve(t *testing.T, ref, base string) (string, error) {
	t.Helper()
	b, err := Parse(base)
	if err != nil {
		t.Fatalf("base %q: %v", base, err)
	}
	r, err := Parse(ref)
	if err != nil {
		return "", err
	}
	u, err := b.Resolve(r)
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

// TestRFC3986Examples: RFC 3986 §5.4's normal and abnormal examples.
func TestRFC3986Examples(t *testing.T) {
	const base = "http://a/b/c/d;p?q"
	for ref, want := range map[string]string{
		"g:h": "g:h", "g": "http://a/b/c/g", "./g": "http://a/b/c/g", "g/": "http://a/b/c/g/", "/g": "http://a/g",
		"//g": "http://g", "?y": "http://a/b/c/d;p?y", "g?y": "http://a/b/c/g?y", "#s": "http://a/b/c/d;p?q#s",
		"g#s": "http://a/b/c/g#s", "g?y#s": "http://a/b/c/g?y#s", ";x": "http://a/b/c/;x", "g;x": "http://a/b/c/g;x",
		"g;x?y#s": "http://a/b/c/g;x?y#s", "": "http://a/b/c/d;p?q", ".": "http://a/b/c/", "./": "http://a/b/c/",
		"..": "http://a/b/", "../": "http://a/b/", "../g": "http://a/b/g", "../..": "http://a/", "../../": "http://a/",
		"../../g": "http://a/g",
		// Abnormal examples.
		"../../../g": "http://a/g", "../../../../g": "http://a/g", "/./g": "http://a/g", "/../g": "http://a/g",
		"g.": "http://a/b/c/g.", ".g": "http://a/b/c/.g", "g..": "http://a/b/c/g..", "..g": "http://a/b/c/..g",
		"./../g": "http://a/b/g", "./g/.": "http://a/b/c/g/", "g/./h": "http://a/b/c/g/h", "g/../h": "http://a/b/c/h",
		"g;x=1/./y": "http://a/b/c/g;x=1/y", "g;x=1/../y": "http://a/b/c/y", "g?y/./x": "http://a/b/c/g?y/./x",
		"g?y/../x": "http://a/b/c/g?y/../x", "g#s/./x": "http://a/b/c/g#s/./x", "g#s/../x": "http://a/b/c/g#s/../x",
		"http:g": "http:g", // strict, as RFC 3986 recommends
	} {
		if got, err := resolve(t, ref, base); err != nil || got != want {
			t.Errorf("%q: got %q, %v; want %q", ref, got, err, want)
		}
	}
}

// TestResolve: the cases the guest meets, and where a browser differs.
func TestResolve(t *testing.T) {
	tests := []struct{ ref, base, want string }{
		{"./my config.json", "https://x.test/app/", "https://x.test/app/my%20config.json"},
		{"./ü.py?q=ä b#f g", "https://x.test/", "https://x.test/%C3%BC.py?q=%C3%A4%20b#f%20g"},
		{"a%2Fb%41.py", "https://x.test/", "https://x.test/a%2Fb%41.py"}, // escapes are kept as written
		{"a(1)[2]*.py", "https://x.test/", "https://x.test/a(1)[2]*.py"},
		{`..\a.js`, "https://x.test/app/", "https://x.test/app/..%5Ca.js"}, // a browser reads "\" as "/"
		{"a|b^c`d{e}.js", "https://x.test/", "https://x.test/a%7Cb%5Ec%60d%7Be%7D.js"},
		{"?v=2", "https://x.test/app/p.html?v=1#top", "https://x.test/app/p.html?v=2"},
		{"#f", "https://x.test/app/p.html?v=1#top", "https://x.test/app/p.html?v=1#f"},
		{"", "https://x.test/app/p.html?v=1#top", "https://x.test/app/p.html?v=1"},
		{"a#b#c", "https://x.test/", "https://x.test/a#b%23c"},
		{"?a=%zz", "https://x.test/", "https://x.test/?a=%25zz"},
		{"//cdn.test/a/../b.js", "https://x.test/", "https://cdn.test/b.js"},
		{"//cdn.test", "https://x.test/", "https://cdn.test"},
		{"a.js", "https://x.test", "https://x.test/a.js"},
		{"https://x.test/a/./b/../c.js", "file:///srv/", "https://x.test/a/c.js"}, // absolute URLs lose dot segments too
		{"HTTPS://X.test:443/a", "", "https://X.test:443/a"},
		{"../../../etc/passwd", "file:///srv/app/", "file:///etc/passwd"},
		{"file:/srv/c.toml", "", "file:/srv/c.toml"},
		{"../..//x", "file:/a/b/", "file:/.//x"}, // no authority: "//x" must not read as a host
		{"blob:https://x.test/1", "https://x.test/", "blob:https://x.test/1"},
		{"data:text/plain,a b/../c", "https://x.test/", "data:text/plain,a b/../c"}, // opaque paths stay
		{"#f", "data:text/plain,x", "data:text/plain,x#f"},
		{"https://u:p@x.test:8080/?#", "", "https://u:p@x.test:8080/?#"},
		{"http://[::1]:80/a", "", "http://[::1]:80/a"},
		{"http://bücher.test/", "", "http://b%C3%BCcher.test/"},
	}
	for _, tc := range tests {
		if got, err := resolve(t, tc.ref, tc.base+map[bool]string{true: "https://base.test/"}[tc.base == ""]); err != nil || got != tc.want {
			t.Errorf("%q against %q: got %q, %v; want %q", tc.ref, tc.base, got, err, tc.want)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ ref, base, want string }{
		{"a.js", "blob:https://x.test/1", "a relative reference cannot resolve against a URL with an opaque path"},
		{"?x", "data:text/plain,x", "a relative reference cannot resolve against a URL with an opaque path"},
		{"http://[::1", "https://x.test/", "missing ']' in host"},
		{"http://x.test:8o/", "https://x.test/", `invalid port ":8o" after host`},
		{"http://x test/", "https://x.test/", `invalid character " " in host name`},
		{"http://a<b/", "https://x.test/", `invalid character "<" in host name`},
		{"http://a b@x.test/", "https://x.test/", "invalid userinfo"},
		{"a\tb.js", "https://x.test/", "invalid control character in URL"},
		{"a%zz.js", "https://x.test/", `invalid URL escape "%zz"`},
		{"http://a%zz/", "https://x.test/", `invalid URL escape "%zz"`},
		{"http://u%@x.test/", "https://x.test/", `invalid URL escape "%@x"`},
		{"a.js#%", "https://x.test/", `invalid URL escape "%"`},
		{":a.js", "https://x.test/", "missing protocol scheme"},
		{"1a:b.js", "https://x.test/", "first path segment in URL cannot contain colon"},
	}
	for _, tc := range tests {
		if got, err := resolve(t, tc.ref, tc.base); err == nil || err.Error() != tc.want {
			t.Errorf("%q against %q: got %q, %v; want the error %q", tc.ref, tc.base, got, err, tc.want)
		}
	}
}

func TestDecodedPath(t *testing.T) {
	for in, want := range map[string]string{
		"https://x.test/a%20b/c%2Fd.py?x%20y": "/a b/c/d.py", "https://x.test": "", "blob:https://x.test/a.css": "",
		"file:///srv/%C3%BC.py": "/srv/ü.py",
	} {
		u, err := Parse(in)
		if err != nil || u.DecodedPath() != want {
			t.Errorf("%q: DecodedPath = %q, %v; want %q", in, u.DecodedPath(), err, want)
		}
	}
}

// TestAgreesWithNetURL: on the URLs configs hold, the guest's answers
// are the ones net/url gave before this package replaced it.
func TestAgreesWithNetURL(t *testing.T) {
	bases := []string{"https://x.test/app/p.html?q=1#f", "https://x.test", "file:///srv/app/", "http://[::1]:8080/a/b"}
	refs := []string{
		"a.js", "./a.js", "../a.js", "../../../../a.js", "/a.js", "//cdn.test/a.js", "?v=2", "#top", "a.js?v=1#x",
		"./dir/", "./dir/?v=1", "a(1).py", "a%20b.py", "https://cdn.test/x.py?v=2", "file:///srv/m.js",
		"blob:https://x.test/1", "data:text/plain,hi", "javascript:alert(1)", "HTTPS://x.test/a", "a;b=c/d@e:f.py",
		"./m.js?x.css", "./n.js#a.css", "https://u@x.test:8/", "~a/_b-c.d", "a.js?", "https://x.test?x",
	}
	for _, base := range bases {
		for _, ref := range refs {
			got, err := resolve(t, ref, base)
			nb, _ := url.Parse(base)
			nr, nerr := url.Parse(ref)
			if err != nil || nerr != nil {
				t.Errorf("%q against %q: %v / net/url %v", ref, base, err, nerr)
				continue
			}
			want := nr.String()
			if !nr.IsAbs() {
				want = nb.ResolveReference(nr).String()
			}
			if got != want {
				t.Errorf("%q against %q: %q, net/url %q", ref, base, got, want)
			}
		}
	}
}

// FuzzResolve: Parse and Resolve never panic; what Resolve returns is
// absolute and reads back as itself; and on references made of the bytes
// both read alike (no escapes, nothing to encode, no dot segments in an
// absolute URL, no empty query or fragment), the answer is net/url's.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"a.js", "../a/./b?c#d", "//h.test/x", "?q", "#f", "", "http://[::1]:8/", "data:x,y", "a%20b", "é"} {
		f.Add(s, "https://x.test/app/p.html")
	}
	f.Fuzz(func(t *testing.T, ref, base string) {
		b, err := Parse(base)
		if err != nil || !b.IsAbs() {
			return
		}
		r, err := Parse(ref)
		if err != nil {
			return
		}
		u, err := b.Resolve(r)
		if err != nil {
			return
		}
		got := u.String()
		again, err := Parse(got)
		if err != nil || !again.IsAbs() || again.String() != got {
			t.Fatalf("%q against %q = %q, which reads back as %v, %v", ref, base, got, again, err)
		}
		if !plain(ref) || !plain(base) || r.IsAbs() && strings.Contains(ref, "/.") || len(b.Authority) < 3 || r.Authority == "//" ||
			strings.Contains(b.Authority+r.Authority, "@") {
			// net/url loses an empty host ("a://" is "a:"), adds one ("b"
			// against "a:/c" is "a:///b"), and encodes sub-delims in userinfo.
			return
		}
		nb, err1 := url.Parse(base)
		nr, err2 := url.Parse(ref)
		if err1 != nil || err2 != nil {
			return // net/url refuses more hosts
		}
		want := nr.String()
		if !nr.IsAbs() {
			want = nb.ResolveReference(nr).String()
		}
		if got != want && !(ref == "" && strings.Contains(base, "#")) { // RFC 3986 drops the base's fragment
			t.Fatalf("%q against %q = %q, net/url %q", ref, base, got, want)
		}
	})
}

// plain is text both parsers read alike: bytes no component encodes, and
// no "?" or "#" that ends the text (net/url drops an empty fragment).
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !unreserved(c) && !strings.ContainsRune("/:?#@!$&'()*+,;=", rune(c)) {
			return false
		}
	}
	return !strings.HasSuffix(s, "#") && !strings.HasSuffix(s, "?") && strings.Count(s, "#") < 2
}
