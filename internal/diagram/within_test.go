package diagram

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/benchgen"
	"github.com/designdoc-cli/designdoc/internal/design"
)

// The Within diagrams are the whole ones where those fit Mermaid's size
// limit, and give up exactly where they do not.
func TestWithinGivesUpExactlyOverTheLimit(t *testing.T) {
	var docs []*design.Doc
	paths, _ := filepath.Glob("../../examples/*.designdoc.yaml")
	for _, p := range paths {
		doc, err := design.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	for _, n := range []int{1, 50, 120, 400, 3000} {
		var b bytes.Buffer
		if err := benchgen.Write(&b, n); err != nil {
			t.Fatal(err)
		}
		doc, err := design.Parse("gen.yaml", b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	over := map[string]int{}
	for _, doc := range docs {
		for name, pair := range map[string]struct {
			whole  func(*design.Doc) string
			within func(*design.Doc) (string, bool)
		}{
			"ER":           {ER, ERWithin},
			"Sequence":     {Sequence, SequenceWithin},
			"Architecture": {Architecture, ArchitectureWithin},
		} {
			whole := pair.whole(doc)
			d, fits := pair.within(doc)
			switch {
			case fits != (len(whole) <= MaxTextSize):
				t.Errorf("%s of %q: %d characters, and Within says fits=%v", name, doc.Title, len(whole), fits)
			case fits && d != whole:
				t.Errorf("%s of %q: Within drew another diagram", name, doc.Title)
			case !fits && d != "":
				t.Errorf("%s of %q: Within gave up but returned text", name, doc.Title)
			case !fits:
				over[name]++
			}
		}
	}
	for _, name := range []string{"ER", "Sequence", "Architecture"} {
		if over[name] == 0 {
			t.Errorf("no doc makes a %s diagram over the limit: the test does not test giving up", name)
		}
	}
}
