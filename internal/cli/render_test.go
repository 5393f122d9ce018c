package cli

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

func testIO() (*IO, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &IO{In: strings.NewReader(""), Out: &out, Err: &errb}, &out, &errb
}

// TestRenderFlags checks flag parsing apart from behaviour, with a runF
// that captures the options.
func TestRenderFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    RenderOptions
		wantErr string
	}{
		{args: []string{"a.yaml"}, want: RenderOptions{Answers: "a.yaml"}},
		{args: []string{"a.yaml", "-o", "-"}, want: RenderOptions{Answers: "a.yaml", Output: "-"}},
		{args: []string{"a.yaml", "--output=x.md", "--template", "t.md.tmpl", "--force"}, want: RenderOptions{Answers: "a.yaml", Output: "x.md", Template: "t.md.tmpl", Force: true}},
		{args: []string{}, wantErr: "takes an answers file, got 0 arguments"},
		{args: []string{"a.yaml", "b.yaml"}, wantErr: "got 2 arguments"},
		{args: []string{"a.yaml", "--nope"}, wantErr: "unknown flag: --nope"},
	}
	for _, tt := range tests {
		io, _, _ := testIO()
		var got *RenderOptions
		cmd := newRenderCmd(io, func(o *RenderOptions) error { got = o; return nil })
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

func TestMainExitCodes(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--version"}, 0, ""},
		{[]string{"render"}, 2, "Run 'designdoc render --help' for usage."},
		{[]string{"render", "missing.yaml"}, 2, "designdoc: missing.yaml: no such file"},
		{[]string{"bogus"}, 2, `unknown command "bogus"`},
		{[]string{"--bogus"}, 2, "unknown flag: --bogus"},
	} {
		io, _, errb := testIO()
		if code := Main(tt.args, io); code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.code, errb)
		}
		if !strings.Contains(errb.String(), tt.err) {
			t.Errorf("%v: stderr %q does not contain %q", tt.args, errb, tt.err)
		}
		if strings.Count(errb.String(), "designdoc:") > 1 {
			t.Errorf("%v: error printed more than once: %q", tt.args, errb)
		}
	}
}

func TestColor(t *testing.T) {
	io, _, errb := testIO()
	io.ErrTerminal = true
	t.Setenv("NO_COLOR", "")
	Main([]string{"render", "missing.yaml"}, io)
	if !strings.Contains(errb.String(), "\x1b[31m") {
		t.Errorf("no colour on a terminal: %q", errb)
	}
	io, _, errb = testIO()
	io.ErrTerminal = true
	Main([]string{"--no-color", "render", "missing.yaml"}, io)
	if strings.Contains(errb.String(), "\x1b[") {
		t.Errorf("colour despite --no-color: %q", errb)
	}
}

// TestEveryExpressionCompiles: the package-level expressions of every
// package designdoc links compile when first used (lazyre), so a bad one
// would only panic at its first match; compile them all here instead.
func TestEveryExpressionCompiles(t *testing.T) {
	if n := lazyre.Count(); n < 25 {
		t.Fatalf("only %d expressions registered; are the packages' expressions lazyre.New?", n)
	}
	if err := lazyre.Check(); err != nil {
		t.Fatal(err)
	}
}
