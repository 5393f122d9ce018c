package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

var update = flag.Bool("update", false, "rewrite the golden docs in examples/ and testdata/golden/")

// renderFile loads an answers file and renders it with its own template.
func renderFile(t testing.TB, e *Engine, path string) ([]byte, *design.Doc) {
	t.Helper()
	doc, err := design.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := e.Lookup(doc.Template)
	if err != nil {
		t.Fatal(err)
	}
	md, err := tmpl.Execute(NewView(doc, filepath.Base(path), tmpl.Name))
	if err != nil {
		t.Fatal(err)
	}
	return md, doc
}

// TestGolden renders every example and compares it with the committed doc
// beside it; go test ./internal/render -update rewrites them.
func TestGolden(t *testing.T) {
	e := newTestEngine(t)
	answers, err := filepath.Glob("../../examples/*.designdoc.yaml")
	if err != nil || len(answers) < 3 {
		t.Fatalf("want at least 3 examples, found %d (%v)", len(answers), err)
	}
	stress, _ := filepath.Glob("../../testdata/stress/*.designdoc.yaml")
	answers = append(answers, stress...)
	for _, path := range answers {
		t.Run(filepath.Base(path), func(t *testing.T) {
			md, doc := renderFile(t, e, path)
			golden := filepath.Join(filepath.Dir(path), doc.Slug+".md")
			if *update {
				if err := os.WriteFile(golden, md, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/render -update to create it)", err)
			}
			if !bytes.Equal(md, want) {
				t.Errorf("%s differs from the rendered answers; run `make golden` and review the diff\n%s", golden, firstDiff(string(want), string(md)))
			}
		})
	}
}

// TestGoldenBuiltins renders every example with each built-in template
// other than design (whose goldens are the examples' own docs) and
// compares it with testdata/golden/<template>/<slug>.md.
func TestGoldenBuiltins(t *testing.T) {
	e := newTestEngine(t)
	answers, err := filepath.Glob("../../examples/*.designdoc.yaml")
	if err != nil || len(answers) < 3 {
		t.Fatalf("want at least 3 examples, found %d (%v)", len(answers), err)
	}
	for _, name := range e.Builtins() {
		if name == DefaultTemplate {
			continue
		}
		tmpl, err := e.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range answers {
			t.Run(name+"/"+filepath.Base(path), func(t *testing.T) {
				doc, err := design.Load(path)
				if err != nil {
					t.Fatal(err)
				}
				md, err := tmpl.Execute(NewView(doc, filepath.Base(path), tmpl.Name))
				if err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "golden", name, doc.Slug+".md")
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, md, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/render -run Golden -update to create it)", err)
				}
				if !bytes.Equal(md, want) {
					t.Errorf("%s differs from the rendered answers; run `make golden` and review the diff\n%s", golden, firstDiff(string(want), string(md)))
				}
			})
		}
	}
}

// TestDeterministic renders each example twice, with fresh engines, and
// wants the same bytes.
func TestDeterministic(t *testing.T) {
	answers, _ := filepath.Glob("../../examples/*.designdoc.yaml")
	for _, path := range answers {
		a, _ := renderFile(t, newTestEngine(t), path)
		b, _ := renderFile(t, newTestEngine(t), path)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ\n%s", path, firstDiff(string(a), string(b)))
		}
	}
}

func newTestEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(no line differs)"
}
