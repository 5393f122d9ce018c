package knowledge

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// TestEmbeddedTopics parses every embedded topic: a malformed file fails
// here rather than panicking in a user's hands.
func TestEmbeddedTopics(t *testing.T) {
	if _, err := load(topicFiles, "topics"); err != nil {
		t.Fatal(err)
	}
}

// requiredIDs are the ids other packages refer to, by group.
var requiredIDs = map[string][]string{
	"Delivery framework":       {"framework", "requirements", "non-functional", "capacity", "entities", "api", "data-flow", "high-level-design", "deep-dives"},
	"Non-functional qualities": {"cap", "environment", "scalability", "latency", "durability", "fault-tolerance", "compliance", "availability", "throughput"},
	"Core concepts":            {"scaling", "consistency", "locking", "indexing", "communication", "security", "monitoring"},
	"Key technologies":         {"relational-databases", "nosql-databases", "blob-storage", "search-indexes", "api-gateways", "load-balancers", "queues", "streams", "caches", "cdns"},
}

func TestRequiredIDs(t *testing.T) {
	byID := map[string]Topic{}
	for _, tp := range Topics() {
		byID[tp.ID] = tp
	}
	for group, ids := range requiredIDs {
		for _, id := range ids {
			tp, ok := byID[id]
			if !ok {
				t.Errorf("topic %q is missing", id)
				continue
			}
			if tp.Group != group {
				t.Errorf("%s: group %q, want %q", id, tp.Group, group)
			}
		}
	}
}

func TestGroupsAndOrder(t *testing.T) {
	groups := Groups()
	if len(groups) != 4 {
		t.Fatalf("Groups() = %q, want 4 groups", groups)
	}
	topics := Topics()
	last := 0
	for _, tp := range topics {
		i := slices.Index(groups, tp.Group)
		if i < 0 {
			t.Errorf("%s: group %q is not in Groups()", tp.ID, tp.Group)
		}
		if i < last {
			t.Errorf("%s: group %q listed after a later group", tp.ID, tp.Group)
		}
		last = max(last, i)
	}
	for _, g := range groups {
		if !slices.ContainsFunc(topics, func(tp Topic) bool { return tp.Group == g }) {
			t.Errorf("group %q has no topics", g)
		}
	}
	if topics[0].ID != "framework" {
		t.Errorf("first topic is %q, want the framework overview", topics[0].ID)
	}
}

func TestNamesUnique(t *testing.T) {
	seen := map[string]string{}
	for _, tp := range Topics() {
		for _, name := range append([]string{tp.ID}, tp.Aliases...) {
			key := normalize(name)
			if other, dup := seen[key]; dup {
				t.Errorf("name %q of %s is also a name of %s", name, tp.ID, other)
			}
			seen[key] = tp.ID
		}
	}
}

var sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)

func TestFields(t *testing.T) {
	for _, tp := range Topics() {
		for name, v := range map[string]string{"ID": tp.ID, "Title": tp.Title, "Group": tp.Group, "Summary": tp.Summary, "Help": tp.Help, "Body": tp.Body} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %s is empty", tp.ID, name)
			}
		}
		if len(tp.Aliases) == 0 {
			t.Errorf("%s: no aliases", tp.ID)
		}
		if n := utf8.RuneCountInString(tp.Summary); n >= 80 {
			t.Errorf("%s: summary is %d characters, want < 80", tp.ID, n)
		}
		if strings.HasSuffix(tp.Summary, ".") || strings.ContainsAny(tp.Summary, "\n`*") {
			t.Errorf("%s: summary %q: want one plain line without a trailing period", tp.ID, tp.Summary)
		}
		if n := utf8.RuneCountInString(tp.Help); n > 500 {
			t.Errorf("%s: help is %d characters, want ≤ 500", tp.ID, n)
		}
		if strings.ContainsAny(tp.Help, "\n`*#") {
			t.Errorf("%s: help is not plain text: %q", tp.ID, tp.Help)
		}
		if n := len(sentenceEnd.FindAllString(tp.Help, -1)); n < 2 || n > 4 {
			t.Errorf("%s: help has %d sentences, want 2–4: %q", tp.ID, n, tp.Help)
		}
		if strings.HasPrefix(tp.Body, "# ") {
			t.Errorf("%s: body starts with a title heading; the title is its own field", tp.ID)
		}
	}
}

