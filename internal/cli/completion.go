package cli

// Shell completion: cobra's completion command, made strict about its
// argument, and the completions of the arguments and flag values that
// designdoc knows — template names, sections, problems, topics, statuses,
// rule ids and doc numbers. completeEveryFlag gives every flag that has no
// completion of its own the one its name calls for, so a new --template or
// --answers flag completes like the others without a line of its own.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/designdoc-cli/designdoc/internal/check"
	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/interview"
	"github.com/designdoc-cli/designdoc/internal/render"
	"github.com/designdoc-cli/designdoc/internal/team"
)

// completionShells are the shells cobra writes completion scripts for.
var completionShells = []string{"bash", "zsh", "fish", "powershell"}

// flagCompletions is the completion of a flag value by the flag's name,
// for the flags whose command registers none itself.
var flagCompletions = map[string]cobra.CompletionFunc{
	"answers":           completeAnswersFiles,
	"by":                completeDocRefs,
	"dir":               completeDirs,
	"docs-dir":          completeDirs,
	"disable":           completeRuleList,
	"explain":           completeRules,
	"problem":           completeProblems,
	"required-sections": completeRequiredSections,
	"sections":          completeSections,
	"status":            completeStatuses,
	"template":          completeTemplates,
	// Free text: no file is a sensible guess.
	"author":   cobra.NoFileCompletions,
	"filename": cobra.NoFileCompletions,
	"set":      cobra.NoFileCompletions,
}

// setUpCompletion adds cobra's completion command to root, with our help
// text and a usage error for an unknown shell.
func setUpCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			describeCompletionCmd(c)
		}
	}
}

// isCompletionRequest reports whether args ask cobra's hidden __complete
// command for completions, the one run that needs completeEveryFlag.
func isCompletionRequest(args []string) bool {
	return len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd)
}

// completeEveryFlag fills in the completions the commands left out: flag
// values by flag name (numbers complete to nothing), and no file names for
// the arguments of a command that takes no file. Main does it only for a
// completion request: walking every flag of every command took a quarter
// of a millisecond, a twentieth of a whole small render.
func completeEveryFlag(root *cobra.Command) {
	walkCommands(root, func(cmd *cobra.Command) {
		if cmd.ValidArgsFunction == nil && len(cmd.ValidArgs) == 0 {
			// Every command that takes a file argument says so itself.
			cmd.ValidArgsFunction = cobra.NoFileCompletions
		}
		cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if _, ok := cmd.GetFlagCompletionFunc(f.Name); ok || f.Value.Type() == "bool" {
				return
			}
			fn := flagCompletions[f.Name]
			if fn == nil && isNumberFlag(f) {
				fn = cobra.NoFileCompletions
			}
			if fn != nil {
				_ = cmd.RegisterFlagCompletionFunc(f.Name, fn)
			}
		})
	})
}

func walkCommands(cmd *cobra.Command, visit func(*cobra.Command)) {
	visit(cmd)
	for _, c := range cmd.Commands() {
		walkCommands(c, visit)
	}
}

func isNumberFlag(f *pflag.Flag) bool {
	switch f.Value.Type() {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64", "duration":
		return true
	}
	return false
}

// describeCompletionCmd gives cobra's completion command install notes
// and turns a missing or unknown shell into a usage error (cobra prints
// the help and exits 0).
func describeCompletionCmd(c *cobra.Command) {
	c.Long = `Completion prints the script that makes your shell complete designdoc's
commands, flags and values: template names (the built-ins and the team's
templates_dir), sections, practice problems, guide topics, statuses, rule
ids, doc numbers and answers files. Each shell's subcommand says where to
put the script; the usual ways are in the examples.`
	c.Example = `  # bash: this session, then every session (needs bash-completion)
  source <(designdoc completion bash)
  designdoc completion bash > ~/.local/share/bash-completion/completions/designdoc

  # zsh: a file named _designdoc in a folder of your fpath
  designdoc completion zsh > "${fpath[1]}/_designdoc"

  # fish
  designdoc completion fish > ~/.config/fish/completions/designdoc.fish

  # PowerShell: add this line to your $PROFILE
  designdoc completion powershell | Out-String | Invoke-Expression`
	c.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return &usageError{err: fmt.Errorf("unknown shell %q for %s; use %s", args[0], cmd.CommandPath(), shellList()), cmd: cmd.CommandPath()}
		}
		return nil
	}
	c.RunE = func(cmd *cobra.Command, args []string) error {
		return &usageError{err: fmt.Errorf("%s needs a shell: %s", cmd.CommandPath(), shellList()), cmd: cmd.CommandPath()}
	}
}

func shellList() string {
	n := len(completionShells)
	return strings.Join(completionShells[:n-1], ", ") + " or " + completionShells[n-1]
}

