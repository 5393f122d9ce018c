package interview

import (
	"fmt"
	"strings"
)

// writeOption ends the review.
const writeOption = "Write the doc"

// summary is the review screen: one line per phase saying what was
// collected.
func (s *session) summary() string {
	var b strings.Builder
	b.WriteString("\nReview\n")
	for _, ph := range s.phases() {
		fmt.Fprintf(&b, "  %d. %-28s %s\n", ph.Number, ph.Title, ph.summary(s.doc))
	}
	return strings.TrimRight(b.String(), "\n")
}

// review shows what was collected and re-opens phases until the person
// chooses to write.
func (s *session) review() error {
	for {
		s.p.Say(s.summary())
		options := []string{writeOption}
		phases := s.phases()
		for _, ph := range phases {
			options = append(options, fmt.Sprintf("Edit %d. %s", ph.Number, ph.Title))
		}
		v, err := s.p.Select(Choice{
			Message: "Write the doc now, or re-open a phase?",
			Options: options,
			Default: writeOption,
			Help:    "Re-opening a phase asks its questions again with your answers as defaults; you come back here after it.",
		})
		if err != nil {
			return err
		}
		if v == writeOption {
			return nil
		}
		for i, o := range options[1:] {
			if o == v {
				if err := s.run(phases[i], true, false); err != nil {
					return stopped{phase: phases[i].ID, err: err}
				}
			}
		}
	}
}
