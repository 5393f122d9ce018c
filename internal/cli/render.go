package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/render"
)

// RenderOptions are the inputs of designdoc render.
type RenderOptions struct {
	IO       *IO
	Answers  string
	Output   string // "" beside the answers; "-" stdout
	Template string
	Sets     []string
	Force    bool
	DryRun   bool
}

func newRenderCmd(io *IO, runF func(*RenderOptions) error) *cobra.Command {
	opts := &RenderOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "render ANSWERS",
		Short: "Render a design doc from an answers file",
		Long: `Render reads an answers file (YAML, or JSON when it ends in .json), checks it,
and writes the Markdown design doc beside it as <slug>.md.

A doc that is exactly what designdoc last wrote is replaced. Any other file
is never overwritten without --force, and with --force a doc edited by hand
is first kept as <doc>.bak. After writing, the answers file records the
doc's path and sha256 under "rendered:"; nothing else in it changes.

--set path=value overrides one answer for this render only, checked like
the answer to its prompt; the answers file keeps its own value (use
designdoc edit --set to change it there).`,
		Example: `  designdoc render url-shortener.designdoc.yaml
  designdoc render url-shortener.designdoc.yaml -o docs/url-shortener.md
  designdoc render url-shortener.designdoc.yaml -o -          # print to stdout
  designdoc render answers.yaml --template ./team.md.tmpl --force
  designdoc render answers.yaml --set status=review -o -`,
		Args: exactArgs(1, "an answers file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Answers = args[0]
			if runF != nil {
				return runF(opts)
			}
			return renderRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the doc to `FILE` (\"-\" for stdout; default: <slug>.md beside the answers)")
	cmd.Flags().StringVar(&opts.Template, "template", "", "built-in template `NAME` or path of a .md.tmpl file (default: the answers' template, else design)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing doc designdoc did not write, keeping it as <doc>.bak")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "say what would be written and print the doc; write nothing")
	cmd.Flags().StringArrayVar(&opts.Sets, "set", nil, "override one answer for this render, e.g. --set status=review (repeatable)")
	_ = cmd.RegisterFlagCompletionFunc("template", completeTemplates)
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return cmd
}

func renderRun(opts *RenderOptions) error {
	data, err := design.ReadFile(opts.Answers)
	if err != nil {
		return err
	}
	doc, err := parseAnswers(opts.Answers, data)
	if err != nil {
		return err
	}
	if len(opts.Sets) > 0 {
		if err := applySets(doc, opts.Sets); err != nil {
			return err
		}
		if err := design.Validate(doc); err != nil {
			return err
		}
	}
	engine, err := teamEngine()
	if err != nil {
		return err
	}
	name := opts.Template
	if name == "" {
		name = doc.Template
	}
	tmpl, err := engine.Lookup(name)
	if err != nil {
		return err
	}
	findings := lintInBackground(doc, opts.Answers)
	md, err := tmpl.Execute(teamView(doc, filepath.Base(opts.Answers), tmpl.Name))
	if err != nil {
		return err
	}
	if opts.Output == "-" {
		_, err := opts.IO.Out.Write(md)
		return err
	}
	out := opts.Output
	if out == "" {
		out = render.DefaultOutPath(opts.Answers, doc)
	}
	if opts.DryRun {
		return dryRun(opts.IO, out, md)
	}
	res, err := render.Write(render.Publish{
		AnswersPath: opts.Answers, AnswersData: data, Doc: doc, OutPath: out,
		Template: tmpl.Name, Version: version(), Force: opts.Force,
	}, md)
	if err != nil {
		return err
	}
	switch {
	case res.Backup != "":
		opts.IO.Infof("wrote %s (the previous version is kept as %s)\n", res.Path, res.Backup)
	case res.Unchanged:
		opts.IO.Infof("%s is up to date\n", res.Path)
	default:
		opts.IO.Infof("wrote %s\n", res.Path)
	}
	reportKept(opts.IO, res)
	reportFindings(opts.IO, findings(), opts.Answers)
	return nil
}

// exactArgs is cobra.ExactArgs with a message that says what is missing.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return &usageError{err: fmt.Errorf("%s takes %s, got %s", cmd.CommandPath(), what, countArgs(args)), cmd: cmd.CommandPath()}
		}
		return nil
	}
}

// maximumArgs is cobra.MaximumNArgs with a message that says what fits.
func maximumArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return &usageError{err: fmt.Errorf("%s takes %s, got %s", cmd.CommandPath(), what, countArgs(args)), cmd: cmd.CommandPath()}
		}
		return nil
	}
}

// dryRun says whether path would change and prints what would go there.
func dryRun(io *IO, path string, data []byte) error {
	state := "a new file"
	if old, err := os.ReadFile(path); err == nil {
		state = "changed"
		if bytes.Equal(old, data) {
			state = "unchanged"
		}
	}
	io.Infof("would write %s (%s; --dry-run: nothing written)\n", path, state)
	_, err := io.Out.Write(data)
	return err
}

// countArgs says how many arguments were given, and which when there are
// few: "got 2 arguments (a.yaml, b.yaml)".
func countArgs(args []string) string {
	noun := "arguments"
	if len(args) == 1 {
		noun = "argument"
	}
	if len(args) > 0 && len(args) <= 3 {
		return fmt.Sprintf("%d %s (%s)", len(args), noun, strings.Join(args, ", "))
	}
	return fmt.Sprintf("%d %s", len(args), noun)
}
