package cli

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/interview"
	"github.com/designdoc-cli/designdoc/internal/team"
)

func TestTeamCommandFlags(t *testing.T) {
	io, _, _ := testIO()
	var gotInit *InitOptions
	cmd := newInitCmd(io, func(o *InitOptions) error { gotInit = o; return nil })
	cmd.SetArgs([]string{"--no-input", "--docs-dir", "rfcs", "--author", "A, B", "--author", "C", "--required-sections", "capacity,entities", "--dry-run"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if gotInit.DocsDir != "rfcs" || !reflect.DeepEqual(gotInit.Authors, []string{"A", "B", "C"}) || !gotInit.authorGiven ||
		!reflect.DeepEqual(gotInit.RequiredSections, []string{"capacity", "entities"}) || !gotInit.DryRun || !gotInit.NoInput ||
		gotInit.Template != "rfc" || gotInit.Filename != team.DefaultFilename {
		t.Errorf("init options = %+v", gotInit)
	}

	var gotList *ListOptions
	cmd = newListCmd(io, func(o *ListOptions) error { gotList = o; return nil })
	cmd.SetArgs([]string{"--json", "--status", "accepted", "--dir", "d"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	gotList.IO = nil
	if !reflect.DeepEqual(*gotList, ListOptions{JSON: true, Status: "accepted", DocsDir: "d"}) {
		t.Errorf("list options = %+v", *gotList)
	}

	var gotStatus *StatusOptions
	cmd = newStatusCmd(io, func(o *StatusOptions) error { gotStatus = o; return nil })
	cmd.SetArgs([]string{"3", "superseded", "--by", "12", "--force", "--dry-run"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	gotStatus.IO = nil
	if !reflect.DeepEqual(*gotStatus, StatusOptions{Doc: "3", Status: "superseded", By: "12", Force: true, DryRun: true}) {
		t.Errorf("status options = %+v", *gotStatus)
	}
	cmd = newStatusCmd(io, func(*StatusOptions) error { return nil })
	cmd.SetArgs([]string{"3"})
	cmd.SetOut(io.Out)
	cmd.SetErr(io.Err)
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "takes a doc (NUMBER or FILE) and a status, got 1 argument") {
		t.Errorf("status with one argument: %v", err)
	}
}

func TestInitAsks(t *testing.T) {
	dir := t.TempDir()
	io, _, errb := testIO()
	script := interview.NewScript(
		"rfcs",                         // docs dir
		"design",                       // template
		"bad/{{ .Slug }}.md",           // refused: a path
		"{{ .Number }}-{{ .Slug }}.md", // file-name pattern
		"Ada, Grace",                   // authors
		[]string{"requirements", "capacity"},
	)
	opts := &InitOptions{IO: io, Dir: dir, DocsDir: team.DefaultDocsDir, Template: "rfc", Filename: team.DefaultFilename,
		RequiredSections: team.DefaultRequiredSections, Prompter: script}
	if err := initRun(opts); err != nil {
		t.Fatalf("%v\n%v", err, script.Log)
	}
	c, err := team.Load(filepath.Join(dir, team.ConfigName))
	if err != nil {
		t.Fatal(err)
	}
	if c.DocsDir != "rfcs" || c.Template != "design" || c.Filename != "{{ .Number }}-{{ .Slug }}.md" ||
		!reflect.DeepEqual(c.Authors, []string{"Ada", "Grace"}) || !reflect.DeepEqual(c.RequiredSections, []string{"requirements", "capacity"}) {
		t.Errorf("config = %+v", c)
	}
	if !strings.Contains(strings.Join(script.Log, "\n"), "! the file-name pattern gives") {
		t.Errorf("the bad pattern was not refused: %v", script.Log)
	}
	if !strings.Contains(errb.String(), "wrote ") {
		t.Errorf("stderr = %q", errb.String())
	}

	// Ctrl-C writes nothing and exits 130.
	other := t.TempDir()
	opts = &InitOptions{IO: io, Dir: other, DocsDir: "d", Template: "rfc", Filename: team.DefaultFilename, Prompter: interview.NewScript("docs")}
	err = initRun(opts)
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != ExitInterrupted {
		t.Fatalf("interrupted: %v", err)
	}
	if _, err := os.Stat(filepath.Join(other, team.ConfigName)); err == nil {
		t.Error("an interrupted init wrote the config")
	}
}
