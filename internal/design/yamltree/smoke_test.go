package yamltree

import (
	"fmt"
	"strings"
	"testing"
)

// dump renders a tree compactly with positions, for test diffs.
func dump(n *Node) string {
	var b strings.Builder
	var walk func(n *Node, indent string)
	walk = func(n *Node, indent string) {
		if n == nil {
			b.WriteString(indent + "<nil>\n")
			return
		}
		fmt.Fprintf(&b, "%s%s %d:%d", indent, n.Kind, n.Line, n.Column)
		if n.Tag != "" {
			fmt.Fprintf(&b, " tag=%s", n.Tag)
		}
		if n.Kind == Scalar {
			fmt.Fprintf(&b, " plain=%v %q", n.Plain, n.Value)
		}
		if n.Flow {
			b.WriteString(" flow")
		}
		b.WriteString("\n")
		for _, c := range n.Content {
			walk(c, indent+"  ")
		}
	}
	walk(n, "")
	return b.String()
}

func TestSmoke(t *testing.T) {
	n, err := Parse([]byte("a: 1\nb: [x, 'y', !!str 3]\nc:\n- &q {k: v}\n- *q\n"))
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + dump(n))
	n, err = ParseJSON([]byte("{\"a\": [1, true, null, \"x\\u00e9\"],\n \"b\": {}}"))
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + dump(n))
}
