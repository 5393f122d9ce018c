package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/estimate"
	"github.com/designdoc-cli/designdoc/internal/interview"
	"github.com/designdoc-cli/designdoc/internal/render"
)

// EditOptions are the inputs of designdoc edit.
type EditOptions struct {
	IO       *IO
	Answers  string
	Section  string
	Sets     []string
	NoInput  bool
	Output   string
	Template string
	Force    bool
	DryRun   bool
	Prompter interview.Prompter
}

func newEditCmd(io *IO, runF func(*EditOptions) error) *cobra.Command {
	opts := &EditOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "edit ANSWERS --section SECTION",
		Short: "Re-interview one phase of a design and re-render its doc",
		Long: `Edit asks the questions of one phase again, with the current answers as
defaults: each item already there (an entity, an endpoint, a component, …)
can be kept, edited or deleted, and more can be added. Then it saves the
answers file, changing only that phase's keys (comments and order
elsewhere are kept), and renders the doc again. A doc edited by hand since
designdoc wrote it is not overwritten without --force.

--set path=value changes single answers without prompts; with --no-input
and no --section, edit only applies the --set values and re-renders.

Sections: ` + strings.Join(interview.PhaseIDs(), ", ") + `.`,
		Example: `  designdoc edit url-shortener.designdoc.yaml --section entities
  designdoc edit url-shortener.designdoc.yaml --section api --force
  designdoc edit url-shortener.designdoc.yaml --set status=review --no-input`,
		Args: exactArgs(1, "an answers file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Answers = args[0]
			if runF != nil {
				return runF(opts)
			}
			return editRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Section, "section", "", "the phase to ask again (`SECTION`: "+strings.Join(interview.PhaseIDs(), ", ")+")")
	f.StringArrayVar(&opts.Sets, "set", nil, "set one answer, e.g. --set status=review (repeatable)")
	f.BoolVar(&opts.NoInput, "no-input", false, "never prompt: only apply --set values")
	f.StringVarP(&opts.Output, "output", "o", "", "write the doc to `FILE` (\"-\" for stdout; default: <slug>.md beside the answers)")
	f.StringVar(&opts.Template, "template", "", "built-in template `NAME` or path of a .md.tmpl file")
	f.BoolVar(&opts.Force, "force", false, "overwrite a doc edited by hand, keeping it as <doc>.bak")
	f.BoolVar(&opts.DryRun, "dry-run", false, "ask as usual, then print the answers file as it would be saved; write nothing")
	_ = cmd.RegisterFlagCompletionFunc("section", completeSections)
	_ = cmd.RegisterFlagCompletionFunc("template", completeTemplates)
	cmd.ValidArgsFunction = completeAnswersFiles
	return cmd
}

func editRun(opts *EditOptions) error {
	if opts.Section == "" && !(opts.NoInput && len(opts.Sets) > 0) {
		return &usageError{err: errors.New("designdoc edit needs --section SECTION (" + strings.Join(interview.PhaseIDs(), ", ") + "), or --set values with --no-input"), cmd: "designdoc edit"}
	}
	if opts.Section != "" {
		if _, err := interview.LookupPhase(opts.Section); err != nil {
			return &usageError{err: err, cmd: "designdoc edit"}
		}
	}
	data, err := design.ReadFile(opts.Answers)
	if err != nil {
		return err
	}
	orig, err := design.Parse(opts.Answers, data)
	if err != nil {
		return err
	}
	doc, _ := design.Parse(opts.Answers, data)
	if err := applySets(doc, opts.Sets); err != nil {
		return err
	}
	b := &base{path: opts.Answers, data: data, doc: doc, orig: orig}
	if opts.Section != "" && !opts.NoInput {
		p := opts.Prompter
		if p == nil {
			if !opts.IO.InTerminal {
				return errors.New("designdoc edit needs a terminal to ask the questions; pass --set path=value --no-input to change answers without prompts")
			}
			if p, err = terminalPrompter(opts.IO); err != nil {
				return err
			}
		}
		settings, _, err := loadTeamSettings()
		if err != nil {
			return err
		}
		_, err = interview.Run(p, doc, interview.Options{Sections: []string{opts.Section}, Edit: true, DefaultAuthor: SystemEnv().Author(),
			Capacity: estimate.Report, Extra: interviewSections(settings)})
		if errors.Is(err, interview.ErrInterrupted) {
			return saveInterruptedEdit(opts.IO, b, doc)
		}
		if err != nil {
			return err
		}
	}
	if err := design.Validate(doc); err != nil {
		return err
	}
	updated, err := b.updated(doc)
	if err != nil {
		return err
	}
	if opts.DryRun {
		return dryRun(opts.IO, opts.Answers, updated)
	}
	out := opts.Output
	if out == "" {
		out = render.DefaultOutPath(opts.Answers, doc)
		if doc.Rendered != nil && doc.Rendered.Path != "" {
			out = recordedDocPath(opts.Answers, doc.Rendered.Path)
		}
	}
	return publishAnswers(opts.IO, opts.Answers, updated, opts.Template, out, opts.Force)
}

// saveInterruptedEdit keeps the answers changed before Ctrl-C in the
// answers file; the doc is left as it was.
func saveInterruptedEdit(io *IO, b *base, doc *design.Doc) error {
	if len(design.ChangedKeys(b.orig, doc)) == 0 {
		io.Infof("\ninterrupted; nothing was changed\n")
		return &ExitError{Code: ExitInterrupted}
	}
	if err := design.Validate(doc); err != nil {
		return &ExitError{Code: ExitInterrupted, Err: fmt.Errorf("interrupted; the changes so far are not consistent and were not saved: %w", err)}
	}
	updated, err := b.updated(doc)
	if err == nil {
		err = writeAnswers(b.path, updated)
	}
	if err != nil {
		return &ExitError{Code: ExitInterrupted, Err: fmt.Errorf("interrupted, and the changes could not be saved: %w", err)}
	}
	io.Infof("\ninterrupted: the changes so far are saved in %s; the doc was not rendered again (run designdoc render %s)\n", b.path, shellQuote(b.path))
	return &ExitError{Code: ExitInterrupted}
}
