package design

import (
	"fmt"
	"strconv"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// Validate checks a Doc held in memory — built by the interview, or
// loaded and then changed by --set — exactly as the loader checks a file:
// the required title, unique names, every reference (relations to
// entities; stores, connections and data-flow ends to components; serves
// to functional requirements), enums, quantities, dates. It returns nil or
// a *LoadError whose problems carry the loader's messages and paths
// (`data_flow[2].to: no component named "Nope" in
// high_level_design.components (did you mean "API"?)`).
//
// Positions are those the Doc has: for a Doc loaded from a file, the item
// (or top-level key) a problem is in; none for a Doc built in memory.
func Validate(doc *Doc) error {
	// The loader's checks run on the canonical YAML of doc, so that there
	// is one implementation of them; what they report is then moved from
	// that text, which the user never saw, back to doc.
	_, d, err := decode("", Marshal(doc), false)
	if err != nil {
		return fmt.Errorf("the answers cannot be checked: %w", err)
	}
	checked := d.err()
	if checked == nil {
		return nil
	}
	le := checked.(*LoadError)
	out := &LoadError{File: doc.file, Problems: make([]Problem, len(le.Problems))}
	for i, p := range le.Problems {
		p.File = doc.file
		p.Pos = Pos{}
		if p.Path != "" {
			p.Pos, _ = posAt(doc, p.Path)
		}
		if p.first != "" {
			p.Msg = firstAtLine.ReplaceAllLiteralString(p.Msg, "(first at "+firstAt(doc, p.first)+")")
		}
		out.Problems[i] = p
	}
	return out
}

var firstAtLine = lazyre.New(`\(first at line \d+\)$`)

// firstAt says where the first item of a duplicated name is: at its line
// when doc was loaded from a file, else by its path.
func firstAt(doc *Doc, path string) string {
	if p, item := posAt(doc, path); item {
		return "line " + strconv.Itoa(p.Line)
	}
	return path
}
