package interview

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// filled is a doc whose answers file already holds most phases.
func filled() *design.Doc {
	return &design.Doc{
		Version: 1, Title: "Chat", Slug: "chat", Summary: "Talk.", Authors: []string{"Bo"}, Status: design.StatusReview, Created: "2026-01-02",
		Keys: map[string]design.Pos{"status": {Line: 5, Column: 1}},
		Requirements: design.Requirements{
			Functional:    []design.Requirement{{Text: "Users should be able to send a message"}, {Text: "Users should be able to read history"}},
			NonFunctional: []design.NonFunctional{{Quality: "latency", Requirement: "p99 delivery < 200 ms"}},
		},
		Entities: []design.Entity{{Name: "Message", Description: "A message", Store: "Msg DB", Fields: []design.Field{{Name: "id", Type: "uuid"}},
			Relations: []design.Relation{{To: "Room", Kind: "n-1"}}}, {Name: "Room", Description: "A room", Fields: []design.Field{{Name: "id", Type: "uuid"}}}},
		API: design.API{Style: "rest", Realtime: "websockets", Endpoints: []design.Endpoint{{Method: "POST", Path: "/messages"}}},
		HighLevelDesign: design.HighLevelDesign{
			Components:  []design.Component{{Name: "Chat Service", Kind: "service", Technology: "Go", Responsibility: "fan-out", Serves: []int{1, 2}}, {Name: "Msg DB", Kind: "database", Technology: "Cassandra", Responsibility: "history"}},
			Connections: []design.Connection{{From: "Chat Service", To: "Msg DB", Label: "write"}},
		},
	}
}

func TestRunAsksOnlyUnanswered(t *testing.T) {
	doc := filled()
	want := filled()
	// Only the unanswered questions: out of scope, capacity (declined),
	// data flow (declined), the HLD notes and the deep dives.
	s := NewScript("", false, false, "", "")
	if _, err := Run(s, doc, Options{Today: "2026-12-02"}); err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	var asked []string
	for _, l := range s.Log {
		if strings.HasPrefix(l, "? ") {
			asked = append(asked, l)
		}
	}
	wantAsked := []string{
		"? Out of scope: what this design will not do (empty to finish)",
		"? Estimate capacity (QPS, bandwidth, storage, servers)?",
		"? Walk through the data flow step by step?",
		"? Notes on the design: the main choices and why (optional)",
		"? Deep dive 1 title (e.g. Generating unique codes at 1K/s; empty to finish)",
	}
	if !slices.Equal(asked, wantAsked) {
		t.Errorf("asked:\n%s\nwant:\n%s", strings.Join(asked, "\n"), strings.Join(wantAsked, "\n"))
	}
	for _, l := range s.Log {
		if strings.Contains(l, "Title & summary") || strings.Contains(l, "Core entities") {
			t.Errorf("a phase that asked nothing still showed its heading: %q", l)
		}
	}
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("answers already given changed:\n got %+v\nwant %+v", doc, want)
	}
}

func TestRunSections(t *testing.T) {
	doc := &design.Doc{Title: "X", Slug: "x"}
	s := NewScript("GraphQL is not an option", "graphql", "sse", "createLink", "MUTATION", "Create", "", "", "none", "")
	res, err := Run(s, doc, Options{Sections: []string{"deep_dives", "API"}})
	if err == nil {
		t.Fatal("a script that answers a select with text must fail")
	}
	// The same with valid answers: the phases run in interview order
	// whatever order --sections names them in.
	doc = &design.Doc{Title: "X", Slug: "x"}
	s = NewScript("graphql", "sse", "createLink", "MUTATION", "Create", "", "", "none", "", "Hot rooms", "scaling", "p", "s", "t", "")
	res, err = Run(s, doc, Options{Sections: []string{"deep-dives", "API"}})
	if err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	if doc.API.Style != "graphql" || doc.API.Realtime != "sse" || len(doc.API.Endpoints) != 1 || doc.API.Endpoints[0].Auth != "none" {
		t.Errorf("api = %+v", doc.API)
	}
	if len(doc.DeepDives) != 1 || doc.DeepDives[0].Title != "Hot rooms" {
		t.Errorf("deep dives = %+v", doc.DeepDives)
	}
	if !slices.Equal(res.Touched, []string{"api", "deep_dives"}) {
		t.Errorf("Touched = %v", res.Touched)
	}
	if doc.Requirements.Functional != nil || doc.Capacity != nil {
		t.Errorf("phases not named were asked: %+v", doc)
	}
	if _, err := PhasesFor([]string{"entitees"}); err == nil || !strings.Contains(err.Error(), `unknown section "entitees" (did you mean "entities"?)`) {
		t.Errorf("PhasesFor(entitees) = %v", err)
	}
}

