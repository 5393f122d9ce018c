package render

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/benchgen"
	"github.com/designdoc-cli/designdoc/internal/design"
)

// A large doc's entity and endpoint sections are rendered in parallel by
// each (run with -race): the doc must be byte for byte the one made in
// order on one core, for every built-in template.
func TestEachRendersTheSameDoc(t *testing.T) {
	const entities = 250 // chunks for several workers
	var buf bytes.Buffer
	if err := benchgen.Write(&buf, entities); err != nil {
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
				procs = 1 // each renders in place
			}
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			md, err := tmpl.Execute(v)
			if err != nil {
				t.Fatal(err)
			}
			return string(md)
		}
		want := render(true)
		for i := 0; i < 3; i++ {
			if got := render(false); got != want {
				t.Fatalf("%s: the doc rendered in parallel differs from the one made in order", name)
			}
		}
		if n := strings.Count(want, "\n###"); n < entities { // ### or, demoted in the rfc, ####
			t.Fatalf("%s: %d sections in the doc: each had too little to do", name, n)
		}
		if name == "design" && !strings.Contains(want, "| Field |") {
			t.Fatalf("%s: no field table in the doc: the test compares nothing", name)
		}
	}
}