// sections returns the body text under each "## " heading.
func sections(body string) map[string]string {
	out := map[string]string{}
	var name string
	for _, line := range strings.Split(body, "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			name = h
			continue
		}
		if name != "" {
			out[name] += line + "\n"
		}
	}
	return out
}

func TestSections(t *testing.T) {
	want := map[string][]string{
		"Delivery framework": {"What to produce", "Common mistakes", "Time"},
		"Key technologies":   {"When to pick it", "What to say in a design"},
	}
	for _, tp := range Topics() {
		s := sections(tp.Body)
		for _, h := range want[tp.Group] {
			if strings.TrimSpace(s[h]) == "" {
				t.Errorf("%s: no %q section", tp.ID, h)
			}
		}
	}
}

// qualities are the non-functional quality names of the answers schema
// (all but "other"); each topic shows quantified example requirements.
var qualities = []string{"cap", "availability", "scalability", "latency", "throughput", "durability", "consistency", "security", "fault-tolerance", "compliance", "environment"}

// bullets returns the items of a Markdown list, continuation lines joined.
func bullets(text string) []string {
	var items []string
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "- "):
			items = append(items, strings.TrimPrefix(line, "- "))
		case strings.HasPrefix(line, "  ") && len(items) > 0:
			items[len(items)-1] += " " + strings.TrimSpace(line)
		}
	}
	return items
}

func TestQualityExamples(t *testing.T) {
	for _, q := range qualities {
		tp, err := Lookup(q)
		if err != nil {
			t.Errorf("quality %q: %v", q, err)
			continue
		}
		examples := bullets(sections(tp.Body)["Example requirements"])
		if len(examples) < 2 || len(examples) > 3 {
			t.Errorf("%s: %d example requirements, want 2–3", tp.ID, len(examples))
		}
		for _, ex := range examples {
			if !strings.ContainsAny(ex, "0123456789") {
				t.Errorf("%s: example requirement without a number: %q", tp.ID, ex)
			}
		}
	}
	for _, tp := range Topics() {
		if tp.Group == "Non-functional qualities" && !slices.Contains(qualities, tp.ID) {
			t.Errorf("%s: a quality topic that is not a quality of the answers schema", tp.ID)
		}
	}
}

