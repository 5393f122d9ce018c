// Package diagram writes Mermaid diagrams from a design's answers: the
// architecture as a flowchart, the data flow as a sequence diagram and the
// core entities as an ER diagram.
//
// Whatever the answers say, the output parses: node, participant and
// entity ids are generated (c1, p1, e1, …), never taken from the answers,
// and every label is cleaned to one line and escaped (see escape.go).
// The same answers always give the same text.
package diagram

import (
	"math"
	"strconv"
	"strings"
)

// Mermaid's default limits (its maxTextSize and maxEdges settings, which
// GitHub keeps): a bigger diagram is not drawn, only an error is.
const (
	MaxTextSize = 50000
	MaxEdges    = 500
)

// noLimit is the limit of the diagrams written whatever their size.
const noLimit = math.MaxInt

// TooBig reports whether Mermaid would refuse to draw the diagram d with
// its default limits, and why.
func TooBig(d string) (string, bool) {
	if len(d) > MaxTextSize {
		return "at " + strconv.Itoa(len(d)) + " characters it is over Mermaid's limit of " + strconv.Itoa(MaxTextSize), true
	}
	if strings.HasPrefix(d, "flowchart") {
		if n := strings.Count(d, " --> ") + strings.Count(d, " -->|"); n > MaxEdges {
			return "with " + strconv.Itoa(n) + " connections it is over Mermaid's limit of " + strconv.Itoa(MaxEdges) + " edges", true
		}
	}
	return "", false
}

// Widths and line counts of labels: long names wrap rather than stretch
// the picture, and very long ones are cut with "…" (the tables beside the
// diagram have the whole text).
const (
	nameWidth, nameLines       = 28, 3
	detailWidth, detailLines   = 32, 2
	edgeWidth, edgeLines       = 28, 3
	messageWidth, messageLines = 40, 3
	erLabelWidth               = 48
	erCommentWidth             = 60
)

// ids hands out generated ids: prefix + 1, 2, 3, …
func id(prefix string, n int) string { return prefix + strconv.Itoa(n) }

// indexOf maps each name to the position of its first holder.
func indexOf(names []string) map[string]int {
	m := make(map[string]int, len(names))
	for i, n := range names {
		if _, ok := m[n]; !ok {
			m[n] = i
		}
	}
	return m
}
