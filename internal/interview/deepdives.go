package interview

import (
	"fmt"
	"slices"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

func (s *session) deepDivesPhase() error {
	d := s.doc
	if s.edit {
		for i := 0; i < len(d.DeepDives); i++ {
			act, err := s.itemAction(fmt.Sprintf("Deep dive %q (%s)", d.DeepDives[i].Title, d.DeepDives[i].Concept))
			if err != nil {
				return err
			}
			switch act {
			case remove:
				d.DeepDives = slices.Delete(d.DeepDives, i, i+1)
				i--
			case change:
				if err := s.deepDive(i, true); err != nil {
					return err
				}
			}
		}
	}
	if !s.asksGroup("deep_dives") {
		return nil
	}
	for {
		v, err := s.p.Input(Prompt{
			Message: fmt.Sprintf("Deep dive %d title (e.g. Generating unique codes at 1K/s; empty to finish)", len(d.DeepDives)+1),
			Help:    knowledge.Help("deep-dives"),
		})
		if err != nil || v == "" {
			return err
		}
		d.DeepDives = append(d.DeepDives, design.DeepDive{Title: v})
		if err := s.deepDive(len(d.DeepDives)-1, false); err != nil {
			return err
		}
	}
}

func (s *session) deepDive(i int, edit bool) error {
	dd := &s.doc.DeepDives[i]
	if edit {
		v, err := s.p.Input(Prompt{Message: "Title", Default: dd.Title, Validate: required("a title")})
		if err != nil {
			return err
		}
		dd.Title = v
	}
	if edit || dd.Concept == "" {
		def := dd.Concept
		if def == "" {
			def = "scaling"
		}
		v, err := s.p.Select(Choice{
			Message:  "Core concept it is about",
			Options:  design.Concepts,
			Default:  def,
			Describe: topicSummary,
			Help:     knowledge.Help("deep-dives"),
		})
		if err != nil {
			return err
		}
		dd.Concept = v
	}
	questions := []struct {
		msg       string
		multiline bool
		dst       *string
	}{
		{"The problem: what breaks, at what scale (one line)", false, &dd.Problem},
		{"The solution: how it works, with numbers", true, &dd.Solution},
		{"Trade-offs: what it costs, what you rejected (one line)", false, &dd.Tradeoffs},
	}
	for _, q := range questions {
		if !edit && *q.dst != "" {
			continue
		}
		p := Prompt{Message: q.msg, Default: *q.dst, Help: knowledge.Help(dd.Concept)}
		var v string
		var err error
		if q.multiline {
			v, err = s.p.Multiline(p)
		} else {
			v, err = s.p.Input(p)
		}
		if err != nil {
			return err
		}
		*q.dst = v
	}
	return nil
}

func summarizeDeepDives(d *design.Doc) string {
	if len(d.DeepDives) == 0 {
		return "none"
	}
	titles := make([]string, len(d.DeepDives))
	for i, dd := range d.DeepDives {
		titles[i] = dd.Title
	}
	return fmt.Sprintf("%s: %s", plural(len(d.DeepDives), "deep dive"), joinShort(titles, 3))
}
