package diagram

import (
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// Sequence returns the data flow as a Mermaid sequence diagram: one
// participant per component the steps name, in order of first appearance,
// and one numbered message per step (the numbers match the doc's list of
// steps). It returns "" when there are no steps.
func Sequence(doc *design.Doc) string {
	d, _ := sequence(doc, noLimit)
	return d
}

// SequenceWithin is Sequence, giving up ("", false) as soon as the text
// is over MaxTextSize.
func SequenceWithin(doc *design.Doc) (string, bool) { return sequence(doc, MaxTextSize) }

func sequence(doc *design.Doc, limit int) (string, bool) {
	steps := doc.DataFlow
	if len(steps) == 0 {
		return "", true
	}
	var names []string
	index := map[string]int{}
	for _, s := range steps {
		for _, end := range []string{s.From, s.To} {
			if _, ok := index[end]; !ok {
				index[end] = len(names)
				names = append(names, end)
			}
		}
	}
	var b strings.Builder
	b.Grow(min(64+48*len(names)+80*len(steps), limit))
	b.WriteString("sequenceDiagram\n    autonumber\n")
	for i, n := range names {
		if b.Len() > limit {
			return "", false
		}
		b.WriteString("    participant " + id("p", i+1) + " as " + label(n, seqText, nameWidth, nameLines, "Unnamed") + "\n")
	}
	for _, s := range steps {
		if b.Len() > limit {
			return "", false
		}
		b.WriteString("    " + id("p", index[s.From]+1) + "->>" + id("p", index[s.To]+1) + ":")
		if text := label(s.Action, seqText, messageWidth, messageLines, ""); text != "" {
			b.WriteString(" " + text)
		}
		b.WriteByte('\n')
	}
	if b.Len() > limit {
		return "", false
	}
	return b.String(), true
}
