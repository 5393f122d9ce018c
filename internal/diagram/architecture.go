package diagram

import (
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// tier is a subgraph of the architecture flowchart.
type tier struct {
	id, title string
	kinds     []string
}

// tiers, left to right, and the component kinds each holds; a kind not
// listed (or misspelt) goes to the last.
var tiers = []tier{
	{"tier_clients", "Clients", []string{"client"}},
	{"tier_edge", "Edge", []string{"cdn", "gateway", "load-balancer"}},
	{"tier_services", "Services", []string{"service", "worker"}},
	{"tier_data", "Data", []string{"database", "cache", "blob-store", "search-index", "queue", "stream"}},
	{"tier_other", "Other", []string{"other"}},
}

// shapes are the node delimiters for each component kind, one shape per
// kind so the picture says what each box is.
var shapes = map[string][2]string{
	"client":        {"([", "])"}, // stadium
	"cdn":           {">", "]"},   // flag
	"gateway":       {"{{", "}}"}, // hexagon
	"load-balancer": {"[/", `\]`}, // trapezoid
	"service":       {"[", "]"},   // rectangle
	"worker":        {"(", ")"},   // rounded rectangle
	"database":      {"[(", ")]"}, // cylinder
	"cache":         {`[\`, "/]"}, // inverted trapezoid
	"blob-store":    {`[\`, `\]`}, // parallelogram leaning left
	"search-index":  {"((", "))"}, // circle
	"queue":         {"[[", "]]"}, // subroutine
	"stream":        {"[/", "/]"}, // parallelogram
	"other":         {"{", "}"},   // rhombus
}

// Architecture returns the high-level design as a Mermaid flowchart: one
// node per component, shaped by its kind and grouped by tier (clients,
// edge, services, data), and one labelled edge per connection. It returns
// "" when the design has no components.
func Architecture(doc *design.Doc) string {
	d, _ := architecture(doc, noLimit)
	return d
}

// ArchitectureWithin is Architecture, giving up ("", false) as soon as
// the text is over MaxTextSize.
func ArchitectureWithin(doc *design.Doc) (string, bool) { return architecture(doc, MaxTextSize) }

func architecture(doc *design.Doc, limit int) (string, bool) {
	comps := doc.HighLevelDesign.Components
	if len(comps) == 0 {
		return "", true
	}
	names := make([]string, len(comps))
	for i, c := range comps {
		names[i] = c.Name
	}
	// Connections may name components that do not exist when the answers
	// were not validated: they get a plain node of their own.
	var extra []string
	index := indexOf(names)
	for _, cn := range doc.HighLevelDesign.Connections {
		for _, end := range []string{cn.From, cn.To} {
			if _, ok := index[end]; !ok {
				index[end] = len(names) + len(extra)
				extra = append(extra, end)
			}
		}
	}

	var b strings.Builder
	b.Grow(min(128+96*len(comps)+64*len(doc.HighLevelDesign.Connections), limit))
	b.WriteString("flowchart LR\n")
	tierOf := func(kind string) int {
		for t, tr := range tiers {
			for _, k := range tr.kinds {
				if k == kind {
					return t
				}
			}
		}
		return len(tiers) - 1
	}
	members := make([][]int, len(tiers))
	for i, c := range comps {
		t := tierOf(c.Kind)
		members[t] = append(members[t], i)
	}
	for t, tr := range tiers {
		if len(members[t]) == 0 && !(t == len(tiers)-1 && len(extra) > 0) {
			continue
		}
		b.WriteString("    subgraph " + tr.id + `["` + tr.title + `"]` + "\n")
		for _, i := range members[t] {
			if b.Len() > limit {
				return "", false
			}
			writeNode(&b, i, comps[i])
		}
		if t == len(tiers)-1 {
			for k, name := range extra {
				writeNode(&b, len(comps)+k, design.Component{Name: name, Kind: "other"})
			}
		}
		b.WriteString("    end\n")
	}
	for _, cn := range doc.HighLevelDesign.Connections {
		if b.Len() > limit {
			return "", false
		}
		b.WriteString("    " + id("c", index[cn.From]+1) + " -->")
		if l := clean(cn.Label); l != "" {
			b.WriteString(`|"` + label(l, flowLabel, edgeWidth, edgeLines, "") + `"|`)
		}
		b.WriteString(" " + id("c", index[cn.To]+1) + "\n")
	}
	if b.Len() > limit {
		return "", false
	}
	return b.String(), true
}

// writeNode writes component c, the i-th (0-based), as a node: its name,
// and its technology on the lines below.
func writeNode(b *strings.Builder, i int, c design.Component) {
	shape, ok := shapes[c.Kind]
	if !ok {
		shape = shapes["other"]
	}
	text := label(c.Name, flowLabel, nameWidth, nameLines, "Unnamed component", c.Technology)
	if tech := clean(c.Technology); tech != "" {
		text += "<br>" + label(tech, flowLabel, detailWidth, detailLines, "", c.Name)
	}
	b.WriteString("        " + id("c", i+1) + shape[0] + `"` + text + `"` + shape[1] + "\n")
}
