package hostmock

import (
	"maps"
	"slices"
	"strings"

	"github.com/execctx/execctx/api"
)

// The little of an element's HTML a PyScript tag's checks read: an
// element's text is its "textContent" property (set it with Set), its
// outerHTML is the tag, its attributes in name order (a map keeps no
// order), and that text; cloneNode copies attributes and, when deep, the
// text, as a detached element.

// cloneLocked is cloneNode(deep) of n.
func (p *Page) cloneLocked(n *node, deep bool) api.Value {
	c := p.newNode(n.tag)
	c.id = n.id
	for k, v := range n.attrs {
		c.attrs[k] = v
	}
	if t, ok := n.props["textContent"]; ok && deep {
		c.props["textContent"] = t
	}
	return object(c.handle)
}

// outerHTMLLocked renders n: <tag id="…" a="…">text</tag>.
func outerHTMLLocked(n *node) string {
	tag := strings.ToLower(n.tag)
	var b strings.Builder
	b.WriteString("<" + tag)
	if n.id != "" {
		b.WriteString(` id="` + n.id + `"`)
	}
	for _, k := range slices.Sorted(maps.Keys(n.attrs)) {
		b.WriteString(" " + k + `="` + n.attrs[k] + `"`)
	}
	b.WriteString(">" + n.props["textContent"].Text + "</" + tag + ">")
	return b.String()
}
