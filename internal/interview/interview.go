package interview

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// Options shape one run of the interview.
type Options struct {
	// Sections are the ids of the phases to ask (see Phases); empty asks
	// every phase.
	Sections []string
	// Edit asks every question of the chosen phases with the current
	// answers as defaults, and offers to keep, edit or delete each item
	// already there. Without it only unanswered questions are asked.
	Edit bool
	// Resume is the phase a previous run stopped in: its lists carry on
	// from the items already there instead of being skipped.
	Resume string
	// Review shows the review screen after the last phase.
	Review bool
	// DefaultAuthor is offered when the doc has no authors.
	DefaultAuthor string
	// Today is the date a new doc is created on (YYYY-MM-DD).
	Today string
	// CheckTitle, when set, rejects a title at the prompt, e.g. because
	// the files it would be written to already exist.
	CheckTitle func(title string) error
	// Capacity, when set, works out the capacity results from the inputs
	// so the person sees them before moving on.
	Capacity func(*design.Capacity) (string, error)
	// OnPhase, when set, is called with a phase's id as the phase starts
	// (a phase re-opened from the review screen starts again), so a
	// practice timer can tell which phase the time goes to.
	OnPhase func(id string)
	// Extra are the team's own sections, asked in TeamPhase after the
	// deep dives.
	Extra []Section
}

// Result is what a run collected.
type Result struct {
	// Touched lists the answers-file keys the run may have changed.
	Touched []string
	// Stopped is the id of the phase the person interrupted, "" when the
	// run finished.
	Stopped string
	// Asked counts the questions asked.
	Asked int
}

type session struct {
	p       Prompter
	doc     *design.Doc
	opts    Options
	edit    bool // the current phase asks everything
	resume  bool // the current phase continues its lists
	touched map[string]bool
	// started holds how many items each repeated group had when the run
	// began: a group the answers file already filled is not asked again.
	started map[string]int
}

// Run asks the chosen phases and fills doc in place, so that on
// ErrInterrupted every answer already given is in doc and the doc is still
// consistent (no reference to a component or entity that does not exist).
func Run(p Prompter, doc *design.Doc, opts Options) (Result, error) {
	s := &session{p: &counting{Prompter: p}, doc: doc, opts: opts, touched: map[string]bool{}, started: groupSizes(doc)}
	phases := s.phases()
	if len(opts.Sections) > 0 {
		var err error
		if phases, err = PhasesFor(opts.Sections); err != nil {
			return Result{}, err
		}
		if slices.ContainsFunc(phases, func(p Phase) bool { return p.ID == TeamPhase.ID }) && len(opts.Extra) == 0 {
			return Result{}, errNoTeamSections
		}
	}
	if doc.Version == 0 {
		doc.Version = design.SchemaVersion
	}
	if doc.Created == "" && opts.Today != "" {
		doc.Created = opts.Today
		s.touch("created")
	}
	if doc.Status == "" {
		doc.Status = design.StatusDraft
	}
	res := Result{}
	resumeFrom := len(Phases) + 2
	if opts.Resume != "" {
		if ph, err := LookupPhase(opts.Resume); err == nil {
			resumeFrom = ph.Number
		}
	}
	for _, ph := range phases {
		// A resumed run carries on in the phase it stopped in and treats
		// the phases after it as never asked.
		if err := s.run(ph, opts.Edit, ph.Number >= resumeFrom); err != nil {
			return s.result(ph.ID), err
		}
	}
	if opts.Review {
		if err := s.review(); err != nil {
			var st stopped
			if errors.As(err, &st) {
				return s.result(st.phase), err
			}
			return s.result("review"), err
		}
	}
	res = s.result("")
	return res, nil
}

// stopped carries the phase a review-time edit was interrupted in.
type stopped struct {
	phase string
	err   error
}

func (e stopped) Error() string { return e.err.Error() }
func (e stopped) Unwrap() error { return e.err }

