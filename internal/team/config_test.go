package team

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFindWalksUp(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ConfigName), "docs_dir: rfcs\n")
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := Find(deep)
	if err != nil {
		t.Fatal(err)
	}
	if c == nil || c.Path != filepath.Join(root, ConfigName) || c.DocsDir != "rfcs" {
		t.Fatalf("Find = %+v", c)
	}
	s := Resolve(c, nil)
	if s.Root != root || s.DocsDir != filepath.Join(root, "rfcs") {
		t.Errorf("Resolve: root %q docs %q", s.Root, s.DocsDir)
	}
}

func TestFindStopsAtGitRoot(t *testing.T) {
	outer := t.TempDir()
	write(t, filepath.Join(outer, ConfigName), "docs_dir: outer\n")
	repo := filepath.Join(outer, "repo")
	sub := filepath.Join(repo, "sub")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	// The config above the repository does not apply inside it.
	if c, err := Find(sub); err != nil || c != nil {
		t.Fatalf("Find above .git = %+v, %v; want none", c, err)
	}
	// One at the repository root (beside .git) does.
	write(t, filepath.Join(repo, ConfigName), "docs_dir: inner\n")
	c, err := Find(sub)
	if err != nil || c == nil || c.DocsDir != "inner" {
		t.Fatalf("Find = %+v, %v", c, err)
	}
	// A .git file (worktree, submodule) is a boundary too.
	wt := filepath.Join(outer, "worktree")
	write(t, filepath.Join(wt, ".git"), "gitdir: ../repo/.git/worktrees/x\n")
	if c, err := Find(wt); err != nil || c != nil {
		t.Fatalf("Find in worktree = %+v, %v; want none", c, err)
	}
}

func TestFindNone(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if c, err := Find(dir); c != nil || err != nil {
		t.Fatalf("Find = %+v, %v", c, err)
	}
}

func TestParseStrictErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"unknown key", "docs_dir: d\ntemplat: rfc\n",
			[]string{`x.yaml:2:1: unknown key "templat" (did you mean "template"?)`}},
		{"nested unknown key", "extra_sections:\n  - id: risks\n    title: Risks\n    requird: true\n",
			[]string{`x.yaml:4:5: extra_sections[0]: unknown key "requird" (did you mean "required"?)`}},
		{"wrong type", "authors: Ada\n",
			[]string{`x.yaml:1:10: authors: expected a list of author names, found text`}},
		{"bad section", "required_sections: [requirements, entites]\n",
			[]string{`x.yaml:1:35: required_sections[1]: unknown section "entites" (did you mean "entities"?)`}},
		{"extra section allowed in required", "extra_sections: [{id: risks, title: Risks}]\nrequired_sections: [risks]\n", nil},
		{"bad pattern", "filename: \"{{ .Nmber }}.md\"\n",
			[]string{`x.yaml:1:11: filename: the file-name pattern fails`, `can't evaluate field Nmber`}},
		{"pattern leaves docs_dir", "filename: \"../{{ .Slug }}.md\"\n",
			[]string{`x.yaml:1:11: filename: the file-name pattern gives "../url-shortener.md": it must be a file name inside docs_dir`}},
		{"absolute pattern", "filename: \"/tmp/{{ .Slug }}.md\"\n",
			[]string{`not a path`}},
		{"pattern not md", "filename: \"{{ .Number }}.txt\"\n",
			[]string{`must end in .md`}},
		{"duplicate key", "template: rfc\ntemplate: design\n",
			[]string{`x.yaml:2:1: duplicate key "template" (first at line 1)`}},
		{"bad bool", "extra_sections: [{id: risks, title: Risks, required: maybe}]\n",
			[]string{`extra_sections[0].required: expected true or false, found "maybe"`}},
		{"builtin id", "extra_sections: [{id: capacity, title: C}]\n",
			[]string{`"capacity" is a built-in section`}},
		{"duplicate id", "extra_sections:\n  - {id: risks, title: A}\n  - {id: risks, title: B}\n",
			[]string{`x.yaml:3:10: extra_sections[1].id: duplicate extra section id "risks" (first at line 2)`}},
		{"empty docs_dir", "docs_dir: \"\"\n", []string{`docs_dir: must not be empty`}},
		{"syntax", "docs_dir: [a\n", []string{`x.yaml:`}},
		{"not a mapping", "- a\n", []string{`x.yaml:1:1: a designdoc config is a mapping`}},
		{"all problems at once", "templat: rfc\nauthors: Ada\n", []string{"2 problems", "x.yaml:1:1", "x.yaml:2:10"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.yaml", []byte(tc.in))
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Parse: no error, want %q", tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\nwant it to contain %q", err, w)
				}
			}
		})
	}
}

