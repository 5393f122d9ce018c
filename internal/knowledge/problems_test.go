package knowledge

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestEmbeddedProblems parses the bank and checks what the practice mode
// relies on: the classic problems are there and every guide pointer
// resolves.
func TestEmbeddedProblems(t *testing.T) {
	b, err := parseProblems(problemFiles, "problems")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.problems) < 15 {
		t.Errorf("%d problems, want at least 15", len(b.problems))
	}
	for _, id := range []string{"url-shortener", "news-feed", "chat", "file-sync", "video-streaming", "ticket-booking",
		"ride-sharing", "proximity-search", "web-crawler", "rate-limiter", "collaborative-editor", "leaderboard",
		"ad-click-aggregation", "notification-service", "distributed-cache"} {
		if _, err := LookupProblem(id); err != nil {
			t.Errorf("LookupProblem(%q): %v", id, err)
		}
	}
	for _, p := range b.problems {
		for _, list := range [][]Term{p.Concepts, p.Technologies} {
			for _, term := range list {
				if term.Topic == "" {
					t.Errorf("%s: %q has no guide topic", p.ID, term.Name)
					continue
				}
				if _, err := Lookup(term.Topic); err != nil {
					t.Errorf("%s: %q points at %v", p.ID, term.Name, err)
				}
			}
		}
		if len(p.Hints) != len(ProblemPhases) {
			t.Errorf("%s: hints for %d phases, want all %d", p.ID, len(p.Hints), len(ProblemPhases))
		}
		if p.Realtime != slices.ContainsFunc(p.Concepts, func(c Term) bool { return c.Topic == "communication" && slices.Contains(c.Match, "websocket") }) &&
			p.ID != "file-sync" {
			t.Errorf("%s: realtime %v, but its concepts say otherwise", p.ID, p.Realtime)
		}
	}
	if !slices.IsSorted(ProblemIDs()) {
		t.Errorf("ProblemIDs() = %q, want id order", ProblemIDs())
	}
}

func TestLookupProblem(t *testing.T) {
	for _, tc := range []struct {
		name, want string
	}{
		{"url-shortener", "url-shortener"},
		{"URL Shortener", "url-shortener"},
		{"bitly", "url-shortener"},
		{"  whatsapp ", "chat"},
		{"top_k", "leaderboard"},
	} {
		p, err := LookupProblem(tc.name)
		if err != nil || p.ID != tc.want {
			t.Errorf("LookupProblem(%q) = %q, %v; want %q", tc.name, p.ID, err, tc.want)
		}
	}
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"url-shortner", []string{"url-shortener"}},
		{"shortener", []string{"url-shortener"}},
		{"chatt", []string{"chat"}},
		{"qwertyuiop", nil},
	} {
		_, err := LookupProblem(tc.name)
		var nf *ProblemNotFoundError
		if !errors.As(err, &nf) {
			t.Fatalf("LookupProblem(%q) = %v, want a *ProblemNotFoundError", tc.name, err)
		}
		if !slices.Equal(nf.Suggestions, tc.want) {
			t.Errorf("LookupProblem(%q) suggests %q, want %q", tc.name, nf.Suggestions, tc.want)
		}
	}
	_, err := LookupProblem("url-shortner")
	if want := `unknown problem "url-shortner" (did you mean "url-shortener"?)`; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

// TestProblemsAreCopies: a caller changing its copy leaves the bank as it was.
func TestProblemsAreCopies(t *testing.T) {
	p := Problems()[0]
	p.Concepts[0].Match[0] = "changed"
	p.Hints["api"] = nil
	q := Problems()[0]
	if q.Concepts[0].Match[0] == "changed" || q.Hints["api"] == nil {
		t.Error("Problems() shares its slices or maps with the bank")
	}
}

func TestParseProblemErrors(t *testing.T) {
	good := `id: p
title: P
difficulty: easy
prompt: Design P.
hints: {api: [a hint]}
functional: [{name: a, match: [a]}, {name: b, match: [b]}, {name: c, match: [c]}]
non_functional: [{quality: latency, text: fast}, {quality: cap, text: ap}]
capacity: [qps, storage]
entities: [{name: A, match: [a]}, {name: B, match: [b]}]
concepts: [{name: a, match: [a]}, {name: b, match: [b]}, {name: c, match: [c]}]
technologies: [{name: a, match: [a]}, {name: b, match: [b]}]
`
	if _, err := parseProblems(fstest.MapFS{"d/p.yaml": {Data: []byte(good)}}, "d"); err != nil {
		t.Fatalf("a complete problem: %v", err)
	}
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"unknown field", "capacity:", "extra: 1\ncapacity:", "field extra not found"},
		{"id and file", "id: p", "id: q", "does not match the file name"},
		{"difficulty", "difficulty: easy", "difficulty: trivial", `difficulty "trivial"`},
		{"phase", "hints: {api:", "hints: {apis:", `unknown phase "apis"`},
		{"quality", "quality: latency", "quality: speed", `quality "speed"`},
		{"empty match", "{name: B, match: [b]}", "{name: B, match: []}", "needs a name and at least one match"},
		{"too few", "{name: c, match: [c]}]\nnon", "]\nnon", "functional has 2 items, want at least 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(good, tc.old, tc.new, 1)
			if data == good {
				t.Fatalf("the edit %q changes nothing", tc.old)
			}
			_, err := parseProblems(fstest.MapFS{"d/p.yaml": {Data: []byte(data)}}, "d")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}
