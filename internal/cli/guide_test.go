package cli

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

// TestGuideFlags checks argument parsing and the colour decision apart
// from behaviour, under a parent with the root's --no-color flag.
func TestGuideFlags(t *testing.T) {
	tests := []struct {
		args     []string
		terminal bool
		noColor  string // NO_COLOR
		want     GuideOptions
		wantErr  string
	}{
		{args: []string{}, want: GuideOptions{}},
		{args: []string{"caches"}, want: GuideOptions{Topic: "caches"}},
		{args: []string{"caches"}, terminal: true, want: GuideOptions{Topic: "caches", Color: true}},
		{args: []string{"caches", "--no-color"}, terminal: true, want: GuideOptions{Topic: "caches"}},
		{args: []string{"caches"}, terminal: true, noColor: "1", want: GuideOptions{Topic: "caches"}},
		{args: []string{"a", "b"}, wantErr: "designdoc guide takes at most one topic, got 2 arguments"},
		{args: []string{"--nope"}, wantErr: "unknown flag: --nope"},
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColor)
		io, _, _ := testIO()
		io.OutTerminal = tt.terminal
		var got *GuideOptions
		root := &cobra.Command{Use: "designdoc", SilenceErrors: true, SilenceUsage: true}
		root.PersistentFlags().Bool("no-color", false, "")
		root.AddCommand(newGuideCmd(io, func(o *GuideOptions) error { got = o; return nil }))
		root.SetArgs(append([]string{"guide"}, tt.args...))
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
			t.Errorf("%v (terminal %v, NO_COLOR %q): options = %+v, want %+v", tt.args, tt.terminal, tt.noColor, *got, tt.want)
		}
	}
}

func TestGuideList(t *testing.T) {
	io, out, _ := testIO()
	if err := guideRun(&GuideOptions{IO: io}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, g := range knowledge.Groups() {
		if !strings.Contains(text, "\n"+g+"\n") && !strings.HasPrefix(text, g+"\n") {
			t.Errorf("group %q is not a line of the list", g)
		}
	}
	// Every topic is a line "  id  summary", the summaries in one column.
	column := -1
	for _, tp := range knowledge.Topics() {
		re := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(tp.ID) + ` +` + regexp.QuoteMeta(tp.Summary) + `$`)
		line := re.FindString(text)
		if line == "" {
			t.Errorf("no line for %s", tp.ID)
			continue
		}
		col := strings.Index(line, tp.Summary)
		if column < 0 {
			column = col
		} else if col != column {
			t.Errorf("%s: summary at column %d, others at %d", tp.ID, col, column)
		}
	}
	if !strings.Contains(text, "designdoc guide TOPIC") {
		t.Errorf("the list does not say how to read a topic:\n%s", text)
	}
	if strings.Contains(text, "\x1b") {
		t.Error("escape sequences in plain output")
	}
}

func TestGuideTopic(t *testing.T) {
	caches, err := knowledge.Lookup("caches")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"caches", "Redis", "cache"} {
		io, out, errb := testIO()
		if err := guideRun(&GuideOptions{IO: io, Topic: name}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := "# Caches\n\n" + caches.Body; out.String() != want {
			t.Errorf("%s: output is not the plain topic:\n%s", name, out)
		}
		if errb.Len() != 0 {
			t.Errorf("%s: stderr %q", name, errb)
		}
	}
}

func TestGuideTopicColor(t *testing.T) {
	io, out, _ := testIO()
	if err := guideRun(&GuideOptions{IO: io, Topic: "locking", Color: true}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"\x1b[1;35mLocking\x1b[22;39m\n", "• ", "\x1b[1mGranularity\x1b[22m", "\x1b[36mINCR\x1b[39m"} {
		if !strings.Contains(text, want) {
			t.Errorf("styled topic lacks %q:\n%s", want, text)
		}
	}
	for _, gone := range []string{"**", "```", "\n- ", "\n## "} {
		if strings.Contains(text, gone) {
			t.Errorf("styled topic still contains %q", gone)
		}
	}
}

