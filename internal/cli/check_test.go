package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/check"
)

func TestCheckFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    CheckOptions
		wantErr string
	}{
		{args: []string{"a.yaml"}, want: CheckOptions{File: "a.yaml", Format: "text"}},
		{args: []string{"a.yaml", "--format", "json", "--strict", "--disable", "DD005,dd019", "--disable", "DD007"},
			want: CheckOptions{File: "a.yaml", Format: "json", Strict: true, Disable: []string{"DD005", "dd019", "DD007"}}},
		{args: []string{"--explain", "DD007"}, want: CheckOptions{Format: "text", Explain: "DD007"}},
		{args: []string{}, wantErr: "takes an answers file or a Markdown doc, got 0 arguments"},
		{args: []string{"a.yaml", "--explain", "DD007"}, wantErr: "takes no file with --explain, got 1 argument (a.yaml)"},
		{args: []string{"a.yaml", "--format", "yaml"}, wantErr: `--format "yaml": use text or json`},
		{args: []string{"a.yaml", "--disable", "DD0077"}, wantErr: `--disable: no rule "DD0077" (did you mean DD007?)`},
	}
	for _, tt := range tests {
		io, _, _ := testIO()
		var got *CheckOptions
		cmd := newCheckCmd(io, func(o *CheckOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(io.Out)
		cmd.SetErr(io.Err)
		err := cmd.Execute()
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
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("%v: options = %+v, want %+v", tt.args, *got, tt.want)
		}
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const checkAnswers = `title: Feed
requirements:
  functional: [Store posts]
entities: [{name: Post}]
api:
  endpoints: [{method: GET, path: /posts}]
high_level_design:
  components: [{name: API, kind: service, serves: [FR1]}]
`

func TestCheckRunExitCodes(t *testing.T) {
	path := writeFile(t, "a.yaml", checkAnswers)
	for _, tc := range []struct {
		opts CheckOptions
		code int
	}{
		{CheckOptions{Format: "text"}, ExitOK},
		{CheckOptions{Format: "text", Strict: true}, ExitFindings},
		{CheckOptions{Format: "json", Strict: true, Disable: []string{"DD002", "DD005", "DD006"}}, ExitOK},
	} {
		io, out, _ := testIO()
		tc.opts.IO, tc.opts.File = io, path
		err := checkRun(&tc.opts)
		if got := exitCode(err); got != tc.code {
			t.Errorf("%+v: exit %d (%v), want %d\n%s", tc.opts, got, err, tc.code, out)
		}
	}
}

func TestCheckText(t *testing.T) {
	findings := []check.Finding{
		{Rule: "DD002", Severity: check.Warning, Message: "m2", Hint: "h2", File: "a.yaml", Line: 3, Column: 16},
		{Rule: "DD001", Severity: check.Error, Message: "m1", Hint: "h1", File: "a.yaml"},
		{Rule: "DD011", Severity: check.Info, Message: "m3", File: "a.yaml", Line: 9, Column: 1},
	}
	want := `Errors
  a.yaml: DD001 m1
      fix: h1

Warnings
  a.yaml:3:16: DD002 m2
      fix: h2

Info
  a.yaml:9:1: DD011 m3

a.yaml: 1 error, 1 warning, 1 info (designdoc check --explain ID for a rule)
`
	if got := string(checkText("a.yaml", findings, false)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	colored := string(checkText("a.yaml", findings, true))
	if !strings.Contains(colored, "\x1b[1;31mErrors\x1b[22;39m") {
		t.Errorf("no colour on a terminal:\n%q", colored)
	}
	if got := string(checkText("a.yaml", nil, true)); got != "a.yaml: no findings\n" {
		t.Errorf("clean: %q", got)
	}
}

func TestCheckJSON(t *testing.T) {
	path := writeFile(t, "a.yaml", checkAnswers)
	io, out, _ := testIO()
	err := checkRun(&CheckOptions{IO: io, File: path, Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got) == 0 {
		t.Fatal("no findings")
	}
	var keys []string
	for k := range got[0] {
		keys = append(keys, k)
	}
	for _, k := range []string{"rule", "severity", "message", "hint", "file", "line", "column"} {
		if _, ok := got[0][k]; !ok {
			t.Errorf("finding has no %q: %v", k, keys)
		}
	}
	if got[0]["rule"] != "DD006" || got[0]["severity"] != "warning" || got[0]["line"] != 2.0 {
		t.Errorf("first finding: %v", got[0])
	}

	io, out, _ = testIO()
	clean := writeFile(t, "b.yaml", checkAnswers)
	if err := checkRun(&CheckOptions{IO: io, File: clean, Format: "json", Disable: []string{"DD002", "DD005", "DD006"}}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "[]\n" {
		t.Errorf("clean JSON: %q", out)
	}
}

func TestCheckInputErrors(t *testing.T) {
	bad := writeFile(t, "bad.yaml", "title: T\nstatus: drafty\n")
	for _, file := range []string{bad, filepath.Join(t.TempDir(), "missing.yaml")} {
		io, out, _ := testIO()
		err := checkRun(&CheckOptions{IO: io, File: file, Format: "text"})
		var ee *ExitError
		if err == nil || errors.As(err, &ee) || exitCode(err) != ExitInput || out.Len() > 0 {
			t.Errorf("%s: err %v, stdout %q; want an input error and no output", file, err, out)
		}
	}
	io, _, _ := testIO()
	if err := checkRun(&CheckOptions{IO: io, Explain: "DD999"}); err == nil || exitCode(err) != ExitInput {
		t.Errorf("--explain DD999: %v", err)
	}
}
