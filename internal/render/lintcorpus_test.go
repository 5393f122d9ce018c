package render

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// TestLintCorpus writes 300 design docs (and, for every third, the doc
// in each other built-in template: 500 files) rendered from random mixes
// of the Markdown that answers could contain (headings, fences, lists of every
// kind, HTML, URLs, emphasis in both styles, tables, link definitions)
// into $LINT_CORPUS, for `make check-docs` to lint: every one must pass
// markdownlint like the examples do. Without $LINT_CORPUS it is skipped.
func TestLintCorpus(t *testing.T) {
	out := os.Getenv("LINT_CORPUS")
	if out == "" {
		t.Skip("LINT_CORPUS is not set")
	}
	pieces := []string{"# h", "## h2", "text", "", "", "* a", "- b", "+ c", "1. one", "2) two", "   - nested", "      - deeper", "> quote",
		"    code", "```", "~~~", "===", "---", "***", "___", "<div>", "a <b> c", "https://x.io/a_b", "[l](https://x.io)", "<https://y.io>",
		"`code`", "``a`b``", "a | b", "\t tab", "trailing   ", "**bold**", "_it_", "__b__", "*i*", "1.", "-", "#", "####### seven", "[ref]: https://r.io",
		"![img](x.png)", "<!-- c -->", "&amp;", "\\", "\\# esc", "1. a\n\n   para in item", "- [ ] task", "| a | b |", "|---|---|", "Title\n---"}
	r := rand.New(rand.NewSource(7))
	gen := func() string {
		var lines []string
		for i := 0; i < 3+r.Intn(10); i++ {
			lines = append(lines, pieces[r.Intn(len(pieces))])
		}
		return strings.Join(lines, "\n")
	}
	e, _ := New()
	tm, _ := e.Lookup("design")
	// Every third doc is rendered with the other built-ins too.
	var others []*Template
	for _, name := range e.Builtins() {
		if name != "design" {
			o, _ := e.Lookup(name)
			others = append(others, o)
		}
	}
	for i := 0; i < 300; i++ {
		doc := &design.Doc{Title: strings.ReplaceAll(gen(), "\n", " "), Slug: "x", Status: "draft", Summary: gen()}
		doc.Requirements.Functional = []design.Requirement{{Text: gen()}}
		doc.Requirements.OutOfScope = []string{gen()}
		doc.HighLevelDesign.Notes = gen()
		doc.Requirements.NonFunctional = []design.NonFunctional{{Quality: "security", Requirement: gen()}}
		doc.DeepDives = []design.DeepDive{{Concept: "security", Title: gen(), Problem: gen(), Solution: gen(), Tradeoffs: gen()}}
		doc.Entities = []design.Entity{{Name: strings.ReplaceAll(gen(), "\n", " "), Description: gen(), Fields: []design.Field{{Name: gen(), Type: gen(), Note: gen()}}}}
		doc.API.Endpoints = []design.Endpoint{{Method: "GET", Path: "/x", Summary: gen(), Request: gen(), Response: gen()}}
		doc.OpenQuestions = []string{gen()}
		md, err := tm.Execute(NewView(doc, "x.yaml", "design"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, "random-"+itoa(i)+".md"), md, 0o644); err != nil {
			t.Fatal(err)
		}
		if i%3 != 0 {
			continue
		}
		for _, o := range others {
			md, err := o.Execute(NewView(doc, "x.yaml", o.Name))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, "random-"+o.Name+"-"+itoa(i)+".md"), md, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