func (s *session) result(stop string) Result {
	keys := make([]string, 0, len(s.touched))
	for k := range s.touched {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return Result{Touched: keys, Stopped: stop, Asked: s.p.(*counting).n}
}

func (s *session) run(ph Phase, edit, resume bool) error {
	s.edit, s.resume = edit, resume
	if s.opts.OnPhase != nil {
		s.opts.OnPhase(ph.ID)
	}
	for _, k := range ph.Keys {
		s.touch(k)
	}
	// The heading shows only once the phase asks something, so phases the
	// answers file already filled pass silently.
	s.p.(*counting).heading = fmt.Sprintf("\n── %d/%d %s ──", ph.Number, len(s.phases()), ph.Title)
	err := ph.ask(s)
	s.p.(*counting).heading = ""
	return err
}

func (s *session) touch(key string) { s.touched[key] = true }

// asks reports whether a question whose current answer is cur should be
// asked: always when editing, else only when it has no answer.
func (s *session) asks(cur string) bool { return s.edit || strings.TrimSpace(cur) == "" }

// asksList reports whether a repeated group inside an item, with n
// entries, should be asked for more.
func (s *session) asksList(n int) bool { return s.edit || s.resume || n == 0 }

// asksGroup reports whether a top-level repeated group should be asked
// for more: when editing or resuming, or when the answers the run started
// from had none (items added earlier in this run do not count).
func (s *session) asksGroup(key string) bool { return s.edit || s.resume || s.started[key] == 0 }

func groupSizes(d *design.Doc) map[string]int {
	return map[string]int{
		"functional":     len(d.Requirements.Functional),
		"out_of_scope":   len(d.Requirements.OutOfScope),
		"non_functional": len(d.Requirements.NonFunctional),
		"entities":       len(d.Entities),
		"endpoints":      len(d.API.Endpoints),
		"data_flow":      len(d.DataFlow),
		"components":     len(d.HighLevelDesign.Components),
		"connections":    len(d.HighLevelDesign.Connections),
		"deep_dives":     len(d.DeepDives),
	}
}

// counting counts the questions a Prompter is asked, and shows the
// heading of the current phase before its first question.
type counting struct {
	Prompter
	n       int
	heading string
}

func (c *counting) ask() {
	c.n++
	if c.heading != "" {
		c.Prompter.Say(c.heading)
		c.heading = ""
	}
}

func (c *counting) Say(text string) {
	if c.heading != "" {
		c.Prompter.Say(c.heading)
		c.heading = ""
	}
	c.Prompter.Say(text)
}

func (c *counting) Input(p Prompt) (string, error) {
	c.ask()
	v, err := c.Prompter.Input(p)
	return strings.TrimSpace(v), err
}

func (c *counting) Multiline(p Prompt) (string, error) {
	c.ask()
	v, err := c.Prompter.Multiline(p)
	return strings.TrimSpace(v), err
}

func (c *counting) Confirm(q YesNo) (bool, error) { c.ask(); return c.Prompter.Confirm(q) }
func (c *counting) Select(ch Choice) (string, error) {
	c.ask()
	return c.Prompter.Select(ch)
}

func (c *counting) MultiSelect(ch Choice) ([]string, error) {
	c.ask()
	return c.Prompter.MultiSelect(ch)
}

// action is what to do with an item already in the answers when editing.
type action string

const (
	keep   action = "keep"
	change action = "edit"
	remove action = "delete"
)

// itemAction asks whether to keep, edit or delete an existing item.
func (s *session) itemAction(what string) (action, error) {
	v, err := s.p.Select(Choice{
		Message: what,
		Options: []string{string(keep), string(change), string(remove)},
		Default: string(keep),
		Help:    "keep it as it is, edit its answers one by one, or delete it",
	})
	return action(v), err
}

// required is a validator for an answer that must not be empty.
func required(what string) func(string) error {
	return func(v string) error {
		if strings.TrimSpace(v) == "" {
			return fmt.Errorf("%s is required", what)
		}
		return nil
	}
}

// field is a validator that applies the answers file's own check for a
// field, so a prompt accepts exactly what the loader accepts.
func field(path string) func(string) error {
	return func(v string) error {
		v = strings.TrimSpace(v)
		if v == "" {
			return nil
		}
		return design.CheckField(path, v)
	}
}

// all combines validators; the first failure wins.
func all(vs ...func(string) error) func(string) error {
	return func(v string) error {
		for _, f := range vs {
			if f == nil {
				continue
			}
			if err := f(v); err != nil {
				return err
			}
		}
		return nil
	}
}

// unique rejects a name already taken by another item.
func unique(what string, taken func(string) bool) func(string) error {
	return func(v string) error {
		if taken(strings.TrimSpace(v)) {
			return fmt.Errorf("there is already %s named %q; give this one another name", what, strings.TrimSpace(v))
		}
		return nil
	}
}

// splitList reads a comma-separated answer.
func splitList(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
