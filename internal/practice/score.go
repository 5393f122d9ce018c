package practice

import (
	"encoding/json"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/designdoc-cli/designdoc/internal/check"
	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

// Input is everything a scorecard is computed from. The same input
// always gives the same scorecard.
type Input struct {
	Doc     *design.Doc
	Problem knowledge.Problem
	Plan    Plan
	// Times is how long each phase took; nil when unknown (an answers
	// file scored after the fact), and then time is not scored.
	Times Times
	// Untimed marks a --no-timer run: the times are shown, not scored.
	Untimed bool
	// Findings are the linter's findings on Doc.
	Findings []check.Finding
}

// Scorecard is the result of a practice run: how the time went, how much
// of each phase was covered, which key concepts were named and what the
// linter found, with a total out of 100 and how it was made.
type Scorecard struct {
	Problem    ProblemRef      `json:"problem"`
	Minutes    int             `json:"minutes"`
	TimeScored bool            `json:"time_scored"`
	Total      int             `json:"total"`
	OutOf      int             `json:"out_of"`
	Parts      []Part          `json:"parts"`
	Phases     []PhaseScore    `json:"phases"`
	Named      []Named         `json:"named"`
	Findings   []check.Finding `json:"findings"`
	Notes      []string        `json:"notes"`
}

// ProblemRef names the problem practised.
type ProblemRef struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Difficulty string `json:"difficulty"`
}

// Part is one weighted part of the total: points = weight × fraction.
type Part struct {
	ID       string  `json:"id"` // time, coverage, concepts, linter
	Title    string  `json:"title"`
	Weight   int     `json:"weight"`
	Fraction float64 `json:"fraction"`
	Points   float64 `json:"points"`
}

// PhaseScore is the time and coverage of one timed phase.
type PhaseScore struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	BudgetSeconds int    `json:"budget_seconds"`
	// UsedSeconds is null when the time is unknown.
	UsedSeconds *int `json:"used_seconds"`
	Over        bool `json:"over"`
	// Weight is the phase's share of the coverage part, out of
	// CoverageWeights' total.
	Weight   int     `json:"weight"`
	Coverage float64 `json:"coverage"`
	Items    []Item  `json:"items"`
}

// Item is one thing a phase's coverage is judged on.
type Item struct {
	What     string  `json:"what"`
	Got      int     `json:"got"`
	Want     int     `json:"want"`
	Fraction float64 `json:"fraction"`
	// Kind says how to read Got and Want: "share" (Got of Want),
	// "at_least" (a count, Want or more is full marks) or "check" (done
	// or not).
	Kind    string   `json:"kind"`
	Missing []string `json:"missing,omitempty"`
}

// Named is one key concept or technology a strong answer names.
type Named struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"` // concept or technology
	Named bool   `json:"named"`
	// As is the word of the answer that named it.
	As    string `json:"as,omitempty"`
	Topic string `json:"topic,omitempty"`
}

// The weights of the total. Without known phase times, time is not
// scored and its 15 points go to the other parts.
var (
	TimedWeights   = map[string]int{"time": 15, "coverage": 45, "concepts": 25, "linter": 15}
	UntimedWeights = map[string]int{"time": 0, "coverage": 50, "concepts": 30, "linter": 20}
)

// CoverageWeights share the coverage part among the phases, out of 45.
var CoverageWeights = map[string]int{"requirements": 12, "entities": 5, "api": 7, "data_flow": 5, "high_level_design": 10, "deep_dives": 6}

// The linter part loses this fraction per finding, down to zero.
const (
	errorCost   = 0.3
	warningCost = 0.1
)

var partOrder = []struct{ id, title string }{
	{"time", "time per phase within budget"},
	{"coverage", "coverage of the phases"},
	{"concepts", "key concepts and technologies named"},
	{"linter", "linter findings"},
}

