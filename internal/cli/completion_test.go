package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/designdoc-cli/designdoc/internal/check"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

// completeProject is a repository with a team config, a custom template
// and two numbered docs, for the completions that read the project.
var completeProject = map[string]string{
	".git/HEAD":       "ref: refs/heads/main\n",
	".designdoc.yaml": "docs_dir: docs\ntemplates_dir: tmpl\n",
	"tmpl/team.md.tmpl": `{{/* The team's own doc. More words. */}}
# {{ .Title }}
`,
	"docs/0007-feed.md":    "# Feed\n",
	"docs/0012-search.md":  "# Search\n",
	"docs/notes.designdoc": "not a doc\n",
}

// inProject runs the test in a fresh copy of files, with no user config.
func inProject(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, ".config"))
	t.Setenv("HOME", dir)
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// completeArgs runs designdoc's hidden __complete command, as a shell's
// completion script does, and returns the candidates and the directive.
func completeArgs(t *testing.T, args ...string) ([]string, cobra.ShellCompDirective) {
	t.Helper()
	io, out, errb := testIO()
	if code := Main(append([]string{cobra.ShellCompRequestCmd}, args...), io); code != 0 {
		t.Fatalf("__complete %q: exit %d: %s", args, code, errb)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	last := lines[len(lines)-1]
	n, err := strconv.Atoi(strings.TrimPrefix(last, ":"))
	if !strings.HasPrefix(last, ":") || err != nil {
		t.Fatalf("__complete %q: no directive line in %q", args, out)
	}
	return lines[:len(lines)-1], cobra.ShellCompDirective(n)
}

func TestCompletion(t *testing.T) {
	inProject(t, completeProject)
	var rules, problems []string
	for _, r := range check.Rules() {
		rules = append(rules, r.ID+"\t"+r.Title)
	}
	for _, p := range knowledge.Problems() {
		problems = append(problems, p.ID+"\t"+p.Title+" ("+p.Difficulty+")")
	}
	const (
		noFile = cobra.ShellCompDirectiveNoFileComp
		files  = cobra.ShellCompDirectiveDefault
		exts   = cobra.ShellCompDirectiveFilterFileExt
		dirs   = cobra.ShellCompDirectiveFilterDirs
	)
	answers := []string{"yaml", "yml", "json"}
	tests := []struct {
		args []string
		want []string
		dir  cobra.ShellCompDirective
	}{
		// Template names: the built-ins and the team's templates_dir.
		{[]string{"new", "--template", "t"}, []string{"team\tThe team's own doc."}, noFile},
		{[]string{"render", "a.yaml", "--template", "r"}, []string{"rfc\tAn RFC with YAML front matter: context, goals and non-goals, the proposal made of the design sections, alternatives, rollout, security and privacy, open questions."}, noFile},
		{[]string{"edit", "a.yaml", "--template", "i"}, []string{"interview\tCompact, for practice: the interview's phases only."}, noFile},
		{[]string{"init", "--template", "de"}, []string{"design\tThe default design doc: every phase of the interview, in order."}, noFile},
		{[]string{"new", "--template", "tmpl/"}, nil, files},
		{[]string{"new", "--template", "zz"}, nil, files},
		// templates show and eject: the built-ins (and --dir's) and partials.
		{[]string{"templates", "show", "cap"}, []string{"capacity\tpartial"}, noFile},
		{[]string{"templates", "show", "--dir", "tmpl", "te"}, []string{"team\tThe team's own doc."}, noFile},
		{[]string{"templates", "eject", "rf"}, []string{"rfc\tAn RFC with YAML front matter: context, goals and non-goals, the proposal made of the design sections, alternatives, rollout, security and privacy, open questions."}, noFile},
		{[]string{"templates", "eject", "rfc", ""}, nil, dirs},
		{[]string{"templates", "show", "rfc", ""}, nil, noFile},
		// Sections: the item after the last comma, not one already listed.
		{[]string{"new", "--sections", "d"}, []string{"data_flow\tData flow", "deep_dives\tDeep dives"}, noFile},
		{[]string{"new", "--sections", "api,deep_dives,d"}, []string{"api,deep_dives,data_flow\tData flow"}, noFile},
		{[]string{"new", "--sections=requirements,n"}, []string{"requirements,non_functional\tNon-functional requirements"}, noFile},
		{[]string{"edit", "a.yaml", "--section", "ca"}, []string{"capacity\tCapacity estimation"}, noFile},
		{[]string{"init", "--required-sections", "api,api"}, []string{"api,api.endpoints"}, noFile},
		{[]string{"init", "--required-sections", "high_level_design.c"}, []string{"high_level_design.components", "high_level_design.connections"}, noFile},
		// Problems, topics, statuses, rules, formats.
		{[]string{"practice", "--problem", ""}, problems, noFile},
		{[]string{"practice", "--problem", "rat"}, []string{"rate-limiter\tRate limiter (easy)"}, noFile},
		{[]string{"guide", "cdn"}, []string{"cdns\tServe static files and media from edge servers near the users", "cdn\tCDNs"}, noFile},
		{[]string{"guide", "cdn", ""}, nil, noFile},
		{[]string{"status", "7", ""}, []string{"draft", "review", "accepted", "rejected", "superseded"}, noFile},
		{[]string{"status", "7", "re"}, []string{"review", "rejected"}, noFile},
		{[]string{"status", "7", "review", ""}, nil, noFile},
		{[]string{"list", "--status", "d"}, []string{"draft"}, noFile},
		{[]string{"check", "--format", ""}, []string{"text", "json"}, noFile},
		{[]string{"check", "--explain", "dd00"}, rules[:9], noFile},
		{[]string{"check", "--disable", "DD001,DD01"}, prefixAll("DD001,", rules[9:19]), noFile},
		{[]string{"check", "--disable", "DD002,DD001,DD00"}, prefixAll("DD002,DD001,", slices.Delete(slices.Clone(rules[:9]), 0, 2)), noFile},
		// Doc numbers, with their titles; a path completes as a file.
		{[]string{"status", ""}, []string{"7\tFeed", "12\tSearch"}, noFile},
		{[]string{"status", "1"}, []string{"12\tSearch"}, noFile},
		{[]string{"status", "docs/"}, nil, files},
		{[]string{"status", "7", "superseded", "--by", "1"}, []string{"12\tSearch"}, noFile},
		// Files and folders.
		{[]string{"render", ""}, answers, exts},
		{[]string{"edit", ""}, answers, exts},
		{[]string{"new", "--answers", ""}, answers, exts},
		{[]string{"practice", "--answers", ""}, answers, exts},
		{[]string{"estimate", "--answers", ""}, answers, exts},
		{[]string{"check", ""}, []string{"yaml", "yml", "json", "md"}, exts},
		{[]string{"list", "--dir", ""}, nil, dirs},
		{[]string{"init", "--docs-dir", ""}, nil, dirs},
		// Arguments and values that are no file.
		{[]string{"new", ""}, nil, noFile},
		{[]string{"init", ""}, nil, noFile},
		{[]string{"list", ""}, nil, noFile},
		{[]string{"version", ""}, nil, noFile},
		{[]string{"practice", "--minutes", ""}, nil, noFile},
		{[]string{"new", "--set", ""}, nil, noFile},
		{[]string{"completion", ""}, []string{
			"bash\tGenerate the autocompletion script for bash",
			"fish\tGenerate the autocompletion script for fish",
			"powershell\tGenerate the autocompletion script for powershell",
			"zsh\tGenerate the autocompletion script for zsh",
		}, noFile},
	}
	for _, tt := range tests {
		got, dir := completeArgs(t, tt.args...)
		if !slices.Equal(got, tt.want) {
			t.Errorf("complete %q:\n got %q\nwant %q", tt.args, got, tt.want)
		}
		if dir != tt.dir {
			t.Errorf("complete %q: directive %d, want %d", tt.args, dir, tt.dir)
		}
	}
}

// TestCompletionOutsideProject: with no team config the templates are the
// built-ins and a doc number completes as a file.
func TestCompletionOutsideProject(t *testing.T) {
	inProject(t, map[string]string{".git/HEAD": "ref: refs/heads/main\n"})
	got, _ := completeArgs(t, "new", "--template", "")
	var names []string
	for _, c := range got {
		name, _, _ := strings.Cut(c, "\t")
		names = append(names, name)
	}
	if want := []string{"design", "interview", "rfc"}; !slices.Equal(names, want) {
		t.Errorf("templates %q, want %q", names, want)
	}
	if got, dir := completeArgs(t, "status", ""); len(got) != 0 || dir != cobra.ShellCompDirectiveDefault {
		t.Errorf("status outside a project: %q, directive %d; want files", got, dir)
	}
}

// TestCompletionEveryFlag: every argument and every flag that takes a
// value has a completion, registered by its command or by completeEveryFlag,
// except --output (any file, the shell's default) and estimate's
// quantities, which are free-form numbers with units.
func TestCompletionEveryFlag(t *testing.T) {
	io, _, _ := testIO()
	root := NewRoot(io)
	completeEveryFlag(root)
	walkCommands(root, func(cmd *cobra.Command) {
		if cmd.Runnable() && cmd.ValidArgsFunction == nil && len(cmd.ValidArgs) == 0 {
			t.Errorf("%s: no completion for its arguments", cmd.CommandPath())
		}
		cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Value.Type() == "bool" || f.Name == "output" || cmd.Name() == "estimate" && f.Name != "answers" {
				return
			}
			if _, ok := cmd.GetFlagCompletionFunc(f.Name); !ok {
				t.Errorf("%s --%s: no completion", cmd.CommandPath(), f.Name)
			}
		})
	})
}