// TestSchemaNames checks that the names the interview offers as choices
// lead to a topic.
func TestSchemaNames(t *testing.T) {
	want := map[string]string{
		// component kinds
		"client": "communication", "gateway": "api-gateways", "load-balancer": "load-balancers",
		"service": "scaling", "database": "relational-databases", "cache": "caches", "queue": "queues",
		"stream": "streams", "blob-store": "blob-storage", "search-index": "search-indexes",
		"cdn": "cdns", "worker": "queues",
		// deep-dive concepts
		"scaling": "scaling", "consistency": "consistency", "locking": "locking", "indexing": "indexing",
		"communication": "communication", "security": "security", "monitoring": "monitoring",
		// API styles and realtime channels
		"rest": "api", "graphql": "api", "grpc": "api",
		"long-polling": "communication", "sse": "communication", "websockets": "communication",
		// phases
		"requirements": "requirements", "capacity": "capacity", "entities": "entities", "api": "api",
		"data-flow": "data-flow", "high-level-design": "high-level-design", "deep-dives": "deep-dives",
	}
	for _, q := range qualities {
		want[q] = q
	}
	for name, id := range want {
		tp, err := Lookup(name)
		if err != nil {
			t.Errorf("Lookup(%q): %v", name, err)
		} else if tp.ID != id {
			t.Errorf("Lookup(%q) = %s, want %s", name, tp.ID, id)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, tt := range []struct{ name, id string }{
		{"caches", "caches"},
		{"cache", "caches"},
		{"Redis", "caches"},
		{"  CACHES  ", "caches"},
		{"sql", "relational-databases"},
		{"postgres", "relational-databases"},
		{"nosql", "nosql-databases"},
		{"DynamoDB", "nosql-databases"},
		{"s3", "blob-storage"},
		{"blob", "blob-storage"},
		{"elasticsearch", "search-indexes"},
		{"search", "search-indexes"},
		{"lb", "load-balancers"},
		{"kafka", "streams"},
		{"cdn", "cdns"},
		{"websockets", "communication"},
		{"SSE", "communication"},
		{"Fault tolerance", "fault-tolerance"},
		{"fault_tolerance", "fault-tolerance"},
		{"high level design", "high-level-design"},
		{"NFR", "non-functional"},
	} {
		tp, err := Lookup(tt.name)
		if err != nil {
			t.Errorf("Lookup(%q): %v", tt.name, err)
			continue
		}
		if tp.ID != tt.id {
			t.Errorf("Lookup(%q) = %s, want %s", tt.name, tp.ID, tt.id)
		}
	}
}

func TestNotFound(t *testing.T) {
	for _, tt := range []struct {
		name    string
		want    []string
		message string
	}{
		{"cachee", []string{"caches"}, `unknown topic "cachee" (did you mean "caches"?)`},
		{"consistancy", []string{"consistency"}, `unknown topic "consistancy" (did you mean "consistency"?)`},
		{"Lokcing", []string{"locking", "logging"}, ""},
		{"relat", []string{"relational-databases"}, ""},
		{"kafak", []string{"kafka"}, ""},
		{"qwertyuiop", nil, `unknown topic "qwertyuiop"`},
		{"", nil, `unknown topic ""`},
	} {
		_, err := Lookup(tt.name)
		var nf *NotFoundError
		if !errors.As(err, &nf) {
			t.Errorf("Lookup(%q): err = %v, want a *NotFoundError", tt.name, err)
			continue
		}
		if nf.Name != tt.name || !slices.Equal(nf.Suggestions, tt.want) {
			t.Errorf("Lookup(%q): %+v, want suggestions %q", tt.name, *nf, tt.want)
		}
		if tt.message != "" && err.Error() != tt.message {
			t.Errorf("Lookup(%q): message %q, want %q", tt.name, err, tt.message)
		}
	}
	// A short, common prefix matches many topics: at most three, closest first.
	_, err := Lookup("data")
	var nf *NotFoundError
	if !errors.As(err, &nf) || len(nf.Suggestions) == 0 || len(nf.Suggestions) > 3 {
		t.Fatalf("Lookup(data): %v", err)
	}
	if len(nf.Suggestions) == 3 && !strings.Contains(err.Error(), `", "`) && !strings.Contains(err.Error(), `" or "`) {
		t.Errorf("message %q does not list the suggestions", err)
	}
}

func TestNotFoundMessage(t *testing.T) {
	for _, tt := range []struct {
		s    []string
		want string
	}{
		{nil, `unknown topic "x"`},
		{[]string{"a"}, `unknown topic "x" (did you mean "a"?)`},
		{[]string{"a", "b"}, `unknown topic "x" (did you mean "a" or "b"?)`},
		{[]string{"a", "b", "c"}, `unknown topic "x" (did you mean "a", "b" or "c"?)`},
	} {
		if got := (&NotFoundError{Name: "x", Suggestions: tt.s}).Error(); got != tt.want {
			t.Errorf("%q: %s, want %s", tt.s, got, tt.want)
		}
	}
}

func TestHelp(t *testing.T) {
	caches, err := Lookup("caches")
	if err != nil {
		t.Fatal(err)
	}
	if got := Help("redis"); got != caches.Help {
		t.Errorf("Help(redis) = %q, want the caches help", got)
	}
	if got := Help("no-such-topic"); got != "" {
		t.Errorf("Help(no-such-topic) = %q, want empty", got)
	}
}

// TestSeeAlso checks that every topic a body points to exists.
func TestSeeAlso(t *testing.T) {
	ref := regexp.MustCompile("`([a-z-]+)`")
	for _, tp := range Topics() {
		for _, line := range strings.Split(tp.Body, "\n") {
			rest, ok := strings.CutPrefix(line, "See also: ")
			if !ok {
				continue
			}
			refs := ref.FindAllStringSubmatch(rest, -1)
			if len(refs) == 0 {
				t.Errorf("%s: empty See also line", tp.ID)
			}
			for _, m := range refs {
				if got, err := Lookup(m[1]); err != nil || got.ID != m[1] {
					t.Errorf("%s: See also %q is not a topic id", tp.ID, m[1])
				}
			}
		}
	}
}

// TestTopicsIsACopy checks that callers cannot change the guide.
func TestTopicsIsACopy(t *testing.T) {
	a := Topics()
	a[0].Aliases[0] = "changed"
	a[0].Title = "changed"
	b := Topics()
	if b[0].Aliases[0] == "changed" || b[0].Title == "changed" {
		t.Error("changing the result of Topics changed the guide")
	}
}

func TestParseErrors(t *testing.T) {
	const good = "---\nid: x\ntitle: X\ngroup: Core concepts\nsummary: An x\naliases: y, z\nhelp: One. Two.\n---\nBody.\n"
	if tp, err := parseTopic("01-x.md", []byte(good)); err != nil {
		t.Fatalf("good topic: %v", err)
	} else if !slices.Equal(tp.Aliases, []string{"y", "z"}) || tp.Body != "Body.\n" {
		t.Errorf("good topic parsed as %+v", tp)
	}
	if _, err := parseTopic("01-x.md", []byte(strings.ReplaceAll(good, "\n", "\r\n"))); err != nil {
		t.Errorf("CRLF topic: %v", err)
	}
	for _, tt := range []struct{ file, data, want string }{
		{"01-x.md", "id: x\n", "does not start with a --- line"},
		{"01-x.md", "---\nid: x\n", "no closing --- line"},
		{"01-x.md", strings.Replace(good, "title: X", "title X", 1), `line 3: want "key: value"`},
		{"01-x.md", strings.Replace(good, "title: X", "colour: red", 1), `unknown key "colour"`},
		{"01-x.md", strings.Replace(good, "title: X", "id: x", 1), "id given twice"},
		{"01-x.md", strings.Replace(good, "summary: An x", "summary:", 1), "summary is missing or empty"},
		{"01-x.md", strings.Replace(good, "Body.\n", "\n", 1), "body is missing or empty"},
		{"01-y.md", good, `id "x" does not match the file name`},
		{"x.md", good, `does not match the file name`},
		{"01-x.md", strings.Replace(good, "Core concepts", "Misc", 1), `unknown group "Misc"`},
		{"01-x.md", strings.Replace(good, "An x", "An x.", 1), "summary ends with a period"},
		{"01-x.md", strings.Replace(good, "An x", strings.Repeat("a", 80), 1), "summary is 80 characters"},
		{"01-x.md", strings.Replace(good, "One. Two.", strings.Repeat("a", 501), 1), "help is 501 characters"},
		{"01-x.md", good + "\xff", "not valid UTF-8"},
	} {
		_, err := parseTopic(tt.file, []byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), tt.file+": ") {
			t.Errorf("%q: err = %v, want %q", tt.data, err, tt.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	topic := func(id, aliases string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\nid: " + id + "\ntitle: T\ngroup: Core concepts\nsummary: S\naliases: " + aliases + "\nhelp: H. H.\n---\nB\n")}
	}
	_, err := load(fstest.MapFS{
		"t/01-a.md": topic("a", "shared"),
		"t/02-b.md": topic("b", "Shared, a"),
		"t/03-c.md": {Data: []byte("nonsense")},
	}, "t")
	for _, want := range []string{`b: name "Shared" is already used by topic a`, `b: name "a" is already used by topic a`, "03-c.md: does not start"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to contain %q", err, want)
		}
	}
	if _, err := load(fstest.MapFS{"t/README": {}}, "t"); err == nil || !strings.Contains(err.Error(), "no topics") {
		t.Errorf("empty dir: err = %v", err)
	}
}
