package interview

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

// frPhrase is how every functional requirement starts.
const frPhrase = "Users should be able to "

func (s *session) functionalPhase() error {
	r := &s.doc.Requirements
	if s.edit {
		keepIdx := make([]int, 0, len(r.Functional)) // old 0-based index of each FR kept
		kept := r.Functional[:0:0]
		for i, fr := range r.Functional {
			v, err := s.p.Input(Prompt{
				Message: fmt.Sprintf("%s (clear the line to delete it)", design.FRID(i+1)),
				Prefill: fr.Text,
				Help:    knowledge.Help("requirements"),
			})
			if err != nil {
				// Keep the ones not reached yet, unchanged.
				for j := i; j < len(r.Functional); j++ {
					kept = append(kept, r.Functional[j])
					keepIdx = append(keepIdx, j)
				}
				s.renumberFRs(keepIdx)
				r.Functional = kept
				return err
			}
			if isBlankFR(v) {
				continue
			}
			kept = append(kept, design.Requirement{Text: v})
			keepIdx = append(keepIdx, i)
		}
		s.renumberFRs(keepIdx)
		r.Functional = kept
	}
	if s.asksGroup("functional") {
		for {
			n := len(r.Functional) + 1
			v, err := s.p.Input(Prompt{
				Message:  fmt.Sprintf("%s (empty to finish)", design.FRID(n)),
				Prefill:  frPhrase,
				Help:     knowledge.Help("requirements"),
				Validate: s.validateFR,
			})
			if err != nil {
				return err
			}
			if isBlankFR(v) {
				break
			}
			r.Functional = append(r.Functional, design.Requirement{Text: v})
		}
	}
	list, err := s.stringList("out_of_scope", r.OutOfScope, "Out of scope", "Out of scope: what this design will not do (empty to finish)",
		"Naming what you leave out keeps reviewers on what matters, e.g. \"analytics dashboards\" or \"account sign-up\".", &r.OutOfScope)
	r.OutOfScope = list
	return err
}

// validateFR insists on at least one functional requirement and that each
// says something beyond the phrase.
func (s *session) validateFR(v string) error {
	if isBlankFR(v) && len(s.doc.Requirements.Functional) == 0 {
		return fmt.Errorf("a design needs at least one functional requirement: what should users be able to do?")
	}
	return nil
}

// isBlankFR reports an answer with nothing beyond the pre-filled phrase.
func isBlankFR(v string) bool {
	v = strings.TrimSpace(v)
	return v == "" || strings.EqualFold(v, strings.TrimSpace(frPhrase))
}

// renumberFRs rewrites every serves list after functional requirements
// were deleted; keep holds the old 0-based index of each one kept.
func (s *session) renumberFRs(keep []int) {
	if len(keep) == len(s.doc.Requirements.Functional) {
		return
	}
	newNum := map[int]int{}
	for newIdx, old := range keep {
		newNum[old+1] = newIdx + 1
	}
	comps := s.doc.HighLevelDesign.Components
	for i := range comps {
		var serves []int
		for _, n := range comps[i].Serves {
			if m, ok := newNum[n]; ok {
				serves = append(serves, m)
			}
		}
		comps[i].Serves = serves
	}
}

// stringList edits and extends a list of plain strings: in edit mode each
// item can be changed or deleted, then more are asked until an empty
// answer. *live is kept up to date so an interruption loses nothing.
func (s *session) stringList(group string, items []string, label, addMessage, help string, live *[]string) ([]string, error) {
	out := slices.Clone(items)
	if s.edit {
		out = out[:0]
		for i, it := range items {
			*live = append(slices.Clone(out), items[i:]...)
			v, err := s.p.Input(Prompt{Message: fmt.Sprintf("%s %d (clear the line to delete it)", label, i+1), Prefill: it, Help: help})
			if err != nil {
				return *live, err
			}
			if v != "" {
				out = append(out, v)
			}
		}
		*live = out
	}
	if !s.asksGroup(group) {
		return out, nil
	}
	for {
		v, err := s.p.Input(Prompt{Message: addMessage, Help: help})
		if err != nil {
			return out, err
		}
		if v == "" {
			return out, nil
		}
		out = append(out, v)
		*live = out
	}
}

func summarizeFunctional(d *design.Doc) string {
	r := d.Requirements
	return fmt.Sprintf("%s, %s out of scope", plural(len(r.Functional), "functional requirement"), plural(len(r.OutOfScope), "item"))
}