// Score computes the scorecard.
func Score(in Input) Scorecard {
	sc := Scorecard{
		Problem:    ProblemRef{in.Problem.ID, in.Problem.Title, in.Problem.Difficulty},
		Minutes:    in.Plan.Minutes,
		TimeScored: in.Times != nil && !in.Untimed,
		OutOf:      100,
		Findings:   in.Findings,
		Notes:      []string{},
	}
	if sc.Findings == nil {
		sc.Findings = []check.Finding{}
	}
	weights := TimedWeights
	switch {
	case in.Times == nil:
		weights = UntimedWeights
		sc.Notes = append(sc.Notes, "phase times are unknown (an answers file scored after the fact): time is not scored and its points go to the other parts")
	case in.Untimed:
		weights = UntimedWeights
		sc.Notes = append(sc.Notes, "an untimed run (--no-timer): the times are shown but not scored")
	}

	cov := coverage(in.Doc, in.Problem)
	covTotal, covWeights := 0.0, 0
	for _, ph := range Phases {
		ps := cov[ph.ID]
		ps.ID, ps.Title = ph.ID, ph.Title
		ps.BudgetSeconds = int(in.Plan.Budget(ph.ID) / time.Second)
		ps.Weight = CoverageWeights[ph.ID]
		if in.Times != nil {
			used := int(in.Times[ph.ID] / time.Second)
			ps.UsedSeconds = &used
			ps.Over = in.Times[ph.ID] > in.Plan.Budget(ph.ID)
		}
		covTotal += float64(ps.Weight) * ps.Coverage
		covWeights += ps.Weight
		sc.Phases = append(sc.Phases, ps)
	}

	sc.Named = named(in.Doc, in.Problem)
	n := 0
	for _, c := range sc.Named {
		if c.Named {
			n++
		}
	}

	e, w, _ := check.Count(in.Findings)
	fractions := map[string]float64{
		"time":     timeFraction(in.Times, in.Plan),
		"coverage": covTotal / float64(covWeights),
		"concepts": ratio(n, len(sc.Named)),
		"linter":   math.Max(0, 1-errorCost*float64(e)-warningCost*float64(w)),
	}
	sum := 0.0
	for _, p := range partOrder {
		part := Part{ID: p.id, Title: p.title, Weight: weights[p.id], Fraction: round(fractions[p.id], 3)}
		if !sc.TimeScored && p.id == "time" {
			part.Fraction = 0
		}
		part.Points = round(float64(part.Weight)*part.Fraction, 1)
		sum += part.Points
		sc.Parts = append(sc.Parts, part)
	}
	sc.Total = int(math.Round(sum))
	return sc
}

// JSON is the scorecard as <slug>.score.json holds it.
func (sc Scorecard) JSON() []byte {
	data, err := json.MarshalIndent(sc, "", "  ")
	if err != nil {
		panic(err) // plain data: cannot fail
	}
	return append(data, '\n')
}

// timeFraction weighs each phase's score by its budget: full marks
// within budget, falling to nothing at twice the budget.
func timeFraction(times Times, plan Plan) float64 {
	if times == nil {
		return 0
	}
	var got, total float64
	for _, ph := range Phases {
		b := plan.Budget(ph.ID).Seconds()
		if b <= 0 {
			continue
		}
		used := times[ph.ID].Seconds()
		s := 1.0
		if used > b {
			s = math.Max(0, 1-(used-b)/b)
		}
		got += b * s
		total += b
	}
	if total == 0 {
		return 0
	}
	return got / total
}

func coverage(d *design.Doc, p knowledge.Problem) map[string]PhaseScore {
	out := map[string]PhaseScore{}
	add := func(phase string, items ...Item) {
		ps := PhaseScore{Items: items}
		sum := 0.0
		for i := range ps.Items {
			it := &ps.Items[i]
			if it.Kind == "" {
				it.Kind = "share"
			}
			it.Fraction = round(math.Min(ratio(it.Got, it.Want), 1), 3)
			sum += it.Fraction
		}
		ps.Coverage = round(sum/float64(len(items)), 3)
		out[phase] = ps
	}
	frs := d.Requirements.Functional
	var frText []string
	for _, r := range frs {
		frText = append(frText, r.Text)
	}

	// Requirements.
	reached, missed := expected(words(strings.Join(frText, "\n")), p.Functional)
	have := map[string]bool{}
	quantified := 0
	for _, nf := range d.Requirements.NonFunctional {
		have[nf.Quality] = true
		if strings.ContainsFunc(nf.Requirement, unicode.IsDigit) {
			quantified++
		}
	}
	var qGot int
	var qMissed []string
	for _, q := range p.NonFunctional {
		// The CAP choice and consistency are the same decision.
		alt := map[string]string{"cap": "consistency", "consistency": "cap"}[q.Quality]
		if have[q.Quality] || alt != "" && have[alt] {
			qGot++
		} else {
			qMissed = append(qMissed, q.Quality+": "+q.Text)
		}
	}
	estimated := 0
	if d.Capacity != nil && d.Capacity.DAU.Set() {
		estimated = 1
	}
	add("requirements",
		Item{What: "expected functional requirements reached", Got: reached, Want: len(p.Functional), Missing: missed},
		Item{What: "qualities that matter here covered", Got: qGot, Want: len(p.NonFunctional), Missing: qMissed},
		Item{What: "non-functional requirements with a number", Got: quantified, Want: len(d.Requirements.NonFunctional)},
		Item{What: "capacity estimated", Got: estimated, Want: 1, Kind: "check"},
	)

	// Entities.
	var names []string
	withFields := 0
	for _, e := range d.Entities {
		names = append(names, e.Name)
		if len(e.Fields) > 0 {
			withFields++
		}
	}
	eGot, eMissed := expected(words(strings.Join(names, "\n")), p.Entities)
	add("entities",
		Item{What: "expected entities named", Got: eGot, Want: len(p.Entities), Missing: eMissed},
		Item{What: "entities with fields", Got: withFields, Want: len(d.Entities)},
	)

	// API.
	api := []Item{{What: "endpoints for the functional requirements", Got: len(d.API.Endpoints), Want: max(len(frs), 1), Kind: "at_least"}}
	if p.Realtime {
		rt := 0
		if d.API.Realtime != "" && d.API.Realtime != "none" {
			rt = 1
		}
		api = append(api, Item{What: "realtime channel to clients", Got: rt, Want: 1, Kind: "check"})
	}
	add("api", api...)

	// Data flow.
	add("data_flow", Item{What: "data-flow steps", Got: len(d.DataFlow), Want: 3, Kind: "at_least"})

	// High-level design.
	served := map[int]bool{}
	connected := map[string]bool{}
	withTech := 0
	for _, c := range d.HighLevelDesign.Components {
		for _, n := range c.Serves {
			served[n] = true
		}
		if strings.TrimSpace(c.Technology) != "" {
			withTech++
		}
	}
	for _, c := range d.HighLevelDesign.Connections {
		connected[c.From], connected[c.To] = true, true
	}
	var unserved []string
	servedN := 0
	for i := range frs {
		if served[i+1] {
			servedN++
		} else {
			unserved = append(unserved, design.FRID(i+1))
		}
	}
	inConn := 0
	for _, c := range d.HighLevelDesign.Components {
		if connected[c.Name] {
			inConn++
		}
	}
	comps := len(d.HighLevelDesign.Components)
	add("high_level_design",
		Item{What: "functional requirements served by a component", Got: servedN, Want: len(frs), Missing: unserved},
		Item{What: "components connected to the rest", Got: inConn, Want: comps},
		Item{What: "components with a technology", Got: withTech, Want: comps},
	)

	// Deep dives.
	complete := 0
	for _, dd := range d.DeepDives {
		if strings.TrimSpace(dd.Problem) != "" && strings.TrimSpace(dd.Solution) != "" && strings.TrimSpace(dd.Tradeoffs) != "" {
			complete++
		}
	}
	add("deep_dives",
		Item{What: "deep dives", Got: len(d.DeepDives), Want: 2, Kind: "at_least"},
		Item{What: "deep dives with problem, solution and trade-offs", Got: complete, Want: len(d.DeepDives)},
	)
	return out
}

