package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/benchgen"
	"github.com/designdoc-cli/designdoc/internal/design"
)

// A large doc's diagrams and field tables are made ahead, in the
// background (run with -race): the doc must be byte for byte the one made
// in order, for every built-in template.
func TestPrefetchRendersTheSameDoc(t *testing.T) {
	var buf bytes.Buffer
	if err := benchgen.Write(&buf, prefetchMin+50); err != nil {
		t.Fatal(err)
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"design", "rfc", "interview"} {
		tmpl, err := e.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		render := func(inOrder bool) string {
			doc, err := design.Parse("big.yaml", buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			v := NewView(doc, "big.yaml", name)
			if inOrder {
				v.diagrams = &diagramSet{v.architectureDiagram, v.sequenceDiagram, v.erDiagram} // prefetch then does nothing
			}
			md, err := tmpl.Execute(v)
			if err != nil {
				t.Fatal(err)
			}
			if !inOrder && v.Entities[0].fieldsTable == nil {
				t.Fatalf("%s: a doc of %d entities was not prefetched", name, len(v.Entities))
			}
			return string(md)
		}
		want := render(true)
		for i := 0; i < 3; i++ {
			if got := render(false); got != want {
				t.Fatalf("%s: the prefetched doc differs from the one made in order", name)
			}
		}
		if name == "design" && !strings.Contains(want, "| Field |") {
			t.Fatalf("%s: no field table in the doc: the test compares nothing", name)
		}
	}
}
