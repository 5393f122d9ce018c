package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestTemplatesFlags checks argument parsing apart from behaviour.
func TestTemplatesFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    TemplatesOptions
		wantErr string
	}{
		{args: []string{"list"}, want: TemplatesOptions{Action: "list"}},
		{args: []string{"list", "--dir", "t"}, want: TemplatesOptions{Action: "list", Dir: "t"}},
		{args: []string{"--dir", "t", "show", "rfc"}, want: TemplatesOptions{Action: "show", Name: "rfc", Dir: "t"}},
		{args: []string{"eject", "rfc"}, want: TemplatesOptions{Action: "eject", Name: "rfc", Target: "templates"}},
		{args: []string{"eject", "rfc", "team", "--force", "--dry-run"}, want: TemplatesOptions{Action: "eject", Name: "rfc", Target: "team", Force: true, DryRun: true}},
		{args: []string{"show"}, wantErr: "designdoc templates show takes a template or partial name, got 0 arguments"},
		{args: []string{"eject"}, wantErr: "designdoc templates eject takes a template name and an optional folder, got 0 arguments"},
		{args: []string{"eject", "a", "b", "c"}, wantErr: "designdoc templates eject takes a template name and an optional folder, got 3 arguments"},
		{args: []string{"list", "x"}, wantErr: "designdoc templates list takes no arguments, got 1 argument (x)"},
		{args: []string{"list", "--force"}, wantErr: "unknown flag: --force"},
		{args: []string{}, wantErr: "designdoc templates needs a subcommand: list, show or eject"},
	}
	for _, tt := range tests {
		io, _, _ := testIO()
		var got *TemplatesOptions
		root := &cobra.Command{Use: "designdoc", SilenceErrors: true, SilenceUsage: true}
		root.AddCommand(newTemplatesCmd(io, func(o *TemplatesOptions) error { got = o; return nil }))
		root.SetArgs(append([]string{"templates"}, tt.args...))
		root.SetOut(io.Out)
		root.SetErr(io.Err)
		err := root.Execute()
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v: err = %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		got.IO = nil
		if *got != tt.want {
			t.Errorf("%v: options = %+v, want %+v", tt.args, *got, tt.want)
		}
	}
}

func TestTemplatesRun(t *testing.T) {
	io, out, _ := testIO()
	if err := templatesRun(&TemplatesOptions{IO: io, Action: "list"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"NAME       SOURCE    DESCRIPTION\n", "\nrfc        built-in  An RFC", "Partials, called with {{ template \"NAME\" . }}: alternatives, api, capacity,"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}

	dir := t.TempDir()
	io, out, errb := testIO()
	if err := templatesRun(&TemplatesOptions{IO: io, Action: "eject", Name: "interview", Target: dir, DryRun: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "would write   "+filepath.ToSlash(filepath.Join(dir, "interview.md.tmpl"))+"\n") {
		t.Errorf("dry run printed:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "interview.md.tmpl")); !os.IsNotExist(err) {
		t.Error("a dry run wrote the template")
	}
	if err := templatesRun(&TemplatesOptions{IO: io, Action: "eject", Name: "interview", Target: dir}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errb.String(), "wrote "+filepath.ToSlash(filepath.Join(dir, "partials", "capacity.md.tmpl"))+"\n") {
		t.Errorf("eject said:\n%s", errb)
	}

	io, out, _ = testIO()
	if err := os.WriteFile(filepath.Join(dir, "interview.md.tmpl"), []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := templatesRun(&TemplatesOptions{IO: io, Action: "list", Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "(replaces the built-in)") || !strings.Contains(out.String(), "capacity (custom)") {
		t.Errorf("list --dir:\n%s", out)
	}
	io, out, _ = testIO()
	if err := templatesRun(&TemplatesOptions{IO: io, Action: "show", Name: "interview", Dir: dir}); err != nil || out.String() != "# mine\n" {
		t.Errorf("show the custom template: %q, %v", out, err)
	}
	if err := templatesRun(&TemplatesOptions{IO: io, Action: "show", Name: "rcf"}); err == nil || !strings.Contains(err.Error(), `did you mean "rfc"`) {
		t.Errorf("show an unknown name: %v", err)
	}
}
