package pagescript

import "strings"

// Dedent removes the indentation every non-blank line of code shares, so
// that Python inside an indented tag runs: the smallest run of leading
// spaces and tabs is cut from every line (blank lines lose what they
// have of it).
func Dedent(code string) string {
	lines := strings.Split(code, "\n")
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	if indent <= 0 {
		return code
	}
	for i, l := range lines {
		cut := min(indent, len(l)-len(strings.TrimLeft(l, " \t")))
		lines[i] = l[cut:]
	}
	return strings.Join(lines, "\n")
}

// entities are the ones an HTML serialiser writes in text, and their
// numeric forms (what html-escaper's unescape, which polyscript uses,
// reads), "&" last, so that "&amp;lt;" stays "&lt;" as in one pass. A
// loop of ReplaceAll, not a strings.Replacer: the guest is smaller.
var entities = [][2]string{
	{"&lt;", "<"}, {"&#60;", "<"},
	{"&gt;", ">"}, {"&#62;", ">"},
	{"&apos;", "'"}, {"&#39;", "'"},
	{"&quot;", `"`}, {"&#34;", `"`},
	{"&#38;", "&"}, {"&amp;", "&"},
}

// Unescape turns a custom element's innerHTML back into code.
func Unescape(html string) string {
	for _, e := range entities {
		html = strings.ReplaceAll(html, e[0], e[1])
	}
	return html
}

// commentsOnly reports whether a tag's text has nothing but /* */ blocks,
// lines starting with // or #, and white space: what polyscript lets a
// tag with src hold.
func commentsOnly(text string) bool {
	for {
		start := strings.Index(text, "/*")
		if start < 0 {
			break
		}
		end := strings.Index(text[start+2:], "*/")
		if end < 0 {
			break // an open block is content, as polyscript's pattern leaves it
		}
		text = text[:start] + text[start+2+end+2:]
	}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "//") && !strings.HasPrefix(l, "#") {
			return false
		}
	}
	return true
}