func TestStyleMarkdown(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"# Title\n", "\x1b[1;35mTitle\x1b[22;39m\n"},
		{"## Part\n", "\x1b[1;36mPart\x1b[22;39m\n"},
		{"#hashtag\n", "#hashtag\n"},
		{"- item\n  - nested `x`\n", "• item\n  • nested \x1b[36mx\x1b[39m\n"},
		{"a **b** c\n", "a \x1b[1mb\x1b[22m c\n"},
		{"**`k`** v", "\x1b[1m\x1b[36mk\x1b[39m\x1b[22m v"},
		{"2 * 3 and a lone ` tick\n", "2 * 3 and a lone ` tick\n"},
		{"**unclosed\n", "**unclosed\n"},
		{"| a | b |\n| --- | --- |\n", "| a | b |\n\x1b[2m| --- | --- |\x1b[22m\n"},
		{"```sql\nSELECT 1;\n```\nafter\n", "    \x1b[33mSELECT 1;\x1b[39m\nafter\n"},
		{"```\n- not a bullet\n```\n", "    \x1b[33m- not a bullet\x1b[39m\n"},
	} {
		if got := styleMarkdown(tt.in); got != tt.want {
			t.Errorf("styleMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGuideUnknown(t *testing.T) {
	io, out, _ := testIO()
	err := guideRun(&GuideOptions{IO: io, Topic: "cachee"})
	const want = `unknown topic "cachee" (did you mean "caches"?); run 'designdoc guide' to list the topics`
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	if nf := new(knowledge.NotFoundError); !errors.As(err, &nf) {
		t.Errorf("error does not wrap a *knowledge.NotFoundError")
	}
	if exitCode(err) != ExitInput {
		t.Errorf("exit code %d, want %d", exitCode(err), ExitInput)
	}
	if out.Len() != 0 {
		t.Errorf("stdout %q, want nothing", out)
	}
}

func TestCompleteTopics(t *testing.T) {
	got, dir := completeTopics(nil, nil, "ca")
	if dir != cobra.ShellCompDirectiveNoFileComp {
		t.Errorf("directive %v, want no file completion", dir)
	}
	var names []string
	for _, c := range got {
		name, desc, _ := strings.Cut(c, "\t")
		if desc == "" {
			t.Errorf("%q has no description", c)
		}
		names = append(names, name)
	}
	for _, want := range []string{"cap", "capacity", "caches", "cache", "cap-theorem"} {
		if !slices.Contains(names, want) {
			t.Errorf("completing %q: %q lacks %q", "ca", names, want)
		}
	}
	if all, _ := completeTopics(nil, nil, ""); len(all) != len(knowledge.Topics()) {
		t.Errorf("completing nothing gives %d names, want the %d ids", len(all), len(knowledge.Topics()))
	}
	if more, _ := completeTopics(nil, []string{"caches"}, ""); len(more) != 0 {
		t.Errorf("a second argument completes to %q", more)
	}
}

func TestGuideMain(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
		out  string
		err  string
	}{
		{[]string{"guide"}, 0, "Key technologies", ""},
		{[]string{"guide", "SSE"}, 0, "# Communication protocols", ""},
		{[]string{"guide", "consistancy"}, 2, "", `designdoc: unknown topic "consistancy" (did you mean "consistency"?); run 'designdoc guide' to list the topics`},
		{[]string{"guide", "a", "b"}, 2, "", "Run 'designdoc guide --help' for usage."},
	} {
		io, out, errb := testIO()
		if code := Main(tt.args, io); code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.code, errb)
		}
		if tt.out == "" && out.Len() != 0 || !strings.Contains(out.String(), tt.out) {
			t.Errorf("%v: stdout %q, want %q", tt.args, out, tt.out)
		}
		if !strings.Contains(errb.String(), tt.err) || tt.err == "" && errb.Len() != 0 {
			t.Errorf("%v: stderr %q, want %q", tt.args, errb, tt.err)
		}
	}
}
