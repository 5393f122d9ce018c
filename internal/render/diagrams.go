package render

import (
	"github.com/designdoc-cli/designdoc/internal/diagram"
)

// The diagrams of the built-in templates, as fenced ```mermaid blocks
// ready to print; each is "" when its section has nothing to draw, so a
// template writes {{ with .ArchitectureDiagram }}{{ . }}{{ end }} and an
// empty section gets no empty picture.

// ArchitectureDiagram is the high-level design as a flowchart: the
// components grouped by tier and shaped by kind, the connections labelled.
func (v *View) ArchitectureDiagram() string {
	return mermaidBlock("architecture diagram", diagram.Architecture(v.Doc))
}

// SequenceDiagram is the data flow as a sequence diagram, numbered like
// the list of steps.
func (v *View) SequenceDiagram() string {
	return mermaidBlock("sequence diagram", diagram.Sequence(v.Doc))
}

// ERDiagram is the core entities with their fields and relations.
func (v *View) ERDiagram() string {
	return mermaidBlock("ER diagram", diagram.ER(v.Doc))
}

// mermaidBlock fences diagram d. A diagram Mermaid would refuse to draw
// (GitHub shows only an error box) is left out with a comment saying why.
func mermaidBlock(what, d string) string {
	if d == "" {
		return ""
	}
	if why, big := diagram.TooBig(d); big {
		return "<!-- The " + what + " is left out: " + commentText(why) + ". Everything it would show is in the tables and lists of this section. -->"
	}
	return CodeBlock("mermaid", d)
}