// TestCompletionCommand: the completion command prints each shell's
// script, and a missing or unknown shell is a usage error.
func TestCompletionCommand(t *testing.T) {
	for shell, line := range map[string]string{
		"bash":       "# bash completion V2 for designdoc",
		"zsh":        "#compdef designdoc",
		"fish":       "# fish completion for designdoc",
		"powershell": "# powershell completion for designdoc",
	} {
		io, out, errb := testIO()
		if code := Main([]string{"completion", shell}, io); code != 0 || !strings.HasPrefix(out.String(), line) {
			t.Errorf("completion %s: exit %d, stdout starts %.40q, stderr %q", shell, code, out, errb)
		}
	}
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"completion"}, "designdoc: designdoc completion needs a shell: bash, zsh, fish or powershell\nRun 'designdoc completion --help' for usage.\n"},
		{[]string{"completion", "tcsh"}, "designdoc: unknown shell \"tcsh\" for designdoc completion; use bash, zsh, fish or powershell\nRun 'designdoc completion --help' for usage.\n"},
	} {
		io, out, errb := testIO()
		if code := Main(tt.args, io); code != ExitInput || out.Len() != 0 || errb.String() != tt.err {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, code, out, errb, tt.err)
		}
	}
}

func prefixAll(prefix string, items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = prefix + s
	}
	return out
}
