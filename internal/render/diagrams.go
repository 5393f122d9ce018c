package render

import (
	"strconv"
	"sync"

	"github.com/designdoc-cli/designdoc/internal/diagram"
)

// The diagrams of the built-in templates, as fenced ```mermaid blocks
// ready to print; each is "" when its section has nothing to draw, so a
// template writes {{ with .ArchitectureDiagram }}{{ . }}{{ end }} and an
// empty section gets no empty picture.

// ArchitectureDiagram is the high-level design as a flowchart: the
// components grouped by tier and shaped by kind, the connections labelled.
func (v *View) ArchitectureDiagram() string {
	if v.diagrams != nil {
		return v.diagrams.architecture()
	}
	return v.architectureDiagram()
}

// SequenceDiagram is the data flow as a sequence diagram, numbered like
// the list of steps.
func (v *View) SequenceDiagram() string {
	if v.diagrams != nil {
		return v.diagrams.sequence()
	}
	return v.sequenceDiagram()
}

// ERDiagram is the core entities with their fields and relations.
func (v *View) ERDiagram() string {
	if v.diagrams != nil {
		return v.diagrams.er()
	}
	return v.erDiagram()
}

func (v *View) architectureDiagram() string {
	d, fits := diagram.ArchitectureWithin(v.Doc)
	return mermaidBlock("architecture diagram", d, fits)
}

func (v *View) sequenceDiagram() string {
	d, fits := diagram.SequenceWithin(v.Doc)
	return mermaidBlock("sequence diagram", d, fits)
}

func (v *View) erDiagram() string {
	d, fits := diagram.ERWithin(v.Doc)
	return mermaidBlock("ER diagram", d, fits)
}

// diagramSet holds a view's diagrams, each made on first use.
type diagramSet struct {
	architecture, sequence, er func() string
}

// prefetchMin is the number of entities from which prefetch is worth a
// goroutine: below it the whole doc renders in a few milliseconds.
const prefetchMin = 200

// prefetch starts making the diagrams of a large doc in the background,
// on another core, while the template runs from the top; the template
// then takes each as it comes to it, waiting only for one still being
// made (the entities' sections are made in parallel by each). Each is made once, by whichever
// asks first, so the doc is the same byte for byte. The view must not
// change afterwards.
func (v *View) prefetch() {
	if v.diagrams != nil || len(v.Entities)+len(v.Doc.DataFlow)+len(v.Doc.HighLevelDesign.Components) < prefetchMin {
		return
	}
	v.diagrams = &diagramSet{
		architecture: sync.OnceValue(v.architectureDiagram),
		sequence:     sync.OnceValue(v.sequenceDiagram),
		er:           sync.OnceValue(v.erDiagram),
	}
	go func() {
		// In the order the built-in templates use them.
		v.diagrams.er()
		v.diagrams.sequence()
		v.diagrams.architecture()
	}()
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
