package practice

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/designdoc-cli/designdoc/internal/check"
	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/interview"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

var start = time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)

func TestNewPlan(t *testing.T) {
	for _, tc := range []struct {
		minutes int
		want    map[string]time.Duration
		spare   time.Duration
	}{
		{45, map[string]time.Duration{"requirements": 5 * time.Minute, "entities": 2 * time.Minute, "api": 5 * time.Minute,
			"data_flow": 5 * time.Minute, "high_level_design": 15 * time.Minute, "deep_dives": 10 * time.Minute}, 3 * time.Minute},
		{30, map[string]time.Duration{"requirements": 200 * time.Second, "entities": 80 * time.Second, "api": 200 * time.Second,
			"data_flow": 200 * time.Second, "high_level_design": 10 * time.Minute, "deep_dives": 400 * time.Second}, 2 * time.Minute},
		{90, map[string]time.Duration{"requirements": 10 * time.Minute, "entities": 4 * time.Minute, "api": 10 * time.Minute,
			"data_flow": 10 * time.Minute, "high_level_design": 30 * time.Minute, "deep_dives": 20 * time.Minute}, 6 * time.Minute},
	} {
		p, err := NewPlan(tc.minutes)
		if err != nil {
			t.Fatal(err)
		}
		for id, want := range tc.want {
			if got := p.Budget(id); got != want {
				t.Errorf("%d minutes: %s = %v, want %v", tc.minutes, id, got, want)
			}
		}
		if p.Spare != tc.spare || p.Total != time.Duration(tc.minutes)*time.Minute {
			t.Errorf("%d minutes: spare %v, total %v", tc.minutes, p.Spare, p.Total)
		}
	}
	for _, bad := range []int{0, -5, 4, 601} {
		if _, err := NewPlan(bad); err == nil {
			t.Errorf("NewPlan(%d) accepted", bad)
		}
	}
	// Every interview phase's time goes somewhere.
	for _, id := range interview.PhaseIDs() {
		if PhaseOf(id) == "" {
			t.Errorf("interview phase %s counts towards no timed phase", id)
		}
	}
}

// ticking is a person who takes time over each question: the clock moves
// on by the next of steps while the question is asked. It records every
// question's help.
type ticking struct {
	interview.Prompter
	clock *ManualClock
	steps []time.Duration
	helps []string
}

func (k *ticking) tick(help string) {
	k.helps = append(k.helps, help)
	if len(k.steps) > 0 {
		k.clock.Advance(k.steps[0])
		k.steps = k.steps[1:]
	}
}

func (k *ticking) Input(p interview.Prompt) (string, error) {
	k.tick(p.Help)
	return k.Prompter.Input(p)
}
func (k *ticking) Select(c interview.Choice) (string, error) {
	k.tick(c.Help)
	return k.Prompter.Select(c)
}

// run answers the requirements and the API of a URL shortener, timed:
// two minutes for each requirements question (so the phase runs over
// before the out-of-scope items), ten seconds for each API question.
func run(t *testing.T, showTime bool) (*interview.Script, *Timer, *ticking, *design.Doc) {
	t.Helper()
	clock := NewManualClock(start)
	plan, err := NewPlan(45)
	if err != nil {
		t.Fatal(err)
	}
	timer := NewTimer(clock, plan)
	script := interview.NewScript(
		"Users should be able to create a short URL", "Users should be able to open a short URL", "",
		"Analytics", "",
		"", "", "/urls", "", "Create a short URL", "", "", "", "",
	)
	min2, s10 := 2*time.Minute, 10*time.Second
	person := &ticking{Prompter: script, clock: clock, steps: []time.Duration{min2, min2, min2, s10, s10, s10, s10, s10, s10, s10, s10, s10, s10, s10}}
	p := NewPrompter(person, timer, PrompterOptions{ShowTime: showTime, Hints: map[string][]string{"api": {"Redirect with a 302."}}})
	doc := &design.Doc{Title: "URL shortener", Slug: "url-shortener"}
	if _, err := interview.Run(p, doc, interview.Options{Sections: []string{"requirements", "api"}, OnPhase: timer.OnPhase}); err != nil {
		t.Fatalf("Run: %v\n%s", err, strings.Join(script.Log, "\n"))
	}
	timer.Stop()
	clock.Advance(time.Hour) // after Stop the clock no longer counts
	return script, timer, person, doc
}