func TestRunEditKeepsEditsAndDeletes(t *testing.T) {
	doc := filled()
	// Re-open the high-level design: keep Chat Service, rename Msg DB,
	// delete the connection, add none, leave the notes empty.
	s := NewScript(
		"",                                           // Component Chat Service: keep
		"edit", "History DB", "", "", "", []string{}, // Msg DB: rename, kind, tech, responsibility, serves
		"",       // no more components
		"delete", // the connection
		"",       // no more connections
		"",       // notes
	)
	if _, err := Run(s, doc, Options{Sections: []string{"high_level_design"}, Edit: true}); err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	h := doc.HighLevelDesign
	if h.Components[1].Name != "History DB" || h.Components[1].Technology != "Cassandra" {
		t.Errorf("component = %+v", h.Components[1])
	}
	if doc.Entities[0].Store != "History DB" {
		t.Errorf("the store was not renamed with its component: %q", doc.Entities[0].Store)
	}
	if len(h.Connections) != 0 {
		t.Errorf("connections = %+v", h.Connections)
	}

	// Deleting FR1 renumbers what each component serves.
	doc = filled()
	s = NewScript("", "Users should be able to read the history", "", "")
	if _, err := Run(s, doc, Options{Sections: []string{"requirements"}, Edit: true}); err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	if len(doc.Requirements.Functional) != 1 || doc.Requirements.Functional[0].Text != "Users should be able to read the history" {
		t.Errorf("functional = %+v", doc.Requirements.Functional)
	}
	if got := doc.HighLevelDesign.Components[0].Serves; !slices.Equal(got, []int{1}) {
		t.Errorf("serves after deleting FR1 = %v, want [1]", got)
	}

	// Deleting an entity drops the relations that point at it.
	doc = filled()
	s = NewScript("", "delete", "")
	if _, err := Run(s, doc, Options{Sections: []string{"entities"}, Edit: true}); err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	if len(doc.Entities) != 1 || len(doc.Entities[0].Relations) != 0 {
		t.Errorf("entities = %+v", doc.Entities)
	}
}

func TestRunInterruptedKeepsAConsistentDoc(t *testing.T) {
	// Stop at every question of the full run in turn: the doc must always
	// hold the answers so far and name only things that exist.
	for n := 0; n < len(fullRun); n++ {
		doc := &design.Doc{}
		s := NewScript(fullRun[:n]...)
		res, err := Run(s, doc, Options{Today: "2026-12-02", DefaultAuthor: "Ada", Review: true})
		if !errors.Is(err, ErrInterrupted) {
			t.Fatalf("stopped after %d answers: err = %v", n, err)
		}
		if res.Stopped == "" {
			t.Errorf("stopped after %d answers: no phase recorded", n)
		}
		if doc.Title == "" {
			doc.Title = "stopped before the title" // a partial file may lack one
		}
		if err := design.Validate(doc); err != nil {
			t.Errorf("stopped after %d answers in %s: %v", n, res.Stopped, err)
		}
	}
}

func TestRunResumeContinuesLists(t *testing.T) {
	doc := &design.Doc{Title: "X", Slug: "x", Summary: "S", Authors: []string{"A"}, Keys: map[string]design.Pos{"status": {}},
		Requirements: design.Requirements{Functional: []design.Requirement{{Text: "Users should be able to a"}}}}
	s := NewScript("Users should be able to b", "", "")
	if _, err := Run(s, doc, Options{Sections: []string{"title", "requirements"}, Resume: "requirements"}); err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	if len(doc.Requirements.Functional) != 2 {
		t.Errorf("functional = %+v", doc.Requirements.Functional)
	}
	if first := s.Log[slices.IndexFunc(s.Log, func(l string) bool { return strings.HasPrefix(l, "? ") })]; first != "? FR2 (empty to finish)" {
		t.Errorf("resume did not carry on at FR2: %v", s.Log)
	}
}

func TestGuessKind(t *testing.T) {
	for name, want := range map[string]string{
		"URL DB": "database", "Redirect Cache": "cache", "Mobile App": "client", "API Gateway": "gateway",
		"Fan-out Worker": "worker", "Media bucket": "blob-store", "Events Kafka": "stream", "Feed Service": "service",
		"Load balancer": "load-balancer", "Search": "search-index",
	} {
		if got := guessKind(name); got != want {
			t.Errorf("guessKind(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestRunResumeAsksLaterPhasesAfresh(t *testing.T) {
	// Stopped in the data flow after a step that named a new component:
	// the high-level design still asks for more components.
	doc := filled()
	doc.DataFlow = []design.Step{{From: "Chat Service", To: "Msg DB", Action: "write"}}
	s := NewScript("", "Presence", "", "", "", []string{}, "", "", "", "")
	if _, err := Run(s, doc, Options{Sections: []string{"data_flow", "high_level_design"}, Resume: "data_flow"}); err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	if n := len(doc.HighLevelDesign.Components); n != 3 || doc.HighLevelDesign.Components[2].Name != "Presence" {
		t.Errorf("components = %+v", doc.HighLevelDesign.Components)
	}
}

func TestCapacityShowsResultsAndAdjusts(t *testing.T) {
	doc := &design.Doc{Title: "X"}
	var reports []string
	report := func(c *design.Capacity) (string, error) {
		if c.DAU.Raw == "0" {
			return "", errors.New("dau: there must be at least 1 user")
		}
		r := "servers for " + c.DAU.Raw
		reports = append(reports, r)
		return r, nil
	}
	// A DAU the model refuses, then adjusted from the results screen.
	s := NewScript(true, "0", "", "", "", "", "", "", "", "", "", "dau", "10M", "go on")
	if _, err := Run(s, doc, Options{Sections: []string{"capacity"}, Capacity: report}); err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	if doc.Capacity.DAU.Raw != "10M" {
		t.Errorf("dau = %q", doc.Capacity.DAU.Raw)
	}
	if !slices.Contains(s.Log, "These inputs do not add up: dau: there must be at least 1 user") {
		t.Errorf("the bad inputs were not reported:\n%s", strings.Join(s.Log, "\n"))
	}
	if !slices.Equal(reports, []string{"servers for 10M"}) || !slices.Contains(s.Log, "servers for 10M") {
		t.Errorf("reports = %v", reports)
	}
}
