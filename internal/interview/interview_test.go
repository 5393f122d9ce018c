package interview

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// fullRun answers every phase of a fresh interview, with a few mistakes a
// person makes on the way.
var fullRun = []any{
	// Title & summary
	"URL shortener", "Teams need short links.", "", "",
	// Functional requirements: an empty first answer is refused.
	"", "Users should be able to create a short URL", "Users should be able to open a short URL", "",
	"Analytics", "",
	// Non-functional: latency without a number is nudged once; durability
	// typed twice without one is kept.
	[]string{"latency", "durability"}, "fast", "p99 redirect < 100 ms", "no lost links", "no lost links",
	// Capacity: DAU is required and must parse.
	true, "", "12 bananas", "100M", "", "0.1", "", "500B", "3", "", "", "", "",
	// Entities: a new store, a field, a relation to an entity not yet described.
	"URL", "A short code mapped to a long URL", newOption, "URL DB", "",
	"code", "", "primary key", "",
	newOption, "URL", "User", "n-1", "created by", "",
	"A person who creates links", "URL DB", "", "",
	"",
	// API
	"", "", "/urls", "", "Create a short URL", "", "", "", "",
	// Data flow: two new components on the way.
	true, "POST /urls", newOption, "Client", "", newOption, "URL Service", "",
	"INSERT code", "", "URL DB", "",
	// High-level design: the three components named so far get their details.
	"", "Stores URLs", []string{},
	"Browser", "Calls the API",
	"Go", "Creates and resolves codes", []string{"FR1 Users should be able to create a short URL", "FR2 Users should be able to open a short URL"},
	"", true, "", "",
	// Deep dives
	"Unique codes", "", "collisions between pods", "counter blocks", "gaps in the code space", "",
	// Review: re-open the API, keep everything, then write.
	"Edit 6. API", "", "", "", "", "",
}

func TestRunFullInterview(t *testing.T) {
	doc := &design.Doc{}
	s := NewScript(fullRun...)
	res, err := Run(s, doc, Options{Today: "2026-12-02", DefaultAuthor: "Ada Lovelace", Review: true})
	if err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, strings.Join(s.Log, "\n"))
	}
	if len(s.Answers) != 0 {
		t.Errorf("%d answers left over: %v", len(s.Answers), s.Answers)
	}
	if res.Stopped != "" {
		t.Errorf("Stopped = %q, want finished", res.Stopped)
	}
	rejected := 0
	for _, l := range s.Log {
		if strings.HasPrefix(l, "! ") {
			rejected++
		}
	}
	if res.Asked != s.Asked-rejected {
		t.Errorf("Asked = %d, the script saw %d questions and %d rejected answers", res.Asked, s.Asked, rejected)
	}
	check := func(what string, got, want any) {
		t.Helper()
		if !equal(got, want) {
			t.Errorf("%s = %#v, want %#v", what, got, want)
		}
	}
	check("title", doc.Title, "URL shortener")
	check("slug", doc.Slug, "url-shortener")
	check("authors", doc.Authors, []string{"Ada Lovelace"})
	check("status", doc.Status, design.StatusDraft)
	check("created", doc.Created, "2026-12-02")
	check("functional", len(doc.Requirements.Functional), 2)
	check("out of scope", doc.Requirements.OutOfScope, []string{"Analytics"})
	check("non-functional", doc.Requirements.NonFunctional, []design.NonFunctional{
		{Quality: "latency", Requirement: "p99 redirect < 100 ms"}, {Quality: "durability", Requirement: "no lost links"}})
	check("dau", doc.Capacity.DAU.Raw, "100M")
	check("reads default", doc.Capacity.ReadsPerUser.Raw, "10")
	check("cache default", doc.Capacity.CacheFraction.Raw, "0.2")
	check("entities", len(doc.Entities), 2)
	check("URL store", doc.Entities[0].Store, "URL DB")
	check("URL fields", doc.Entities[0].Fields, []design.Field{{Name: "code", Type: "string", Note: "primary key"}})
	check("URL relations", doc.Entities[0].Relations, []design.Relation{{To: "User", Kind: "n-1", Label: "created by"}})
	check("User", doc.Entities[1].Description, "A person who creates links")
	check("api", doc.API.Style+" "+doc.API.Realtime, "rest none")
	check("endpoints", doc.API.Endpoints, []design.Endpoint{{Method: "POST", Path: "/urls", Summary: "Create a short URL", Auth: "bearer"}})
	check("flow", doc.DataFlow, []design.Step{{From: "Client", To: "URL Service", Action: "POST /urls"}, {From: "URL Service", To: "URL DB", Action: "INSERT code"}})
	comps := doc.HighLevelDesign.Components
	check("components", len(comps), 3)
	check("URL DB", comps[0], design.Component{Name: "URL DB", Kind: "database", Technology: "PostgreSQL", Responsibility: "Stores URLs"})
	check("Client kind", comps[1].Kind, "client")
	check("URL Service serves", comps[2].Serves, []int{1, 2})
	check("connections (implied by the flow)", doc.HighLevelDesign.Connections, []design.Connection{
		{From: "Client", To: "URL Service", Label: "POST /urls"}, {From: "URL Service", To: "URL DB", Label: "INSERT code"}})
	check("deep dives", doc.DeepDives, []design.DeepDive{{Concept: "scaling", Title: "Unique codes", Problem: "collisions between pods", Solution: "counter blocks", Tradeoffs: "gaps in the code space"}})
	if err := design.Validate(doc); err != nil {
		t.Errorf("the interview left an inconsistent doc: %v", err)
	}

	for _, msg := range []string{
		"! a design needs at least one functional requirement: what should users be able to do?",
		`! add a number a reviewer could test, e.g. "p99 read < 200 ms, p99 write < 500 ms" (type the same answer again to keep it as it is)`,
		"! the number of daily active users is required",
		"! there is already an entity named \"URL\"; give this one another name",
		"Entity User was named in a relation; describe it.",
	} {
		if !slices.Contains(s.Log, msg) {
			t.Errorf("log lacks %q", msg)
		}
	}
	if !slices.ContainsFunc(s.Log, func(l string) bool { return strings.HasPrefix(l, `! 12 bananas: unknown suffix`) }) {
		t.Errorf("the bad DAU was not refused with its own message; log:\n%s", strings.Join(s.Log, "\n"))
	}
	review := s.Log[slices.IndexFunc(s.Log, func(l string) bool { return strings.HasPrefix(l, "\nReview") })]
	for _, want := range []string{"2 functional requirements, 1 item out of scope", "2 entities: URL, User", "3 components, 2 connections", "1 deep dive: Unique codes"} {
		if !strings.Contains(review, want) {
			t.Errorf("review screen lacks %q:\n%s", want, review)
		}
	}
}

func equal(a, b any) bool { return reflect.DeepEqual(a, b) }
