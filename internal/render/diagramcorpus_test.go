package render

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// TestDiagramCorpus writes 8 docs into $DIAGRAM_CORPUS whose component,
// entity, field, relation and data-flow names are random mixes of what
// breaks Mermaid (its keywords, arrows, quotes, brackets, # ; % $ ~ \,
// directives, KaTeX, sequence options, unicode), for `make check-docs` to
// render with mmdc: every diagram must draw. Without $DIAGRAM_CORPUS it
// is skipped. (TestLintCorpus's docs have diagrams too, but check-docs
// only lints those: 300 more diagrams would take minutes.)
func TestDiagramCorpus(t *testing.T) {
	out := os.Getenv("DIAGRAM_CORPUS")
	if out == "" {
		t.Skip("DIAGRAM_CORPUS is not set")
	}
	pieces := []string{`"`, `'`, "(", ")", "[", "]", "{", "}", "-->", "->>", "--x", "-.-", "==>", "#", "#35;", "#quot;", ";", "<", ">",
		"<br>", "|", "&", "&lt;", "`", "```", "\\", "%", "%%", `%%{init: {"theme": "dark"}}%%`, "$", "$$", `$$\frac{$$`, ":", ":::",
		"style", "classDef", "fill:#f00", "wrap:", "nowrap:", "end", "subgraph", "click", "participant", "as", "note", "loop",
		"PK", "fk", "uk", "erDiagram", "flowchart", "@{", "~", "~T~", "*", "_", "o{", "||", "}o", "🚀", "👩‍👩‍👧", "e\u0301", "עברית",
		"ünï", "\t", "\n", " ", "a", "word", "0", "1", "\u2028", "\x00"}
	r := rand.New(rand.NewSource(11))
	gen := func() string {
		var b strings.Builder
		for i := 0; i < 1+r.Intn(6); i++ {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		return b.String()
	}
	e := newTestEngine(t)
	tm, err := e.Lookup("design")
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < 8; n++ {
		doc := &design.Doc{Title: "Diagram corpus " + itoa(n), Slug: "x", Status: "draft"}
		const size = 6
		for i := 0; i < size; i++ {
			// A number keeps names unique, as validation would.
			doc.HighLevelDesign.Components = append(doc.HighLevelDesign.Components, design.Component{
				Name: gen() + itoa(i), Kind: design.ComponentKinds[r.Intn(len(design.ComponentKinds))], Technology: gen()})
			doc.Entities = append(doc.Entities, design.Entity{Name: gen() + itoa(i),
				Fields: []design.Field{{Name: gen(), Type: gen(), Note: gen()}, {Name: gen(), Type: gen(), Note: "primary key"}}})
		}
		for i := 0; i < size; i++ {
			from, to := doc.HighLevelDesign.Components[r.Intn(size)].Name, doc.HighLevelDesign.Components[r.Intn(size)].Name
			doc.HighLevelDesign.Connections = append(doc.HighLevelDesign.Connections, design.Connection{From: from, To: to, Label: gen()})
			doc.DataFlow = append(doc.DataFlow, design.Step{From: from, To: to, Action: gen()})
			ent := &doc.Entities[r.Intn(size)]
			ent.Relations = append(ent.Relations, design.Relation{To: doc.Entities[r.Intn(size)].Name,
				Kind: design.RelationKinds[r.Intn(len(design.RelationKinds))], Label: gen()})
		}
		md, err := tm.Execute(NewView(doc, "x.yaml", "design"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(string(md), "```mermaid"); got != 3 {
			t.Fatalf("doc %d has %d diagrams, want 3", n, got)
		}
		if err := os.WriteFile(filepath.Join(out, "diagrams-"+itoa(n)+".md"), md, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
