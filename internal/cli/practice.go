package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/check"
	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/estimate"
	"github.com/designdoc-cli/designdoc/internal/interview"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
	"github.com/designdoc-cli/designdoc/internal/practice"
	"github.com/designdoc-cli/designdoc/internal/safefile"
)

// practiceNoTerminal is practice's version of new's message.
const practiceNoTerminal = "designdoc practice needs a terminal; pass --answers FILE --no-input to score an answers file without prompts"

// scoreSuffix is the name every scorecard file ends with.
const scoreSuffix = ".score.json"

// PracticeOptions are the inputs of designdoc practice.
type PracticeOptions struct {
	IO      *IO
	List    bool
	Problem string
	Seed    int64
	SeedSet bool // --seed was given
	Minutes int
	NoTimer bool
	Output  string // a folder
	Force   bool
	Answers string
	NoInput bool
	DryRun  bool

	// Prompter asks the questions; nil means the terminal (survey).
	Prompter interview.Prompter
	// Env supplies the date and the default author.
	Env *Env
	// Clock times the phases; nil means the system clock.
	Clock practice.Clock
}

func newPracticeCmd(io *IO, runF func(*PracticeOptions) error) *cobra.Command {
	opts := &PracticeOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "practice",
		Short: "A timed mock interview on a classic problem, with a scorecard",
		Long: `Practice runs the design interview against the clock on a classic
system-design problem (--list shows the bank): the problem statement
first, then every phase with the time left in it shown before each
question. The 45-minute budget follows the delivery framework —
requirements 5 (functional, non-functional and capacity together), core
entities 2, API 5, data flow 5, high-level design 15, deep dives 10, and
3 to spare — and is scaled to --minutes. When a phase runs over you are
told once; you move on when you choose. Type ? at any question for help,
with hints for the problem.

At the end it writes the doc and the answers as new does, plus
<slug>.score.json, and prints the scorecard: time per phase against its
budget, coverage of each phase, the key concepts and technologies named
(and the guide topics for the ones missed), the linter's findings, and a
total out of 100 with its weights.

With --answers FILE --no-input nothing is asked: the answers file is
scored as it is (the phase times are unknown then, so time is not scored).
--dry-run prints the scorecard and the files it would write, and writes
nothing.

Practice runs are yours, not the team's: they are written in the current
folder (or -o), never numbered into a project's docs_dir.`,
		Example: `  designdoc practice --list
  designdoc practice                              # a problem picked at random
  designdoc practice --problem url-shortener --minutes 30
  designdoc practice --seed 7 -o practice/        # the same pick every time
  designdoc practice --problem url-shortener --answers url-shortener.designdoc.yaml --no-input`,
		Args: maximumArgs(0, "no arguments (name the problem with --problem ID)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.SeedSet = cmd.Flags().Changed("seed")
			if runF != nil {
				return runF(opts)
			}
			return practiceRun(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.List, "list", false, "list the problems: id, difficulty and title")
	f.StringVar(&opts.Problem, "problem", "", "practise problem `ID` (default: one picked at random)")
	f.Int64Var(&opts.Seed, "seed", 0, "pick the random problem with this `NUMBER`, for a repeatable choice")
	f.IntVar(&opts.Minutes, "minutes", practice.DefaultMinutes, "length of the run in `MINUTES`; the phase budgets are scaled to it")
	f.BoolVar(&opts.NoTimer, "no-timer", false, "no clock in the questions and no time score (the times are still shown)")
	f.StringVarP(&opts.Output, "output", "o", "", "write the doc, answers and scorecard into `DIR`")
	f.BoolVar(&opts.Force, "force", false, "overwrite existing files, keeping a hand-edited doc as <doc>.bak")
	f.StringVar(&opts.Answers, "answers", "", "start from answers `FILE`; with --no-input, score it as it is")
	f.BoolVar(&opts.NoInput, "no-input", false, "never prompt: score the --answers file")
	f.BoolVar(&opts.DryRun, "dry-run", false, "print the scorecard and what would be written; write nothing")
	_ = cmd.RegisterFlagCompletionFunc("problem", completeProblems)
	_ = cmd.RegisterFlagCompletionFunc("answers", completeAnswersFiles)
	_ = cmd.MarkFlagDirname("output")
	return cmd
}

func practiceRun(opts *PracticeOptions) error {
	if opts.List {
		return practiceList(opts.IO)
	}
	plan, err := practice.NewPlan(opts.Minutes)
	if err != nil {
		return &usageError{err: err, cmd: "designdoc practice"}
	}
	if opts.NoInput && opts.Answers == "" {
		return &usageError{err: errors.New("--no-input scores an answers file: pass --answers FILE"), cmd: "designdoc practice"}
	}
	if opts.NoInput {
		return practiceScoreFile(opts, plan)
	}
	problem, err := pickProblem(opts, nil)
	if err != nil {
		return err
	}
	return practiceInterview(opts, plan, problem)
}

// practiceList prints the bank as a table.
func practiceList(io *IO) error {
	tw := tabwriter.NewWriter(io.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDIFFICULTY\tTITLE")
	for _, p := range knowledge.Problems() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.ID, p.Difficulty, p.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(io.Out, "\nPractise one with 'designdoc practice --problem ID'.")
	return err
}

// pickProblem is --problem, else the problem an answers file is about,
// else a random pick.
func pickProblem(opts *PracticeOptions, doc *design.Doc) (knowledge.Problem, error) {
	if opts.Problem != "" {
		p, err := knowledge.LookupProblem(opts.Problem)
		if err != nil {
			return p, fmt.Errorf("%w; run 'designdoc practice --list' to see the problems", err)
		}
		return p, nil
	}
	if doc != nil {
		for _, name := range []string{doc.Slug, doc.Title} {
			if p, err := knowledge.LookupProblem(name); err == nil && name != "" {
				return p, nil
			}
		}
		return knowledge.Problem{}, fmt.Errorf("%s is not about a problem of the bank by its slug or title; name it with --problem ID (designdoc practice --list)", opts.Answers)
	}
	ids := knowledge.ProblemIDs()
	var i int
	if opts.SeedSet {
		i = rand.New(rand.NewPCG(uint64(opts.Seed), 0x9e3779b97f4a7c15)).IntN(len(ids))
	} else {
		i = rand.IntN(len(ids))
	}
	return knowledge.LookupProblem(ids[i])
}

// practiceInterview runs the timed interview and writes the doc, the
// answers and the scorecard.
func practiceInterview(opts *PracticeOptions, plan practice.Plan, problem knowledge.Problem) error {
	env := opts.Env
	if env == nil {
		env = SystemEnv()
	}
	p := opts.Prompter
	if p == nil && !opts.IO.InTerminal {
		return errors.New(practiceNoTerminal)
	}
	base, err := loadBase(opts.Answers)
	if err != nil {
		return err
	}
	doc := base.doc
	// The interviewer states the problem: it is the title and summary,
	// and the clock is for the design itself.
	if doc.Title == "" {
		doc.Title = problem.Title
	}
	if doc.Slug == "" {
		doc.Slug = design.Slugify(doc.Title)
	}
	if doc.Summary == "" {
		doc.Summary = problem.Prompt
	}
	if len(doc.Authors) == 0 {
		if a := env.Author(); a != "" {
			doc.Authors = []string{a}
		}
	}
	t := newTargets(outputDir(opts.Output, "."), opts.Answers, opts.Force)
	scorePath := filepath.Join(t.dir, doc.Slug+scoreSuffix)
	if err := t.check(doc.Slug); err != nil {
		return err
	}
	if err := checkScoreFile(scorePath, opts.Force); err != nil {
		return err
	}
	if p == nil {
		if p, err = terminalPrompter(opts.IO); err != nil {
			return errors.New(practiceNoTerminal)
		}
	}
	clock := opts.Clock
	if clock == nil {
		clock = practice.SystemClock{}
	}
	timer := practice.NewTimer(clock, plan)
	tp := practice.NewPrompter(p, timer, practice.PrompterOptions{ShowTime: !opts.NoTimer, Hints: problem.Hints})
	tp.Say(problemStatement(problem, plan, opts.NoTimer))
	var sections []string
	for _, id := range interview.PhaseIDs() {
		if id != "title" {
			sections = append(sections, id)
		}
	}
	// No review screen: the run ends with the last phase, on the clock;
	// designdoc edit re-opens a phase afterwards.
	res, err := interview.Run(tp, doc, interview.Options{
		Sections:      sections,
		Resume:        base.resume,
		DefaultAuthor: env.Author(),
		Today:         env.Today(),
		Capacity:      estimate.Report,
		OnPhase:       timer.OnPhase,
	})
	timer.Stop()
	if errors.Is(err, interview.ErrInterrupted) {
		return savePartial(opts.IO, base, doc, t, res.Stopped)
	}
	if err != nil {
		return err
	}
	if err := design.Validate(doc); err != nil {
		return err
	}
	data, err := base.updated(doc)
	if err != nil {
		return err
	}
	answersPath, docPath := t.paths(doc.Slug)
	written, err := design.Parse(answersPath, data)
	if err != nil {
		return err
	}
	sc := practice.Score(practice.Input{
		Doc: written, Problem: problem, Plan: plan, Times: timer.Times(), Untimed: opts.NoTimer,
		Findings: check.Run(written, answersPath, check.Options{}),
	})
	if opts.DryRun {
		return dryRunScore(opts.IO, sc, answersPath, docPath, scorePath)
	}
	if err := t.makeDir(); err != nil {
		return err
	}
	if err := publishAnswers(opts.IO, answersPath, data, "", docPath, opts.Force); err != nil {
		return err
	}
	if base.isPartial && !samePathOrEmpty(base.path, answersPath) {
		_ = os.Remove(base.path)
	}
	return writeScore(opts.IO, scorePath, sc)
}

// dryRunScore prints the scorecard and the files a practice run would
// have written.
func dryRunScore(io *IO, sc practice.Scorecard, paths ...string) error {
	io.Infof("would write %s (--dry-run: nothing written)\n", strings.Join(paths, ", "))
	_, err := fmt.Fprint(io.Out, sc.Text())
	return err
}

// practiceScoreFile scores an answers file as it is, asking nothing.
func practiceScoreFile(opts *PracticeOptions, plan practice.Plan) error {
	data, err := design.ReadFile(opts.Answers)
	if err != nil {
		return err
	}
	doc, err := design.Parse(opts.Answers, data)
	if err != nil {
		return err
	}
	problem, err := pickProblem(opts, doc)
	if err != nil {
		return err
	}
	slug := doc.Slug
	if slug == "" {
		slug = design.Slugify(doc.Title)
	}
	dir := outputDir(opts.Output, filepath.Dir(opts.Answers))
	scorePath := filepath.Join(filepath.Clean(dir), slug+scoreSuffix)
	if err := checkScoreFile(scorePath, opts.Force); err != nil {
		return err
	}
	sc := practice.Score(practice.Input{
		Doc: doc, Problem: problem, Plan: plan, Untimed: opts.NoTimer,
		Findings: check.Run(doc, opts.Answers, check.Options{}),
	})
	if opts.DryRun {
		return dryRunScore(opts.IO, sc, scorePath)
	}
	if err := (&targets{dir: filepath.Clean(dir)}).makeDir(); err != nil {
		return err
	}
	return writeScore(opts.IO, scorePath, sc)
}

// outputDir is -o as a folder (with a trailing separator, so targets
// never takes it for a file name), else def.
func outputDir(output, def string) string {
	if output == "" {
		output = def
	}
	return strings.TrimRight(output, `/\`) + string(filepath.Separator)
}

// checkScoreFile refuses to overwrite a file that is not a scorecard
// designdoc wrote, unless forced; a scorecard is simply replaced.
func checkScoreFile(path string, force bool) error {
	if force || !exists(path) {
		return nil
	}
	data, err := os.ReadFile(path)
	var sc struct {
		Problem *struct{ ID string } `json:"problem"`
		OutOf   *int                 `json:"out_of"`
	}
	if err == nil && json.Unmarshal(data, &sc) == nil && sc.Problem != nil && sc.OutOf != nil {
		return nil
	}
	return fmt.Errorf("%s already exists and is not a designdoc scorecard; choose another output (-o) or pass --force", path)
}

func writeScore(io *IO, path string, sc practice.Scorecard) error {
	if err := safefile.Write(path, sc.JSON(), 0o644); err != nil {
		return err
	}
	io.Infof("wrote %s\n", path)
	_, err := fmt.Fprint(io.Out, "\n"+sc.Text())
	return err
}

// problemStatement is what the interviewer says before the clock starts.
func problemStatement(p knowledge.Problem, plan practice.Plan, noTimer bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nPractice: %s (%s, %s)\n\n", p.Title, p.ID, p.Difficulty)
	for _, line := range wrap(p.Prompt, 74) {
		b.WriteString("  " + line + "\n")
	}
	if noTimer {
		b.WriteString("\nUntimed (--no-timer). Type ? at any question for help and hints for this problem.")
		return b.String()
	}
	var parts []string
	for _, ph := range practice.Phases {
		parts = append(parts, fmt.Sprintf("%s %s", ph.Title, clock(plan.Budget(ph.ID))))
	}
	text := fmt.Sprintf("%d minutes: %s, %s spare. Requirements include the non-functional ones and the capacity estimate. "+
		"The time left in the phase shows before every question; type ? for help and hints for this problem. The clock starts now.",
		plan.Minutes, strings.Join(parts, ", "), clock(plan.Spare))
	b.WriteString("\n" + strings.Join(wrap(text, 76), "\n"))
	return b.String()
}

func clock(d time.Duration) string {
	s := int(d / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// wrap breaks text into lines of at most width runes at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func completeProblems(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, p := range knowledge.Problems() {
		if strings.HasPrefix(p.ID, strings.ToLower(toComplete)) {
			out = append(out, p.ID+"\t"+p.Title+" ("+p.Difficulty+")")
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
