package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// FuzzLoadRender drives the whole path from answers bytes to a doc: any
// input is either refused with a positioned error or renders to valid
// UTF-8 whose tables all have the columns of their header.
func FuzzLoadRender(f *testing.F) {
	paths, _ := filepath.Glob("../../examples/*.designdoc.yaml")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("title: T\nsummary: \"a | b\\nc\"\nentities: [{name: \"x|y\", fields: [{name: \"`a|b`\", note: \"\\\\|\"}]}]\n"))
	f.Add([]byte("title: T\nrequirements: {functional: [\"# h\", \"<b>\"]}\n"))
	e, err := New()
	if err != nil {
		f.Fatal(err)
	}
	tmpl, err := e.Lookup("design")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := design.Parse("f.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		md, err := tmpl.Execute(NewView(doc, "f.yaml", "design"))
		if err != nil {
			t.Fatalf("valid answers failed to render: %v", err)
		}
		if !utf8.Valid(md) {
			t.Fatalf("doc is not valid UTF-8")
		}
		checkTables(t, string(md))
	})
}

// checkTables fails if any table row has a different number of cells
// from its header row.
func checkTables(t *testing.T, md string) {
	t.Helper()
	want := -1
	for i, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = -1
			continue
		}
		n := cellColumns(line)
		if want < 0 {
			want = n
			continue
		}
		if n != want {
			t.Fatalf("line %d has %d cells, its table %d:\n%s", i+1, n, want, line)
		}
	}
}
