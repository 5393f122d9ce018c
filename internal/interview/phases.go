package interview

import (
	"fmt"
	"slices"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// Phase is one step of the interview, in the order of the delivery
// framework.
type Phase struct {
	Number  int
	ID      string // as given to --sections and --section
	Title   string
	Topic   string   // the guide topic behind its help
	Keys    []string // the answers-file keys it writes
	Aliases []string
	ask     func(*session) error
	summary func(*design.Doc) string
}

// Phases lists every phase in interview order.
var Phases = []Phase{
	{1, "title", "Title & summary", "framework", []string{"title", "slug", "summary", "authors", "status"}, []string{"summary"}, (*session).titlePhase, summarizeTitle},
	{2, "requirements", "Functional requirements", "requirements", []string{"requirements"}, []string{"functional", "fr"}, (*session).functionalPhase, summarizeFunctional},
	{3, "non_functional", "Non-functional requirements", "non-functional", []string{"requirements"}, []string{"non-functional", "nfr", "qualities"}, (*session).nonFunctionalPhase, summarizeNonFunctional},
	{4, "capacity", "Capacity estimation", "capacity", []string{"capacity"}, []string{"estimate", "estimation"}, (*session).capacityPhase, summarizeCapacity},
	{5, "entities", "Core entities", "entities", []string{"entities", "high_level_design"}, []string{"entity", "data-model"}, (*session).entitiesPhase, summarizeEntities},
	{6, "api", "API", "api", []string{"api"}, []string{"endpoints"}, (*session).apiPhase, summarizeAPI},
	{7, "data_flow", "Data flow", "data-flow", []string{"data_flow", "high_level_design"}, []string{"data-flow", "flow"}, (*session).dataFlowPhase, summarizeDataFlow},
	{8, "high_level_design", "High-level design", "high-level-design", []string{"high_level_design"}, []string{"high-level-design", "hld", "design", "architecture", "components"}, (*session).highLevelPhase, summarizeHighLevel},
	{9, "deep_dives", "Deep dives", "deep-dives", []string{"deep_dives"}, []string{"deep-dives", "deepdives"}, (*session).deepDivesPhase, summarizeDeepDives},
}

// PhaseIDs lists the phase ids in order.
func PhaseIDs() []string {
	ids := make([]string, len(Phases))
	for i, p := range Phases {
		ids[i] = p.ID
	}
	return ids
}

// LookupPhase finds a phase by id or alias, ignoring case.
func LookupPhase(name string) (Phase, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, p := range append(slices.Clone(Phases), TeamPhase) {
		if p.ID == n {
			return p, nil
		}
		for _, a := range p.Aliases {
			if a == n {
				return p, nil
			}
		}
	}
	hint := ""
	if s := design.Suggest(n, append(PhaseIDs(), TeamPhase.ID)); s != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	return Phase{}, fmt.Errorf("unknown section %q%s; the sections are %s, and %s for a team's own sections", name, hint, strings.Join(PhaseIDs(), ", "), TeamPhase.ID)
}

// PhasesFor returns the phases named, in interview order whatever order
// they were given in; no names means every phase.
func PhasesFor(names []string) ([]Phase, error) {
	if len(names) == 0 {
		return Phases, nil
	}
	want := map[string]bool{}
	for _, n := range names {
		p, err := LookupPhase(n)
		if err != nil {
			return nil, err
		}
		want[p.ID] = true
	}
	var out []Phase
	for _, p := range append(slices.Clone(Phases), TeamPhase) {
		if want[p.ID] {
			out = append(out, p)
		}
	}
	return out, nil
}