func TestTimedPrompter(t *testing.T) {
	script, timer, person, _ := run(t, true)
	log := strings.Join(script.Log, "\n")
	for _, want := range []string{
		"? [Requirements 5:00 left] FR1 (empty to finish)",
		"? [Requirements 3:00 left] FR2 (empty to finish)",
		"? [Requirements 1:00 left] FR3 (empty to finish)",
		"⏰ Requirements is over its time: 6:00 of 5:00 used. Wrap up and move on when you are ready (an empty answer ends a list).\n? [Requirements 1:00 over] Out of scope",
		"? [Requirements 1:10 over] Out of scope",
		"? [API 5:00 left] API style",
		"? [API 4:50 left] Realtime channel to clients",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if n := strings.Count(log, "⏰"); n != 1 {
		t.Errorf("%d overrun warnings, want 1 (said once per phase):\n%s", n, log)
	}
	times := timer.Times()
	if times["requirements"] != 6*time.Minute+20*time.Second || times["api"] != 90*time.Second || times["entities"] != 0 {
		t.Errorf("times = %v, want requirements 6m20s, api 1m30s, the rest 0", times)
	}
	if el := timer.Elapsed(); el != 7*time.Minute+50*time.Second {
		t.Errorf("Elapsed = %v, want 7m50s (stopped)", el)
	}
	apiHelp := person.helps[5]
	if !strings.Contains(apiHelp, "Hints for this problem: Redirect with a 302.") {
		t.Errorf("the API help lacks the problem's hint: %q", apiHelp)
	}
	if strings.Contains(person.helps[0], "Hints for this problem") {
		t.Errorf("a requirements question shows the API's hint: %q", person.helps[0])
	}
}

func TestNoTimer(t *testing.T) {
	script, timer, _, _ := run(t, false)
	log := strings.Join(script.Log, "\n")
	if strings.Contains(log, "[Requirements") || strings.Contains(log, "⏰") {
		t.Errorf("--no-timer still shows the clock:\n%s", log)
	}
	if !strings.Contains(log, "? FR1 (empty to finish)") {
		t.Errorf("questions changed:\n%s", log)
	}
	if timer.Times()["requirements"] != 6*time.Minute+20*time.Second {
		t.Errorf("the timer stopped measuring: %v", timer.Times())
	}
}

// TestScoreDeterministic: the same answers and times give the same
// scorecard, and the time part follows the budgets.
func TestScoreDeterministic(t *testing.T) {
	_, timer, _, doc := run(t, true)
	problem, err := knowledge.LookupProblem("url-shortener")
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Doc: doc, Problem: problem, Plan: timer.Plan(), Times: timer.Times(), Findings: check.Run(doc, "u.designdoc.yaml", check.Options{})}
	a, b := Score(in), Score(in)
	if !bytes.Equal(a.JSON(), b.JSON()) || a.Text() != b.Text() {
		t.Fatal("two scorecards of the same input differ")
	}
	parts := map[string]Part{}
	for _, p := range a.Parts {
		parts[p.ID] = p
	}
	// Requirements: 380 s of 300 s scores 1 - 80/300; the other phases
	// are within budget. Weighted by budget over 2,520 s.
	if p := parts["time"]; p.Weight != 15 || p.Fraction != 0.968 || p.Points != 14.5 {
		t.Errorf("time part = %+v, want 15 × 0.968 = 14.5", p)
	}
	if p := parts["coverage"]; p.Weight != 45 {
		t.Errorf("coverage weight %d, want 45", p.Weight)
	}
	sum := 0.0
	for _, p := range a.Parts {
		sum += p.Points
	}
	if a.Total != int(sum+0.5) || a.Total <= 0 || a.Total >= 100 {
		t.Errorf("total %d from parts summing to %.1f", a.Total, sum)
	}
	req := a.Phases[0]
	if req.ID != "requirements" || req.UsedSeconds == nil || *req.UsedSeconds != 380 || !req.Over || req.BudgetSeconds != 300 {
		t.Errorf("requirements phase = %+v", req)
	}
	if it := req.Items[0]; it.Got != 2 || it.Want != 4 || !slices.Equal(it.Missing, []string{"Choose a custom alias", "Set an expiry"}) {
		t.Errorf("functional requirements item = %+v", it)
	}
	var decoded map[string]any
	if err := json.Unmarshal(a.JSON(), &decoded); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	for _, k := range []string{"problem", "minutes", "time_scored", "total", "out_of", "parts", "phases", "named", "findings", "notes"} {
		if _, ok := decoded[k]; !ok {
			t.Errorf("score JSON lacks %q", k)
		}
	}
	if !strings.Contains(a.Text(), "✗ Base62 encoding: designdoc guide scaling") {
		t.Errorf("the text does not point at the guide for a missed concept:\n%s", a.Text())
	}

	// Without the times, time is not scored and the weights say so.
	u := Score(Input{Doc: doc, Problem: problem, Plan: timer.Plan(), Findings: in.Findings})
	if u.TimeScored || u.Parts[0].Weight != 0 || u.Parts[1].Weight != 50 || u.Phases[0].UsedSeconds != nil || len(u.Notes) != 1 {
		t.Errorf("untimed scorecard: %+v", u)
	}
	if !strings.Contains(u.Text(), "? / 5:00") || !strings.Contains(u.Text(), "not scored") {
		t.Errorf("untimed text:\n%s", u.Text())
	}
}

// TestNamed: synonyms anywhere in the answers count; the problem
// statement in the summary and the out-of-scope items do not.
func TestNamed(t *testing.T) {
	problem, err := knowledge.LookupProblem("chat")
	if err != nil {
		t.Fatal(err)
	}
	doc := &design.Doc{
		Title:   "Chat",
		Summary: "Messages go over Kafka and Cassandra, says the prompt.",
		Requirements: design.Requirements{
			OutOfScope: []string{"Push notifications through APNs"},
		},
		API:             design.API{Realtime: "websockets"},
		HighLevelDesign: design.HighLevelDesign{Components: []design.Component{{Name: "Gateway", Kind: "service", Technology: "Go + WS"}}},
		DeepDives:       []design.DeepDive{{Concept: "consistency", Title: "Order", Solution: "a per-conversation sequence number; at-least-once delivery with dedupe"}},
	}
	got := map[string]string{}
	for _, n := range named(doc, problem) {
		if n.Named {
			got[n.Name] = n.As
		}
	}
	want := map[string]string{
		"Persistent realtime connection": "websocket",
		"Per-conversation ordering":      "sequence number",
		"Delivery acknowledgements":      "at-least-once",
	}
	if len(got) != len(want) {
		t.Errorf("named %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s named as %q, want %q", k, got[k], v)
		}
	}
}
