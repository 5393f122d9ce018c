package render

import (
	"bytes"
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
	stress, _ := filepath.Glob("../../testdata/stress/*.designdoc.yaml")
	paths = append(paths, stress...)
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
	var tmpls []*Template
	for _, name := range e.Builtins() {
		tmpl, err := e.Lookup(name)
		if err != nil {
			f.Fatal(err)
		}
		tmpls = append(tmpls, tmpl)
	}
	// A team's config lists a section the answers may or may not hold.
	team := []TeamSection{{ID: "risks", Title: "Risks", Prompt: "What could go wrong?"}, {ID: "costs", Title: "Summary"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := design.Parse("f.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, tmpl := range tmpls {
			view := func() *View {
				v := NewView(doc, "f.yaml", tmpl.Name)
				v.AddTeamSections(team)
				return v
			}
			md, err := tmpl.Execute(view())
			if err != nil {
				t.Fatalf("%s: valid answers failed to render: %v", tmpl.Name, err)
			}
			if !utf8.Valid(md) {
				t.Fatalf("%s: doc is not valid UTF-8", tmpl.Name)
			}
			checkTables(t, string(md))
			checkFences(t, string(md))
			again, err := tmpl.Execute(view())
			if err != nil || !bytes.Equal(md, again) {
				t.Fatalf("%s: rendering the same answers twice gave different docs (%v)", tmpl.Name, err)
			}
			// The Go writers of the built-in partials give what the
			// partials give through text/template.
			plain := *tmpl
			plain.compiled = nil
			if want, err := plain.Execute(view()); err != nil || !bytes.Equal(md, want) {
				t.Fatalf("%s: the compiled partials differ from the templates (%v):\n%s", tmpl.Name, err, firstDiff(string(want), string(md)))
			}
		}
	})
}

// checkFences fails if a code fence is left open: an unclosed fence
// swallows the rest of the doc.
func checkFences(t *testing.T, md string) {
	t.Helper()
	open, at := "", 0
	for i, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if len(line)-len(trimmed) > 3 {
			continue
		}
		run := len(trimmed) - len(strings.TrimLeft(trimmed, "`"))
		if run < 3 {
			continue
		}
		switch {
		case open == "":
			open, at = trimmed[:run], i+1
		case run >= len(open) && strings.TrimSpace(trimmed[run:]) == "":
			open = ""
		}
	}
	if open != "" {
		t.Fatalf("the code fence opened at line %d is never closed", at)
	}
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