func TestParseFull(t *testing.T) {
	c, err := Parse("x.yaml", []byte(`docs_dir: docs/design
template: rfc
filename: "{{ .Created }}-{{ .Slug }}.md"
authors: [Platform Team]
required_sections: [requirements, capacity]
extra_sections:
  - {id: risks, title: Risks, prompt: "What could go wrong?", required: true}
templates_dir: .designdoc/templates
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Template != "rfc" || !slices.Equal(c.Authors, []string{"Platform Team"}) || len(c.ExtraSections) != 1 ||
		c.ExtraSections[0] != (ExtraSection{ID: "risks", Title: "Risks", Prompt: "What could go wrong?", Required: true, Pos: c.ExtraSections[0].Pos}) {
		t.Errorf("Parse = %+v", c)
	}
	if !c.Has("templates_dir") || c.Has("nope") {
		t.Error("Has")
	}
	if empty, err := Parse("e.yaml", []byte("# nothing yet\n")); err != nil || len(empty.Keys) != 0 {
		t.Errorf("empty config: %+v, %v", empty, err)
	}
}

func TestResolvePrecedence(t *testing.T) {
	root := t.TempDir()
	project, err := Parse(filepath.Join(root, ConfigName), []byte("template: rfc\nauthors: [Platform Team]\n"))
	if err != nil {
		t.Fatal(err)
	}
	user, err := Parse("/home/u/.config/designdoc/config.yaml", []byte("template: interview\nauthors: [Ada]\nfilename: \"{{ .Slug }}.md\"\ndocs_dir: notes\n"))
	if err != nil {
		t.Fatal(err)
	}

	def := Resolve(nil, nil)
	if def.Template != DefaultTemplate || def.Filename != DefaultFilename || def.DocsDir != filepath.Clean(DefaultDocsDir) || def.Origins["template"].Source != FromDefault {
		t.Errorf("defaults: %+v", def)
	}

	u := Resolve(nil, user)
	if u.Template != "interview" || u.Origins["template"].Source != FromUser || u.DocsDir != "notes" {
		t.Errorf("user only: %+v", u)
	}

	s := Resolve(project, user)
	checks := []struct {
		key, got, want string
		src            Source
	}{
		{"template", s.Template, "rfc", FromProject},
		{"authors", strings.Join(s.Authors, ","), "Platform Team", FromProject},
		{"filename", s.Filename, "{{ .Slug }}.md", FromUser},
		{"docs_dir", s.DocsDir, filepath.Join(root, "notes"), FromUser},
		{"required_sections", strings.Join(s.RequiredSections, ","), strings.Join(DefaultRequiredSections, ","), FromDefault},
	}
	for _, c := range checks {
		if c.got != c.want || s.Origins[c.key].Source != c.src {
			t.Errorf("%s = %q from %s, want %q from %s", c.key, c.got, s.Origins[c.key].Source, c.want, c.src)
		}
	}
	if o := s.Origins["template"]; o.String() != "project config "+filepath.Join(root, ConfigName)+":1" {
		t.Errorf("origin = %q", o)
	}

	if err := s.SetFlag("template", "design"); err != nil || s.Template != "design" || s.Origins["template"].Source != FromFlag {
		t.Errorf("flag: %+v, %v", s, err)
	}
	if err := s.SetFlag("filename", "../x.md"); err == nil {
		t.Error("SetFlag accepted a pattern that leaves docs_dir")
	}
	if err := s.SetFlag("templat", "x"); err == nil || !strings.Contains(err.Error(), `did you mean "template"`) {
		t.Errorf("SetFlag unknown: %v", err)
	}
}

func TestLoadUser(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv("AppData", home)
	if c, err := LoadUser(); c != nil || err != nil {
		t.Fatalf("no user config: %+v, %v", c, err)
	}
	path, err := UserPath()
	if err != nil {
		t.Fatal(err)
	}
	write(t, path, "authors: [Ada]\nbogus: 1\n")
	if _, err := LoadUser(); err == nil || !strings.Contains(err.Error(), path+":2:1: unknown key \"bogus\"") {
		t.Fatalf("LoadUser: %v", err)
	}
}