// completeTemplates offers the document templates a --template flag can
// name: the built-ins and those in the team's templates_dir, with their
// descriptions. What starts like no name completes as a file, the path of
// a .md.tmpl.
func completeTemplates(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	engine, err := teamEngine()
	if err != nil || render.IsPath(toComplete) {
		return nil, cobra.ShellCompDirectiveDefault
	}
	out := templateCandidates(engine, toComplete)
	if len(out) == 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeTemplateNames completes the NAME of templates show and eject:
// the document templates (with --dir, the custom ones there too; eject
// copies built-ins only) and the partials. Eject's second argument is a
// folder.
func completeTemplateNames(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 1 && cmd.Name() == "eject" {
		return nil, cobra.ShellCompDirectiveFilterDirs
	}
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	dir := ""
	if f := cmd.Flag("dir"); f != nil && cmd.Name() != "eject" {
		dir = f.Value.String()
	}
	engine, err := render.NewWithDir(dir)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	out := templateCandidates(engine, toComplete)
	for _, p := range engine.Partials() {
		if strings.HasPrefix(p, toComplete) {
			out = append(out, p+"\tpartial")
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func templateCandidates(engine *render.Engine, prefix string) []string {
	var out []string
	for _, t := range engine.Templates() {
		if strings.HasPrefix(t.Name, prefix) {
			out = append(out, withDescription(t.Name, t.Description))
		}
	}
	return out
}

// completeSections completes the phases of new's --sections, a
// comma-separated list (the item after the last comma, leaving out those
// listed), and of edit's --section, one phase.
func completeSections(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return completeListItem(toComplete, phaseCandidates()), cobra.ShellCompDirectiveNoFileComp
}

// phaseCandidates are the nine phases, and team_sections when the project
// config lists extra sections.
func phaseCandidates() []string {
	out := make([]string, 0, len(interview.Phases)+1)
	for _, p := range interview.Phases {
		out = append(out, withDescription(p.ID, p.Title))
	}
	if s, _, err := loadTeamSettings(); err == nil && len(s.ExtraSections) > 0 {
		out = append(out, withDescription(interview.TeamPhase.ID, interview.TeamPhase.Title))
	}
	return out
}

// completeRequiredSections completes init's --required-sections, a
// comma-separated list of answers sections.
func completeRequiredSections(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return completeListItem(toComplete, team.BuiltinSections), cobra.ShellCompDirectiveNoFileComp
}

// completeRules offers the linter's rule ids with their titles.
func completeRules(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return withPrefix(ruleCandidates(), strings.ToUpper(toComplete)), cobra.ShellCompDirectiveNoFileComp
}

// completeRuleList completes --disable, a comma-separated list of rule ids.
func completeRuleList(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return completeListItem(strings.ToUpper(toComplete), ruleCandidates()), cobra.ShellCompDirectiveNoFileComp
}

func ruleCandidates() []string {
	var out []string
	for _, r := range check.Rules() {
		out = append(out, withDescription(r.ID, r.Title))
	}
	return out
}

// completeStatuses offers the doc statuses in lifecycle order.
func completeStatuses(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return withPrefix(design.Statuses, strings.ToLower(toComplete)), cobra.ShellCompDirectiveNoFileComp
}

// completeStatusArgs completes status NUMBER|FILE STATUS.
func completeStatusArgs(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	switch len(args) {
	case 0:
		return completeDocRefs(cmd, args, toComplete)
	case 1:
		return completeStatuses(cmd, args, toComplete)
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// completeDocRefs offers the numbers of the project's docs (those in
// --dir, else in the team's docs_dir) with their titles; what is no
// number's beginning completes as a file.
func completeDocRefs(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	docsDir := ""
	if f := cmd.Flag("dir"); f != nil {
		docsDir = f.Value.String()
	}
	if docsDir == "" {
		s, err := projectSettings(".")
		if err != nil {
			return nil, cobra.ShellCompDirectiveDefault
		}
		docsDir = s.DocsDir
	}
	entries, err := team.List(docsDir)
	if err != nil {
		return nil, cobra.ShellCompDirectiveDefault
	}
	var out []string
	for _, e := range entries {
		n := strconv.Itoa(e.Number)
		if e.Number > 0 && strings.HasPrefix(n, toComplete) && !slices.ContainsFunc(out, func(c string) bool { return strings.HasPrefix(c, n+"\t") }) {
			out = append(out, withDescription(n, e.Title))
		}
	}
	if len(out) == 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeAnswersFiles completes an answers file: the shell offers the
// .yaml, .yml and .json files (so every *.designdoc.yaml) and folders.
func completeAnswersFiles(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return []string{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
}

func completeDirs(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// completeListItem completes the last item of a comma-separated list:
// the candidates ("value" or "value\tdescription") that start with it and
// are not in the list yet, each after the items already typed so that
// the shell, which matches against the whole word, keeps them.
func completeListItem(toComplete string, candidates []string) []string {
	done, last := "", toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		done, last = toComplete[:i+1], toComplete[i+1:]
	}
	listed := strings.Split(done, ",")
	var out []string
	for _, c := range withPrefix(candidates, last) {
		name, _, _ := strings.Cut(c, "\t")
		if !slices.Contains(listed, name) {
			out = append(out, done+c)
		}
	}
	return out
}

// withPrefix keeps the candidates whose value starts with prefix.
func withPrefix(candidates []string, prefix string) []string {
	var out []string
	for _, c := range candidates {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c)
		}
	}
	return out
}

// withDescription is a completion candidate with its description, which
// shells show beside it; a tab or newline in the description would end it.
func withDescription(value, description string) string {
	description = oneLine(strings.ReplaceAll(description, "\t", " "))
	if description == "" {
		return value
	}
	return value + "\t" + description
}
