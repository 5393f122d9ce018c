package team

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseConfig drives the project-config loader: any input is refused
// with an error that names the file, or accepted; an accepted config
// written back with Marshal loads again and writes the same bytes.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(""))
	f.Add([]byte("docs_dir: docs/design\ntemplate: rfc\nfilename: \"{{ printf \\\"%04d\\\" .Number }}-{{ .Slug }}.md\"\nauthors: [Platform Team]\n"))
	f.Add([]byte("required_sections: [entities, risks]\nextra_sections:\n  - {id: risks, title: Risks, prompt: \"What could go wrong?\", required: true}\ntemplates_dir: tmpl\n"))
	f.Add([]byte("extra_sections: [{id: capacity, title: C}]\nfilename: '{{ .Nope }}.md'\n"))
	f.Add([]byte("docs_dir: ../../etc\n"))
	f.Add([]byte("{docs_dir: d, authors: [a, b]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("c.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "c.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		out := Marshal(c)
		again, err := Parse("c.yaml", out)
		if err != nil {
			t.Fatalf("a config Marshal wrote does not load: %v\n%s", err, out)
		}
		if out2 := Marshal(again); !bytes.Equal(out, out2) {
			t.Fatalf("Marshal is not stable:\n%s\n---\n%s", out, out2)
		}
	})
}

// FuzzFileName checks that whatever pattern is accepted and whatever the
// title and slug, the file name stays a plain .md name inside docs_dir.
func FuzzFileName(f *testing.F) {
	f.Add(DefaultFilename, 7, "url-shortener", "URL shortener")
	f.Add("{{ .Title }}.md", 1, "../../x", "../../etc/passwd")
	f.Add("{{ .Slug }}/{{ .Number }}.md", 3, "a", "b")
	f.Add("{{ .Created }}-{{ .Title }}.md", 12, "", "C:\\Windows\\x")
	f.Fuzz(func(t *testing.T, pattern string, number int, slug, title string) {
		p, err := ParsePattern(pattern)
		if err != nil {
			return
		}
		name, err := FileName(p, FileData{Number: number, Slug: slug, Created: "2026-12-02", Title: title})
		if err != nil {
			return
		}
		if name != filepath.Base(name) || strings.ContainsAny(name, `/\`) || name == ".." || strings.HasPrefix(name, ".") ||
			!strings.HasSuffix(name, ".md") || filepath.IsAbs(name) {
			t.Fatalf("pattern %q, slug %q, title %q gave %q: not a plain .md file name", pattern, slug, title, name)
		}
		if dir := t.TempDir(); filepath.Dir(filepath.Join(dir, name)) != dir {
			t.Fatalf("%q leaves the folder", name)
		}
	})
}
