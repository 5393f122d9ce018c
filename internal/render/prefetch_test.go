package render

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/benchgen"
	"github.com/designdoc-cli/designdoc/internal/design"
)

// A large doc's diagrams are made ahead, in the background, and its
// entity and endpoint sections in parallel by each (run with -race): the
// doc must be byte for byte the one made in order on one core, for every
// built-in template.
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
			procs := 4 // each has a worker a core
			if inOrder {
				v.diagrams = &diagramSet{v.architectureDiagram, v.sequenceDiagram, v.erDiagram} // prefetch then does nothing
				procs = 1                                                                       // each renders in place
			}
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			md, err := tmpl.Execute(v)
			if err != nil {
				t.Fatal(err)
			}
			if !inOrder && v.diagrams == nil {
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
		if n := strings.Count(want, "\n###"); n < prefetchMin { // ### or, demoted in the rfc, ####
			t.Fatalf("%s: %d sections in the doc: each had too little to do", name, n)
		}
		if name == "design" && !strings.Contains(want, "| Field |") {
			t.Fatalf("%s: no field table in the doc: the test compares nothing", name)
		}
	}
}
