package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/estimate"
	"github.com/designdoc-cli/designdoc/internal/interview"
	"github.com/designdoc-cli/designdoc/internal/render"
	"github.com/designdoc-cli/designdoc/internal/team"
)

// noTerminal is the spec's exact message for an interview without one.
const noTerminal = "designdoc new needs a terminal; pass --answers FILE --no-input to run without prompts"

// NewOptions are the inputs of designdoc new.
type NewOptions struct {
	IO       *IO
	Title    string
	Answers  string
	NoInput  bool
	Output   string
	Template string
	Sections []string
	Sets     []string
	Force    bool
	Number   int
	DryRun   bool

	// Prompter asks the questions; nil means the terminal (survey).
	Prompter interview.Prompter
	// Env supplies the date and the default author.
	Env *Env
}

func newNewCmd(io *IO, runF func(*NewOptions) error) *cobra.Command {
	opts := &NewOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "new [TITLE]",
		Short: "Start a design doc: an interview through every phase of a system design",
		Long: `New interviews you through a system design, phase by phase: title and
problem, functional and non-functional requirements, capacity, core
entities, API, data flow, high-level design and deep dives. Then it
writes <slug>.designdoc.yaml (your answers) and <slug>.md (the doc).

Type ? at any question for help drawn from the guide. Repeated questions
(requirements, entities, endpoints, components, …) end on an empty answer.
Before writing, a review screen lets you re-open any phase.

Ctrl-C saves the answers so far (designdoc-partial.yaml before there is a
title) and prints how to resume: designdoc new --answers THAT_FILE.

In a project with a .designdoc.yaml (see designdoc init), the doc gets the
next free number and goes into the team's docs_dir under its file-name
pattern; the team's template and authors are the defaults.

With --answers, only the questions the file leaves unanswered are asked;
with --no-input nothing is asked at all. --set path=value fills one
answer from the command line, checked like the answer to its prompt.`,
		Example: `  designdoc new "URL shortener"
  designdoc new --sections title,requirements,api          # only these phases
  designdoc new --answers draft.designdoc.yaml              # fill in what is missing
  designdoc new --answers examples/url-shortener.designdoc.yaml --no-input -o docs/
  designdoc new Feed --set api.style=grpc --set capacity.dau=50M`,
		Args: maximumArgs(1, "at most one TITLE (quote a title with spaces)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Title = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return newRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Answers, "answers", "", "prefill from answers `FILE` (YAML or JSON): only unanswered questions are asked")
	f.BoolVar(&opts.NoInput, "no-input", false, "never prompt: use the answers, --set values and defaults")
	f.StringVarP(&opts.Output, "output", "o", "", "write the doc to `PATH` (a .md file or a directory; \"-\" prints it); the answers go beside it")
	f.StringVar(&opts.Template, "template", "", "built-in template `NAME` or path of a .md.tmpl file")
	f.StringSliceVar(&opts.Sections, "sections", nil, "ask only these phases (`LIST`: "+strings.Join(interview.PhaseIDs(), ",")+")")
	f.StringArrayVar(&opts.Sets, "set", nil, "set one answer, e.g. --set api.style=grpc (repeatable)")
	f.BoolVar(&opts.Force, "force", false, "overwrite existing files, keeping a hand-edited doc as <doc>.bak")
	f.IntVar(&opts.Number, "number", 0, "give the doc this `N` (e.g. the PR number) instead of the next free one")
	f.BoolVar(&opts.DryRun, "dry-run", false, "ask as usual, then print what would be written and write nothing")
	_ = cmd.RegisterFlagCompletionFunc("template", completeTemplates)
	_ = cmd.RegisterFlagCompletionFunc("sections", completeSections)
	_ = cmd.RegisterFlagCompletionFunc("answers", completeAnswersFiles)
	return cmd
}

func newRun(opts *NewOptions) error {
	env := opts.Env
	if env == nil {
		env = SystemEnv()
	}
	if _, err := interview.PhasesFor(opts.Sections); err != nil {
		return &usageError{err: err, cmd: "designdoc new"}
	}
	base, err := loadBase(opts.Answers)
	if err != nil {
		return err
	}
	doc := base.doc
	if opts.Title != "" {
		if err := design.Set(doc, "title="+opts.Title); err != nil {
			return err
		}
		if _, ok := doc.Keys["slug"]; !ok {
			doc.Slug = design.Slugify(doc.Title)
		}
	}
	if err := applySets(doc, opts.Sets); err != nil {
		return err
	}
	settings, project, err := teamSettings()
	if err != nil {
		return err
	}
	if opts.Template != "" && !render.IsPath(opts.Template) {
		doc.Template = opts.Template
	}
	// The team's template: a name is recorded in the answers; a path is
	// used for this render (the answers stay portable).
	templateArg := opts.Template
	if doc.Template == "" && opts.Template == "" && settings.Origins["template"].Source != team.FromDefault {
		if render.IsPath(settings.Template) {
			templateArg = settings.Template
		} else {
			doc.Template = settings.Template
		}
	}
	if opts.Number > 0 {
		doc.Number = opts.Number
	}
	// In a project, a doc is numbered into docs_dir, unless -o says
	// otherwise or the answers already are a numbered doc there.
	numbered := project != nil && opts.Output == ""
	resumedInPlace := numbered && opts.Answers != "" && doc.Number > 0 && inDocsDir(opts.Answers, settings.DocsDir) && !base.isPartial
	output := opts.Output
	if numbered {
		output = settings.DocsDir + string(filepath.Separator)
	}
	t := newTargets(output, opts.Answers, opts.Force)
	if doc.Title != "" && !numbered {
		if err := t.check(doc.Slug); err != nil {
			return err
		}
	}
	if doc.Created == "" {
		doc.Created = env.Today()
	}
	if !opts.NoInput {
		p := opts.Prompter
		if p == nil {
			if !opts.IO.InTerminal {
				return errors.New(noTerminal)
			}
			if p, err = terminalPrompter(opts.IO); err != nil {
				return err
			}
		}
		res, err := interview.Run(p, doc, interview.Options{
			Sections:      opts.Sections,
			Resume:        base.resume,
			Review:        true,
			DefaultAuthor: teamAuthor(settings, env),
			Today:         env.Today(),
			CheckTitle: func(title string) error {
				if numbered {
					return nil // a numbered file name is always new
				}
				return t.check(design.Slugify(title))
			},
			Capacity: estimate.Report,
			Extra:    interviewSections(settings),
		})
		if errors.Is(err, interview.ErrInterrupted) {
			return savePartial(opts.IO, base, doc, t, res.Stopped)
		}
		if err != nil {
			return err
		}
		opts.IO.Infof("%d questions asked\n", res.Asked)
	}
	if doc.Title == "" {
		return errors.New("the design has no title: give one as the TITLE argument, with --set title=…, or in the --answers file")
	}
	if len(doc.Authors) == 0 && opts.NoInput {
		if len(settings.Authors) > 0 {
			doc.Authors = settings.Authors
		} else if a := env.Author(); a != "" {
			doc.Authors = []string{a}
		}
	}
	if err := design.Validate(doc); err != nil {
		return err
	}
	answersPath, docPath := t.paths(doc.Slug)
	release := func() {}
	switch {
	case opts.DryRun:
		if numbered && !resumedInPlace {
			dir := relToWorkingDir(settings.DocsDir)
			answersPath, docPath = dir+"/<next number>"+answersSuffix, dir+"/<next number>.md"
		}
	case resumedInPlace:
		answersPath, docPath = opts.Answers, docBeside(opts.Answers)
	case numbered:
		if answersPath, docPath, release, err = claimNumbered(settings, doc, opts.Number); err != nil {
			return err
		}
	}
	data, err := base.updated(doc)
	if err != nil {
		release()
		return err
	}
	if opts.DryRun {
		opts.IO.Infof("would write %s and %s (--dry-run: nothing written)\n", answersPath, docPath)
		_, err := opts.IO.Out.Write(data)
		return err
	}
	if err := t.makeDir(); err != nil {
		return err
	}
	if err := publishAnswers(opts.IO, answersPath, data, templateArg, docPath, opts.Force); err != nil {
		release()
		return err
	}
	if base.isPartial && !samePathOrEmpty(base.path, answersPath) {
		// The interview is finished: the partial file has served its turn.
		_ = os.Remove(base.path)
	}
	return nil
}

// base is what an interview starts from: an answers file or nothing.
type base struct {
	path      string
	data      []byte
	doc       *design.Doc // filled in by the interview
	orig      *design.Doc // as loaded, to tell what changed
	resume    string      // the phase a partial file stopped in
	isPartial bool
}

func loadBase(path string) (*base, error) {
	if path == "" {
		return &base{doc: &design.Doc{Version: design.SchemaVersion}, orig: &design.Doc{Version: design.SchemaVersion}}, nil
	}
	data, err := design.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc, err := design.ParseDraft(path, data)
	if err != nil {
		return nil, err
	}
	orig, _ := design.ParseDraft(path, data)
	phase, partial := resumeMarker(data)
	return &base{path: path, data: data, doc: doc, orig: orig, resume: phase, isPartial: partial}, nil
}

// updated is the answers file for doc: the original file with the changed
// keys rewritten (comments and order kept), or a new canonical file.
func (b *base) updated(doc *design.Doc) ([]byte, error) {
	if b.data == nil {
		return design.Marshal(doc), nil
	}
	keys := design.ChangedKeys(b.orig, doc)
	data := stripResumeMarker(b.data)
	if len(keys) == 0 {
		return data, nil
	}
	orig, err := design.ParseDraft(b.path, data)
	if err != nil {
		return nil, err
	}
	return design.ReplaceSections(b.path, data, orig, doc, keys)
}

func applySets(doc *design.Doc, sets []string) error {
	for _, s := range sets {
		if err := design.Set(doc, s); err != nil {
			return err
		}
	}
	return nil
}

func samePathOrEmpty(a, b string) bool {
	if a == "" {
		return true
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}

// teamAuthor is the team's default authors, else git's user.name.
func teamAuthor(s team.Settings, env *Env) string {
	if len(s.Authors) > 0 {
		return strings.Join(s.Authors, ", ")
	}
	return env.Author()
}
