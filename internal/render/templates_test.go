package render

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

func loadExample(t *testing.T) (*design.Doc, string) {
	t.Helper()
	path := "../../examples/url-shortener.designdoc.yaml"
	doc, err := design.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return doc, path
}

func execute(t *testing.T, e *Engine, name string, doc *design.Doc) ([]byte, error) {
	t.Helper()
	tmpl, err := e.Lookup(name)
	if err != nil {
		return nil, err
	}
	return tmpl.Execute(NewView(doc, "x.designdoc.yaml", tmpl.Name))
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTemplatesList(t *testing.T) {
	e := newTestEngine(t)
	var names []string
	for _, ti := range e.Templates() {
		names = append(names, ti.Name)
		if !ti.Builtin || ti.Description == "" || ti.File != ti.Name+".md.tmpl" {
			t.Errorf("built-in %+v: want a description and its file", ti)
		}
	}
	if !slices.Equal(names, []string{"design", "interview", "rfc"}) {
		t.Errorf("templates = %v", names)
	}

	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"team.md.tmpl":             "{{/* The team's doc. */}}# {{ .Title }}\n",
		"rfc.md.tmpl":              "# ours\n",
		"partials/summary.md.tmpl": "## Summary\n\nours\n",
		"notes.txt":                "not a template",
	})
	e, err := NewWithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]TemplateInfo{}
	for _, ti := range e.Templates() {
		got[ti.Name] = ti
	}
	if len(got) != 4 || got["team"].Builtin || got["team"].Description != "The team's doc." || !got["rfc"].Replaces || got["rfc"].Builtin || !got["design"].Builtin {
		t.Errorf("templates with a folder = %+v", got)
	}
	if p := e.CustomPartials(); !slices.Equal(p, []string{"summary"}) {
		t.Errorf("custom partials = %v", p)
	}
	if _, err := NewWithDir(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), "no such directory") {
		t.Errorf("missing folder: %v", err)
	}
}

func TestCustomTemplates(t *testing.T) {
	doc, _ := loadExample(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		// Built-in partials stay callable.
		"team.md.tmpl": "# Team: {{ .Title }}\n\n{{ template \"summary\" . }}\n",
		// A define replaces one partial and keeps the rest.
		"override.md.tmpl": "{{ define \"capacity\" }}## Capacity estimation\n\nSomeone else's problem.{{ end }}{{ template \"design\" . }}",
		"broken.md.tmpl":   "# {{ .Title }}\n\n{{ template \"capacity\" . }}\n",
		"loop.md.tmpl":     "{{ define \"x\" }}{{ include \"x\" . }}{{ end }}{{ include \"x\" . }}",
	})
	e, err := NewWithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	md, err := execute(t, e, "team", doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(md, []byte("# Team: URL shortener\n\n## Summary\n\nMarketing")) {
		t.Errorf("team:\n%.200s", md)
	}

	md, err = execute(t, e, "override", doc)
	if err != nil {
		t.Fatal(err)
	}
	builtin, _ := execute(t, newTestEngine(t), "design", doc)
	if !bytes.Contains(md, []byte("## Capacity estimation\n\nSomeone else's problem.\n\n## Core entities")) || bytes.Contains(md, []byte("Daily active users")) {
		t.Errorf("override did not replace capacity:\n%s", md)
	}
	// Everything else is the built-in's.
	cut := func(b []byte) string {
		s := string(b)
		i, j := strings.Index(s, "## Capacity estimation"), strings.Index(s, "## Core entities")
		return s[:i] + s[j:]
	}
	if cut(md) != strings.Replace(cut(builtin), "design template", "override template", 1) {
		t.Errorf("override changed more than capacity:\n%s", firstDiff(cut(builtin), cut(md)))
	}

	if _, err := execute(t, e, "loop", doc); err == nil || !strings.Contains(err.Error(), "includes deep") {
		t.Errorf("a self-including template: %v", err)
	}

	// A partial beside the template replaces the built-in, and its errors
	// name its file and line.
	writeFiles(t, dir, map[string]string{"partials/capacity.md.tmpl": "## Capacity estimation\n\n{{ .NoSuchField }}\n"})
	_, err = execute(t, e, "broken", doc)
	want := filepath.ToSlash(filepath.Join(dir, "partials", "capacity.md.tmpl")) + ":3:3: executing"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error in a custom partial = %v, want it to start %q", err, want)
	}
	writeFiles(t, dir, map[string]string{"partials/capacity.md.tmpl": "## Capacity\n\n{{ if }}\n"})
	_, err = execute(t, e, "broken", doc)
	want = filepath.ToSlash(filepath.Join(dir, "partials", "capacity.md.tmpl")) + ":3: missing value for if"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("parse error in a custom partial = %v, want it to start %q", err, want)
	}

	if _, err := e.Lookup("tem"); err == nil || !strings.Contains(err.Error(), `did you mean "team"`) {
		t.Errorf("unknown name: %v", err)
	}
}

