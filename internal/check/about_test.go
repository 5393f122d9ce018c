package check

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// naiveAbout is about as it was first written: every passage checked for
// every name. The indexed about must give the same text.
func naiveAbout(r *run, name string) string {
	var b strings.Builder
	for _, p := range r.passages() {
		if p.component == name || p.other == name || mentions(p.text, name) {
			b.WriteString(p.text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestAboutMatchesNaive(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*.designdoc.yaml")
	stress, _ := filepath.Glob("../../testdata/stress/*.designdoc.yaml")
	docs := []*design.Doc{}
	for _, p := range append(paths, stress...) {
		doc, err := design.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	doc, err := design.Parse("x.yaml", []byte(`title: T
high_level_design:
  components:
    - {name: URL Service, kind: service, responsibility: "calls the url-service and URL  Service"}
    - {name: Cache, kind: cache, technology: Redis}
    - {name: 🔍, kind: other}
  connections:
    - {from: URL Service, to: Cache, label: "cache-aside; 🔍 reads the cache"}
deep_dives:
  - {concept: scaling, title: Caching, problem: "the CACHE is cold", solution: "warm the url service cache"}
`))
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, doc)
	checked := 0
	for _, d := range docs {
		r := &run{doc: d}
		for _, c := range d.HighLevelDesign.Components {
			if got, want := r.about(c.Name), naiveAbout(r, c.Name); got != want {
				t.Errorf("%s: about(%q) =\n%q\nwant\n%q", d.Title, c.Name, got, want)
			}
			checked++
		}
	}
	if checked < 10 {
		t.Fatalf("only %d components compared", checked)
	}
}
