package yamltree

import (
	"fmt"
	"strings"
)

// dump renders a tree with every compared field, one node a line, so that
// differences show up in test output.
func dump(n *Node) string {
	var b strings.Builder
	var walk func(n *Node, indent string, depth int)
	walk = func(n *Node, indent string, depth int) {
		if n == nil {
			b.WriteString(indent + "<nil>\n")
			return
		}
		if depth > 200 {
			b.WriteString(indent + "...\n")
			return
		}
		fmt.Fprintf(&b, "%s%s %d:%d", indent, n.Kind, n.Line, n.Column)
		if n.Tag() != "" {
			fmt.Fprintf(&b, " tag=%s", n.Tag())
		}
		if n.Kind == Scalar || n.Value != "" {
			fmt.Fprintf(&b, " plain=%v %q", n.Plain, n.Value)
		}
		if n.Flow {
			b.WriteString(" flow")
		}
		b.WriteString("\n")
		for _, c := range n.Content {
			walk(c, indent+"  ", depth+1)
		}
	}
	walk(n, "", 0)
	return b.String()
}