// TestEjectRoundTrip: an ejected template renders exactly as the built-in,
// and editing one ejected partial changes only that section.
func TestEjectRoundTrip(t *testing.T) {
	doc, _ := loadExample(t)
	e := newTestEngine(t)
	files, err := e.EjectFiles("rfc")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	for _, want := range []string{"rfc.md.tmpl", "partials/capacity.md.tmpl", "partials/high_level_design.md.tmpl", "partials/open_questions.md.tmpl", "partials/footer.md.tmpl"} {
		if !slices.Contains(paths, want) {
			t.Errorf("eject rfc: %v lacks %s", paths, want)
		}
	}
	if slices.Contains(paths, "partials/contents.md.tmpl") || slices.Contains(paths, "design.md.tmpl") {
		t.Errorf("eject rfc writes files rfc does not use: %v", paths)
	}

	dir := t.TempDir()
	if _, err := Eject(files, dir, false, false); err != nil {
		t.Fatal(err)
	}
	custom, err := NewWithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := execute(t, e, "rfc", doc)
	got, err := execute(t, custom, "rfc", doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the ejected rfc renders differently:\n%s", firstDiff(string(want), string(got)))
	}
	// The same through its path.
	byPath, err := execute(t, e, filepath.Join(dir, "rfc.md.tmpl"), doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(byPath, bytes.Replace(want, []byte("the rfc template"), []byte("the "+filepath.Join(dir, "rfc.md.tmpl")+" template"), 1)) {
		t.Errorf("the ejected rfc by path renders differently:\n%s", firstDiff(string(want), string(byPath)))
	}

	p := filepath.Join(dir, "partials", "open_questions.md.tmpl")
	if err := os.WriteFile(p, []byte("## Open questions\n\nAsk the team.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err = execute(t, custom, "rfc", doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte("## Open questions\n\nAsk the team.\n")) {
		t.Errorf("the edited partial is not used:\n%s", got)
	}
	if d, _ := execute(t, custom, "design", doc); bytes.Contains(d, []byte("Ask the team")) {
		t.Error("a partial in the folder changed a built-in template")
	}

	// Eject again: the edited file is refused, the rest unchanged.
	res, err := Eject(files, dir, false, false)
	if err == nil || !strings.Contains(err.Error(), p+" already has different contents; run again with --force") {
		t.Errorf("re-eject over an edit: %v", err)
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "Ask the team") {
		t.Error("a refused eject overwrote the edit")
	}
	actions := map[string]int{}
	for _, r := range res {
		actions[r.Action]++
	}
	if actions["overwrite"] != 1 || actions["unchanged"] != len(files)-1 {
		t.Errorf("actions = %v", actions)
	}
	if _, err := Eject(files, dir, true, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); !strings.Contains(string(b), "Ask the team") {
		t.Error("a dry run wrote")
	}
	if _, err := Eject(files, dir, true, false); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); strings.Contains(string(b), "Ask the team") {
		t.Error("--force did not overwrite")
	}

	if files, err := e.EjectFiles("capacity"); err != nil || len(files) != 1 || files[0].Path != "partials/capacity.md.tmpl" {
		t.Errorf("eject a partial: %v, %v", files, err)
	}
	if _, err := e.EjectFiles("rcf"); err == nil || !strings.Contains(err.Error(), `did you mean "rfc"`) {
		t.Errorf("eject unknown: %v", err)
	}
}

func TestSource(t *testing.T) {
	e := newTestEngine(t)
	s, err := e.Source("capacity")
	if err != nil || !s.Builtin || !s.Partial || !bytes.HasPrefix(s.Text, []byte("## Capacity estimation")) {
		t.Errorf("Source(capacity) = %+v, %v", s, err)
	}
	if _, err := e.Source("nope"); err == nil {
		t.Error("Source(nope) found something")
	}
}

func TestDemote(t *testing.T) {
	in := "## A\n\ntext # not\n### B\n```\n## in code\n```\n###### six\n#no\n"
	want := "### A\n\ntext # not\n#### B\n```\n## in code\n```\n###### six\n#no\n"
	if got := Demote(in); got != want {
		t.Errorf("Demote = %q, want %q", got, want)
	}
}

// TestBuiltinErrorsNameFiles: an execution error inside a built-in partial
// names its file.
func TestBuiltinErrorsNameFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"bad.md.tmpl": "{{ template \"capacity\" .Requirements }}"})
	doc, _ := loadExample(t)
	_, err := execute(t, newTestEngine(t), filepath.Join(dir, "bad.md.tmpl"), doc)
	if err == nil || !strings.HasPrefix(err.Error(), "builtin:partials/capacity.md.tmpl:") {
		t.Errorf("err = %v", err)
	}
}

