package interview

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

var teamSections = []Section{
	{ID: "risks", Title: "Risks", Prompt: "What could go wrong?", Required: true},
	{ID: "costs", Title: "Costs"},
}

func asked(s *Script) []string {
	var out []string
	for _, l := range s.Log {
		if strings.HasPrefix(l, "? ") || strings.HasPrefix(l, "! ") || strings.HasPrefix(l, "\n── ") {
			out = append(out, l)
		}
	}
	return out
}

// TestTeamPhase asks the team's sections after the deep dives: a required
// one refuses an empty answer, an optional one may be skipped, and the
// answers keep the config's order and titles.
func TestTeamPhase(t *testing.T) {
	doc := filled()
	s := NewScript("", "", "Hot rooms overload a shard.", "")
	res, err := Run(s, doc, Options{Extra: teamSections, Sections: []string{"team_sections", "deep_dives"}})
	if err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	want := []string{
		"\n── 9/10 Deep dives ──",
		"? Deep dive 1 title (e.g. Generating unique codes at 1K/s; empty to finish)",
		"\n── 10/10 Team sections ──",
		"? What could go wrong?",
		"! Risks is required",
		"? What could go wrong?",
		"? Costs",
	}
	if got := asked(s); !slices.Equal(got, want) {
		t.Errorf("asked:\n%q\nwant:\n%q", got, want)
	}
	if want := []design.ExtraSection{{ID: "risks", Title: "Risks", Text: "Hot rooms overload a shard."}}; !reflect.DeepEqual(doc.ExtraSections, want) {
		t.Errorf("extra sections = %+v, want %+v", doc.ExtraSections, want)
	}
	if !slices.Contains(res.Touched, "extra_sections") {
		t.Errorf("Touched = %v, want extra_sections in it", res.Touched)
	}

	// Run again: costs is still unanswered, so only it is asked.
	s = NewScript("About $400 a month.")
	if _, err := Run(s, doc, Options{Extra: teamSections, Sections: []string{"team"}}); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if got := asked(s); !slices.Equal(got, []string{"\n── 10/10 Team sections ──", "? Costs"}) {
		t.Errorf("second run asked %q", got)
	}
	if len(doc.ExtraSections) != 2 || doc.ExtraSections[1].Text != "About $400 a month." {
		t.Errorf("extra sections = %+v", doc.ExtraSections)
	}

	// Editing: the current text is the default.
	s = NewScript("", "")
	if _, err := Run(s, doc, Options{Extra: teamSections, Sections: []string{"team"}, Edit: true}); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(doc.ExtraSections) != 2 || doc.ExtraSections[0].Text != "Hot rooms overload a shard." {
		t.Errorf("keeping the defaults changed the answers: %+v", doc.ExtraSections)
	}
}

// TestTeamPhaseNotConfigured checks the nine phases are unchanged without
// team sections, and asking for team_sections then is an error.
func TestTeamPhaseNotConfigured(t *testing.T) {
	if _, err := Run(NewScript(), filled(), Options{Sections: []string{"team_sections"}}); !errors.Is(err, errNoTeamSections) {
		t.Errorf("Run(team_sections) without extra sections = %v", err)
	}
	if _, err := LookupPhase("extra-sections"); err != nil {
		t.Errorf("LookupPhase(extra-sections): %v", err)
	}
	if _, err := LookupPhase("team_sectoins"); err == nil || !strings.Contains(err.Error(), `did you mean "team_sections"?`) {
		t.Errorf("LookupPhase(team_sectoins) = %v", err)
	}
}

// TestTeamPhaseReview checks the review screen lists the team phase and
// can re-open it.
func TestTeamPhaseReview(t *testing.T) {
	doc := &design.Doc{Title: "X", Slug: "x"}
	s := NewScript("Shards.", "", "Edit 10. Team sections", "Shards melt.", "$1", writeOption)
	if _, err := Run(s, doc, Options{Extra: teamSections, Sections: []string{"team_sections"}, Review: true}); err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	if !strings.Contains(strings.Join(s.Log, "\n"), "10. Team sections") {
		t.Errorf("review screen without the team phase:\n%s", strings.Join(s.Log, "\n"))
	}
	if len(doc.ExtraSections) != 2 || doc.ExtraSections[0].Text != "Shards melt." || doc.ExtraSections[1].Text != "$1" {
		t.Errorf("extra sections = %+v", doc.ExtraSections)
	}
}
