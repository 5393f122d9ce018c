package interview

import (
	"fmt"
	"slices"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

func (s *session) dataFlowPhase() error {
	d := s.doc
	if s.edit {
		for i := 0; i < len(d.DataFlow); i++ {
			st := d.DataFlow[i]
			act, err := s.itemAction(fmt.Sprintf("Step %d: %s → %s: %s", i+1, st.From, st.To, st.Action))
			if err != nil {
				return err
			}
			switch act {
			case remove:
				d.DataFlow = slices.Delete(d.DataFlow, i, i+1)
				i--
			case change:
				if err := s.step(i, true); err != nil {
					return err
				}
			}
		}
	}
	if !s.asksGroup("data_flow") {
		return nil
	}
	if len(d.DataFlow) == 0 && !s.edit {
		want, err := s.p.Confirm(YesNo{Message: "Walk through the data flow step by step?", Default: true, Help: knowledge.Help("data-flow")})
		if err != nil || !want {
			return err
		}
	}
	for {
		v, err := s.p.Input(Prompt{
			Message: fmt.Sprintf("Step %d: what happens? (e.g. POST /items, cache lookup; empty to finish)", len(d.DataFlow)+1),
			Help:    knowledge.Help("data-flow"),
		})
		if err != nil || v == "" {
			return err
		}
		d.DataFlow = append(d.DataFlow, design.Step{Action: v})
		if err := s.step(len(d.DataFlow)-1, false); err != nil {
			if last := d.DataFlow[len(d.DataFlow)-1]; last.From == "" || last.To == "" {
				d.DataFlow = d.DataFlow[:len(d.DataFlow)-1]
			}
			return err
		}
	}
}

// step asks the two ends of step i; the defaults follow the previous step
// so a request travelling through the system takes one Enter per hop.
func (s *session) step(i int, edit bool) error {
	d := s.doc
	if edit {
		v, err := s.p.Input(Prompt{Message: "What happens?", Default: d.DataFlow[i].Action, Validate: required("an action")})
		if err != nil {
			return err
		}
		d.DataFlow[i].Action = v
	}
	from, to := d.DataFlow[i].From, d.DataFlow[i].To
	if from == "" && i > 0 {
		from = d.DataFlow[i-1].To
	}
	f, err := s.pickComponent(pick{message: fmt.Sprintf("Step %d from", i+1), def: from, kind: "client", help: knowledge.Help("data-flow")})
	if err != nil {
		return err
	}
	if to == "" {
		to = s.nextComponent(f)
	}
	t, err := s.pickComponent(pick{message: fmt.Sprintf("Step %d to", i+1), def: to, help: knowledge.Help("data-flow")})
	if err != nil {
		return err
	}
	d.DataFlow[i].From, d.DataFlow[i].To = f, t
	return nil
}

// nextComponent is the component listed after name, as a guess for where a
// request goes next.
func (s *session) nextComponent(name string) string {
	names := s.componentNames()
	i := slices.Index(names, name)
	if i >= 0 && i+1 < len(names) {
		return names[i+1]
	}
	return ""
}

func summarizeDataFlow(d *design.Doc) string {
	return plural(len(d.DataFlow), "step")
}
