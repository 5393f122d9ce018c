package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/benchgen"
	"github.com/designdoc-cli/designdoc/internal/design"
)

// compiledEdges are entities and endpoints with each part there or not,
// and text the escapers have work to do on.
const compiledEdges = `title: Edges
entities:
  - name: Bare
  - name: "Pipe|name -- with dashes"
    description: "A line\n\n- a list\n- of two\n\n<b>bold</b> and *stars*"
    fields:
      - {name: id, type: uuid, note: "primary key | pk"}
      - {name: "` + "`odd`" + `"}
  - name: Linked
    relations:
      - {to: Bare, kind: 1-n}
      - {to: "Pipe|name -- with dashes", kind: n-n, label: "*owns* _many_"}
      - {to: Linked, kind: 1-1, label: "   "}
api:
  endpoints:
    - {method: GET, path: /a}
    - {method: POST, path: "/b/{id}", summary: "Makes a b.\n\nTwo paragraphs.", request: "{\"x\": 1}", response: "` + "`b`" + `", auth: "user | admin"}
    - {method: DELETE, path: /c, auth: token}
    - {method: PUT, path: /d, response: "204"}
`

// The Go writers of the entity and endpoint partials give what the
// partials give through text/template, for every built-in template, on
// the examples, the stress doc, a generated doc and the edge cases.
func TestCompiledPartialsMatch(t *testing.T) {
	inputs := map[string][]byte{"edges.yaml": []byte(compiledEdges)}
	paths, _ := filepath.Glob("../../examples/*.designdoc.yaml")
	stress, _ := filepath.Glob("../../testdata/stress/*.designdoc.yaml")
	for _, p := range append(paths, stress...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(p)] = data
	}
	var big bytes.Buffer
	if err := benchgen.Write(&big, 120); err != nil {
		t.Fatal(err)
	}
	inputs["benchgen-120.yaml"] = big.Bytes()

	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if len(e.compiled) != len(compiledPartials) {
		t.Fatalf("%d of the %d compiled partials found among the built-ins", len(e.compiled), len(compiledPartials))
	}
	for file, data := range inputs {
		doc, err := design.Parse(file, data)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, name := range e.Builtins() {
			tmpl, err := e.Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			plain := *tmpl
			plain.compiled = nil
			got, err1 := tmpl.Execute(NewView(doc, file, name))
			want, err2 := plain.Execute(NewView(doc, file, name))
			if err1 != nil || err2 != nil {
				t.Fatalf("%s with %s: %v, %v", file, name, err1, err2)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s with %s: the compiled partials (got) differ from the templates (want):\n%s", file, name, firstDiff(string(want), string(got)))
			}
		}
	}
}

// A template that defines its own entity partial gets it, not the Go
// writer of the built-in one.
func TestOwnEntityPartialWins(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "own.md.tmpl")
	src := `{{ define "entity" }}[own {{ .Heading }}]{{ end }}{{ template "design" . }}`
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := e.Lookup(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := design.Parse("edges.yaml", []byte(compiledEdges))
	if err != nil {
		t.Fatal(err)
	}
	md, err := tmpl.Execute(NewView(doc, "edges.yaml", file))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "[own Bare]") || strings.Contains(string(md), "### Bare") {
		t.Errorf("the template's own entity partial was not used:\n%s", md)
	}
	if !strings.Contains(string(md), "### POST /b/{id}") {
		t.Errorf("the built-in endpoint partial is gone too:\n%s", md)
	}
}