// qualityExamples are concrete requirements of each quality, offered as
// the shape of a good answer.
var qualityExamples = map[string]string{
	"cap":             "availability over consistency for reads; writes strongly consistent",
	"availability":    "99.99% monthly availability for reads (4.4 min of downtime a month)",
	"scalability":     "grow to 10x today's peak by adding stateless nodes only",
	"latency":         "p99 read < 200 ms, p99 write < 500 ms",
	"throughput":      "sustain 5K writes/s and 50K reads/s at peak",
	"durability":      "0 acknowledged writes lost: 3 replicas before the ack (RPO 0)",
	"consistency":     "a user sees their own write at once, others within 5 s",
	"security":        "every request authenticated; data encrypted at rest and in transit",
	"fault-tolerance": "survive the loss of 1 availability zone with no manual step",
	"compliance":      "delete a user's personal data within 30 days of a request (GDPR)",
	"environment":     "usable on 3G mobile networks with 300 ms round trips",
	"other":           "state it so a reviewer could test it",
}

// numeric lists the qualities whose requirement should carry a number.
var numeric = map[string]bool{"availability": true, "scalability": true, "latency": true, "throughput": true,
	"durability": true, "consistency": true, "fault-tolerance": true, "environment": true}

func (s *session) nonFunctionalPhase() error {
	r := &s.doc.Requirements
	if !s.asksGroup("non_functional") {
		return nil
	}
	var current []string
	for _, nf := range r.NonFunctional {
		if !slices.Contains(current, nf.Quality) {
			current = append(current, nf.Quality)
		}
	}
	defaults := current
	if len(defaults) == 0 {
		defaults = []string{"cap", "latency", "scalability"}
	}
	chosen, err := s.p.MultiSelect(Choice{
		Message:  "Which qualities matter most? (space to tick, enter to go on)",
		Options:  design.Qualities,
		Defaults: defaults,
		Describe: topicSummary,
		Help:     knowledge.Help("non-functional"),
	})
	if err != nil {
		return err
	}
	// Requirements of qualities no longer ticked go; the others stay in
	// place, and each ticked quality gets at least one.
	kept := r.NonFunctional[:0:0]
	for _, nf := range r.NonFunctional {
		if slices.Contains(chosen, nf.Quality) {
			kept = append(kept, nf)
		}
	}
	r.NonFunctional = kept
	for _, q := range design.Qualities {
		if !slices.Contains(chosen, q) {
			continue
		}
		had := false
		for i := 0; i < len(r.NonFunctional); i++ {
			nf := &r.NonFunctional[i]
			if nf.Quality != q {
				continue
			}
			had = true
			if !s.edit {
				continue
			}
			v, err := s.p.Input(Prompt{
				Message:  fmt.Sprintf("%s requirement (clear the line to delete it)", q),
				Prefill:  nf.Requirement,
				Help:     knowledge.Help(q),
				Validate: nudgeNumber(q, true),
			})
			if err != nil {
				return err
			}
			if v == "" {
				r.NonFunctional = slices.Delete(r.NonFunctional, i, i+1)
				i--
				continue
			}
			nf.Requirement = v
		}
		if had {
			continue
		}
		v, err := s.p.Input(Prompt{
			Message:  fmt.Sprintf("%s requirement, e.g. %q", q, qualityExamples[q]),
			Help:     knowledge.Help(q),
			Validate: nudgeNumber(q, false),
		})
		if err != nil {
			return err
		}
		r.NonFunctional = append(r.NonFunctional, design.NonFunctional{Quality: q, Requirement: v})
	}
	return nil
}

// nudgeNumber asks for a number where a quality should have one: the
// first answer without a digit is turned back once with an example; the
// same answer typed again is accepted.
func nudgeNumber(quality string, allowEmpty bool) func(string) error {
	var warned string
	return func(v string) error {
		v = strings.TrimSpace(v)
		if v == "" {
			if allowEmpty {
				return nil
			}
			return fmt.Errorf("say what the system must achieve for %s, e.g. %q", quality, qualityExamples[quality])
		}
		if numeric[quality] && !strings.ContainsFunc(v, unicode.IsDigit) && v != warned {
			warned = v
			return fmt.Errorf("add a number a reviewer could test, e.g. %q (type the same answer again to keep it as it is)", qualityExamples[quality])
		}
		return nil
	}
}

func summarizeNonFunctional(d *design.Doc) string {
	var qs []string
	for _, nf := range d.Requirements.NonFunctional {
		if !slices.Contains(qs, nf.Quality) {
			qs = append(qs, nf.Quality)
		}
	}
	if len(qs) == 0 {
		return "none"
	}
	return fmt.Sprintf("%s (%s)", plural(len(d.Requirements.NonFunctional), "requirement"), strings.Join(qs, ", "))
}

// topicSummary describes an option by the guide topic of the same name.
func topicSummary(option string) string {
	t, err := knowledge.Lookup(option)
	if err != nil {
		return ""
	}
	return t.Summary
}

// plural writes "1 entity", "3 entities", "0 items".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	switch {
	case strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ey"):
		noun = noun[:len(noun)-1] + "ies"
	case strings.HasSuffix(noun, "s"):
		noun += "es"
	default:
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}
