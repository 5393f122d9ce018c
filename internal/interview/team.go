package interview

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// Section is one of a team's own sections (extra_sections in the project
// config), asked after the deep dives.
type Section struct {
	ID       string
	Title    string
	Prompt   string // the question; "" asks for the title's text
	Required bool   // an empty answer is refused
}

// TeamPhase asks the team's own sections. It runs only when
// Options.Extra lists some, after the nine phases of the framework.
var TeamPhase = Phase{10, "team_sections", "Team sections", "framework", []string{"extra_sections"},
	[]string{"team", "extra", "extra_sections", "extra-sections"}, (*session).teamPhase, summarizeTeam}

// errNoTeamSections is returned when team_sections is asked for without
// any section to ask.
var errNoTeamSections = errors.New("there are no team sections to ask: the project config (.designdoc.yaml) has no extra_sections")

// phases are the phases of this run: the framework's nine, then the
// team's sections when there are some.
func (s *session) phases() []Phase {
	if len(s.opts.Extra) == 0 {
		return Phases
	}
	return append(slices.Clone(Phases), TeamPhase)
}

func (s *session) teamPhase() error {
	for _, sec := range s.opts.Extra {
		if err := s.teamSection(sec); err != nil {
			return err
		}
	}
	return nil
}

func (s *session) teamSection(sec Section) error {
	d := s.doc
	cur := ""
	if e := d.Extra(sec.ID); e != nil {
		cur = e.Text
	}
	if !s.asks(cur) {
		return nil
	}
	msg := sec.Prompt
	if msg == "" {
		msg = sec.Title
	}
	help := fmt.Sprintf("Your team adds the section %q to every doc (extra_sections in .designdoc.yaml).", sec.Title)
	var validate func(string) error
	if sec.Required {
		validate = required(sec.Title)
		help += " The team requires it."
	} else {
		help += " Leave it empty to skip it for now."
	}
	v, err := s.p.Multiline(Prompt{Message: msg, Default: cur, Help: help, Validate: validate})
	if err != nil {
		return err
	}
	setExtra(d, sec, v)
	return nil
}

// setExtra records the answer to sec, in the config's order; an empty
// answer removes the section from the answers.
func setExtra(d *design.Doc, sec Section, text string) {
	i := slices.IndexFunc(d.ExtraSections, func(e design.ExtraSection) bool { return e.ID == sec.ID })
	if strings.TrimSpace(text) == "" {
		if i >= 0 {
			d.ExtraSections = slices.Delete(d.ExtraSections, i, i+1)
		}
		return
	}
	if i >= 0 {
		d.ExtraSections[i].Title, d.ExtraSections[i].Text = sec.Title, text
		return
	}
	d.ExtraSections = append(d.ExtraSections, design.ExtraSection{ID: sec.ID, Title: sec.Title, Text: text})
}

func summarizeTeam(d *design.Doc) string {
	if len(d.ExtraSections) == 0 {
		return "none answered"
	}
	titles := make([]string, len(d.ExtraSections))
	for i, e := range d.ExtraSections {
		titles[i] = cmp.Or(e.Title, e.ID)
	}
	return fmt.Sprintf("%s: %s", plural(len(titles), "section"), joinShort(titles, 3))
}
