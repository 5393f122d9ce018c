// Package practice is designdoc's mock-interview mode: the time budget of
// each phase, a clock-driven timer that shows the time left in every
// prompt, and the scorecard of a finished practice run.
package practice

import (
	"fmt"
	"time"
)

// DefaultMinutes is the length of a practice run unless told otherwise.
const DefaultMinutes = 45

// Phase is one timed phase of a practice run. Its id is a
// knowledge.ProblemPhases id.
type Phase struct {
	ID    string
	Title string
	// Minutes is the budget in a 45-minute run.
	Minutes int
	// Interview lists the interview phases whose time counts here.
	Interview []string
}

// Phases are the timed phases and their budgets for 45 minutes, as the
// spec gives them, with 3 minutes to spare. The title and summary, the
// non-functional requirements and the capacity estimate have no budget
// of their own: in the delivery framework they are part of the
// requirements, so their time comes out of its 5 minutes. (In practice
// the title and summary come from the problem, so they take none.)
var Phases = []Phase{
	{"requirements", "Requirements", 5, []string{"title", "requirements", "non_functional", "capacity"}},
	{"entities", "Core entities", 2, []string{"entities"}},
	{"api", "API", 5, []string{"api"}},
	{"data_flow", "Data flow", 5, []string{"data_flow"}},
	{"high_level_design", "High-level design", 15, []string{"high_level_design"}},
	{"deep_dives", "Deep dives", 10, []string{"deep_dives"}},
}

// spareMinutes is the part of a 45-minute run no phase is given.
const spareMinutes = 3

// PhaseOf returns the timed phase an interview phase's time counts
// towards, or "" for none.
func PhaseOf(interviewPhase string) string {
	for _, p := range Phases {
		for _, id := range p.Interview {
			if id == interviewPhase {
				return p.ID
			}
		}
	}
	return ""
}

// Plan is the budget of one run: each phase's share of the total.
type Plan struct {
	Minutes int
	Total   time.Duration
	Budgets map[string]time.Duration // by Phase.ID
	Spare   time.Duration
}

// NewPlan scales the 45-minute budgets to minutes, to the second.
func NewPlan(minutes int) (Plan, error) {
	if minutes < 5 || minutes > 600 {
		return Plan{}, fmt.Errorf("--minutes %d: a practice run takes 5 to 600 minutes", minutes)
	}
	p := Plan{Minutes: minutes, Total: time.Duration(minutes) * time.Minute, Budgets: map[string]time.Duration{}}
	scale := func(m int) time.Duration {
		return (time.Duration(m*minutes) * time.Minute / DefaultMinutes).Round(time.Second)
	}
	for _, ph := range Phases {
		p.Budgets[ph.ID] = scale(ph.Minutes)
	}
	p.Spare = scale(spareMinutes)
	return p, nil
}

// Budget is the time phase id may take.
func (p Plan) Budget(id string) time.Duration { return p.Budgets[id] }

// phaseTitle is the title of a timed phase.
func phaseTitle(id string) string {
	for _, p := range Phases {
		if p.ID == id {
			return p.Title
		}
	}
	return id
}

// clockString shows a duration as m:ss (or h:mm:ss), rounded down to the
// second.
func clockString(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