// each is range with the items of a long list rendered in parallel: the
// same output, the first error in the list's order, and the same guards
// as include.
func TestEach(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // workers even on a one-core machine
	doc, _ := loadExample(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"each.md.tmpl":   "{{ define \"item\" }}<{{ . }}:{{ include \"sq\" . }}>{{ end }}{{ define \"sq\" }}{{ mul . . }}{{ end }}{{ each \"item\" (until 1000) }}|{{ each \"item\" (until 3) }}|{{ each \"item\" nil }}",
		"range.md.tmpl":  "{{ define \"item\" }}<{{ . }}:{{ include \"sq\" . }}>{{ end }}{{ define \"sq\" }}{{ mul . . }}{{ end }}{{ range (until 1000) }}{{ template \"item\" . }}{{ end }}|{{ range (until 3) }}{{ template \"item\" . }}{{ end }}|",
		"bad.md.tmpl":    "{{ define \"bad\" }}{{ if eq . 700 }}{{ .Seven }}{{ end }}{{ if eq . 900 }}{{ .Nine }}{{ end }}{{ end }}\n{{ each \"bad\" (until 1000) }}",
		"scalar.md.tmpl": "{{ define \"item\" }}{{ . }}{{ end }}{{ each \"item\" 3 }}",
		"loop.md.tmpl":   "{{ define \"y\" }}{{ each \"y\" (list 1 2) }}{{ end }}{{ each \"y\" (list 1 2) }}",
	})
	e, err := NewWithDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := execute(t, e, "each", doc)
	if err != nil {
		t.Fatal(err)
	}
	want, err := execute(t, e, "range", doc)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) || !strings.Contains(string(got), "<999:998001>|<0:0><1:1><2:4>|") {
		t.Errorf("each differs from range:\n%s", firstDiff(string(want), string(got)))
	}
	for name, msg := range map[string]string{
		"bad":    "can't evaluate field Seven", // item 700 fails before item 900, wherever the workers are
		"scalar": "each \"item\": wants a list, not int",
		"loop":   "includes deep",
	} {
		_, err := execute(t, e, name, doc)
		if err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%s: error %v, want one saying %q", name, err, msg)
		}
	}
	_, err = execute(t, e, "bad", doc)
	if want := filepath.ToSlash(filepath.Join(dir, "bad.md.tmpl")) + ":2:"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("each's error = %v, want it to start %q", err, want)
	}
}