// expected counts the terms text names and lists the names of the others.
func expected(t text, terms []knowledge.Term) (int, []string) {
	n := 0
	var missed []string
	for _, term := range terms {
		if t.firstMatch(term.Match) != "" {
			n++
		} else {
			missed = append(missed, term.Name)
		}
	}
	return n, missed
}

// named checks the problem's concepts and technologies against all of
// the answer text the candidate wrote. The title, the summary (in
// practice, the problem statement itself) and the out-of-scope items do
// not count: naming a thing there is not using it.
func named(d *design.Doc, p knowledge.Problem) []Named {
	t := words(AnswerText(d))
	var out []Named
	for _, l := range []struct {
		kind  string
		terms []knowledge.Term
	}{{"concept", p.Concepts}, {"technology", p.Technologies}} {
		for _, term := range l.terms {
			as := t.firstMatch(term.Match)
			out = append(out, Named{Name: term.Name, Kind: l.kind, Named: as != "", As: as, Topic: term.Topic})
		}
	}
	return out
}

// AnswerText is every answer of d in which a concept or technology can
// be named, one per line.
func AnswerText(d *design.Doc) string {
	var b strings.Builder
	add := func(ss ...string) {
		for _, s := range ss {
			if s = strings.TrimSpace(s); s != "" {
				b.WriteString(s)
				b.WriteByte('\n')
			}
		}
	}
	for _, r := range d.Requirements.Functional {
		add(r.Text)
	}
	for _, nf := range d.Requirements.NonFunctional {
		add(nf.Requirement)
	}
	for _, e := range d.Entities {
		add(e.Name, e.Description, e.Store)
		for _, f := range e.Fields {
			add(f.Name, f.Type, f.Note)
		}
		for _, r := range e.Relations {
			add(r.Label)
		}
	}
	add(d.API.Style, d.API.Realtime)
	for _, ep := range d.API.Endpoints {
		add(ep.Method+" "+ep.Path, ep.Summary, ep.Request, ep.Response, ep.Auth)
	}
	for _, s := range d.DataFlow {
		add(s.From, s.To, s.Action)
	}
	for _, c := range d.HighLevelDesign.Components {
		add(c.Name, c.Kind, c.Technology, c.Responsibility)
	}
	for _, c := range d.HighLevelDesign.Connections {
		add(c.Label)
	}
	add(d.HighLevelDesign.Notes)
	for _, dd := range d.DeepDives {
		add(dd.Concept, dd.Title, dd.Problem, dd.Solution, dd.Tradeoffs)
	}
	for _, a := range d.Alternatives {
		add(a.Title, a.WhyNot)
	}
	for i, q := range d.OpenQuestions {
		add(q, d.Resolution(i))
	}
	return b.String()
}

func ratio(n, of int) float64 {
	if of <= 0 {
		return 0
	}
	return float64(n) / float64(of)
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}
