package render

import (
	"strconv"

	"github.com/designdoc-cli/designdoc/internal/diagram"
)

// The diagrams of the built-in templates, as fenced ```mermaid blocks
// ready to print; each is "" when its section has nothing to draw, so a
// template writes {{ with .ArchitectureDiagram }}{{ . }}{{ end }} and an
// empty section gets no empty picture.

// ArchitectureDiagram is the high-level design as a flowchart: the
// components grouped by tier and shaped by kind, the connections labelled.
func (v *View) ArchitectureDiagram() string {
	d, fits := diagram.ArchitectureWithin(v.Doc)
	return mermaidBlock("architecture diagram", d, fits)
}

// SequenceDiagram is the data flow as a sequence diagram, numbered like
// the list of steps.
func (v *View) SequenceDiagram() string {
	d, fits := diagram.SequenceWithin(v.Doc)
	return mermaidBlock("sequence diagram", d, fits)
}

// ERDiagram is the core entities with their fields and relations.
func (v *View) ERDiagram() string {
	d, fits := diagram.ERWithin(v.Doc)
	return mermaidBlock("ER diagram", d, fits)
}

// mermaidBlock fences diagram d. A diagram Mermaid would refuse to draw
// (GitHub shows only an error box) is left out with a comment saying why:
// fits is false when d was given up on over Mermaid's size limit.
func mermaidBlock(what, d string, fits bool) string {
	why := ""
	if !fits {
		why = "it is over Mermaid's limit of " + strconv.Itoa(diagram.MaxTextSize) + " characters"
	} else if d == "" {
		return ""
	} else if reason, big := diagram.TooBig(d); big {
		why = reason
	}
	if why != "" {
		return "<!-- The " + what + " is left out: " + commentText(why) + ". Everything it would show is in the tables and lists of this section. -->"
	}
	return CodeBlock("mermaid", d)
}
