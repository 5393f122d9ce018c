package design

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// minimal is the smallest valid answers file; cases add to it.
const minimal = "designdoc: 1\ntitle: T\n"

func TestParseValid(t *testing.T) {
	doc, err := Parse("a.yaml", []byte(`designdoc: 1
title: URL shortener
summary: Short links.
authors: [Ada]
status: review
created: 2026-11-23
number: 7
requirements:
  functional:
    - Users should be able to shorten a URL
    - Users should be able to follow a short URL
  out_of_scope: [analytics]
  non_functional:
    - {quality: latency, requirement: "p99 < 100 ms"}
capacity:
  dau: 100M
  reads_per_user: 10
  writes_per_user: 0.1
  read_size: 1KB
  write_size: 500B
  peak_factor: 3
  retention: 5y
  replication: 3
  cache_fraction: 0.2
  server_rps: 2K
entities:
  - name: URL
    store: URL DB
    fields: [{name: code, type: string, note: primary key}]
    relations: [{to: User, kind: n-1, label: created by}]
  - name: User
api:
  endpoints:
    - {method: post, path: /urls}
  style: rest
  realtime: none
data_flow:
  - {from: Client, to: URL DB, action: write}
high_level_design:
  components:
    - {name: Client, kind: client, serves: [FR1, fr2]}
    - {name: URL DB, kind: database}
  connections:
    - {from: Client, to: URL DB}
  notes: n
deep_dives:
  - {concept: scaling, title: Hot keys, problem: p, solution: s, tradeoffs: t}
extra_sections:
  - {id: risks, title: Risks, text: The cache may fall over.}
alternatives: [{title: Hashing, why_not: collisions}]
open_questions: ["Custom domains?"]
`))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Slug != "url-shortener" {
		t.Errorf("slug = %q, want derived url-shortener", doc.Slug)
	}
	if doc.Status != StatusReview || doc.Number != 7 || doc.Created != "2026-11-23" {
		t.Errorf("status/number/created = %q/%d/%q", doc.Status, doc.Number, doc.Created)
	}
	if got := doc.API.Endpoints[0].Method; got != "POST" {
		t.Errorf("method = %q, want POST (normalised)", got)
	}
	if got := doc.HighLevelDesign.Components[0].Serves; len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("serves = %v, want [1 2]", got)
	}
	if got := doc.Capacity.DAU; got.Raw != "100M" || got.Pos != (Pos{16, 8}) {
		t.Errorf("dau = %+v, want 100M at 16:8", got)
	}
	if got := doc.Entities[0].Relations[0]; got.To != "User" || got.Kind != "n-1" || got.Label != "created by" {
		t.Errorf("relation = %+v", got)
	}
	if got := doc.Extra("risks"); got == nil || got.Title != "Risks" || got.Text != "The cache may fall over." || got.Pos != (Pos{49, 5}) {
		t.Errorf("extra section risks = %+v", got)
	}
	if doc.Extra("costs") != nil {
		t.Error("Extra(costs) found a section that is not there")
	}
	if doc.Keys["entities"] != (Pos{26, 1}) {
		t.Errorf("entities key at %+v, want 26:1", doc.Keys["entities"])
	}
}

// TestParseProblems checks each validation rule reports the right message
// at the exact file:line:col of the mistake.
func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // each a "line:col: substring" the error must hold, in order
	}{
		{"missing title", "designdoc: 1\nsummary: x\n", []string{"1:1: title is required"}},
		{"empty title", "title: ''\n", []string{"1:8: title: the title must not be empty"}},
		{"newer version", "designdoc: 2\ntitle: T\n", []string{"1:12: designdoc: this file is answers schema v2; this designdoc reads v1"}},
		{"version not a number", "designdoc: one\ntitle: T\n", []string{`1:12: designdoc: expected a whole number, found "one"`}},
		{"unknown top-level key", minimal + "titel: x\n", []string{`3:1: unknown field "titel" (did you mean "title"?); the answers file has designdoc, title,`}},
		{"duplicate key", minimal + "title: U\n", []string{`3:1: duplicate key "title" (first at line 2)`}},
		{"bad status", minimal + "status: drafted\n", []string{`3:9: status: "drafted" is not one of draft, review, accepted, rejected, superseded (did you mean "draft"?)`}},
		{"bad date", minimal + "created: 2026-13-01\n", []string{`3:10: created: "2026-13-01" is not a date`}},
		{"bad slug", minimal + "slug: Hello World\n", []string{`3:7: slug: "Hello World" is not a slug`}},
		{"zero number", minimal + "number: 0\n", []string{"3:9: number: a doc number must be 1 or more"}},
		{"list expected", minimal + "authors: Ada\n", []string{"3:10: authors: expected a list of author names, found text"}},
		{"text expected", minimal + "summary: [a]\n", []string{"3:10: summary: expected text, found a list"}},
		{"bad quality", minimal + "requirements:\n  non_functional:\n    - {quality: speed, requirement: fast}\n",
			[]string{`5:17: requirements.non_functional[0].quality: "speed" is not one of`}},
		{"missing quality", minimal + "requirements:\n  non_functional:\n    - requirement: fast\n",
			[]string{"5:7: requirements.non_functional[0]: quality is required"}},
		{"bad size unit", minimal + "capacity:\n  read_size: 12 bananas\n",
			[]string{`4:14: capacity.read_size: 12 bananas: unknown size unit "bananas"; use B, KB`}},
		{"negative count", minimal + "capacity:\n  dau: -5\n", []string{"4:8: capacity.dau: -5: must not be negative"}},
		{"duration without unit", minimal + "capacity:\n  retention: 5\n", []string{"4:14: capacity.retention: 5: a duration needs a unit"}},
		{"unknown capacity input", minimal + "capacity:\n  qps: 5\n", []string{`4:3: capacity: unknown field "qps"; capacity has dau, reads_per_user,`}},
		{"duplicate entity", minimal + "entities:\n  - name: A\n  - name: A\n", []string{`5:5: entities[1]: duplicate entity "A" (first at line 4)`}},
		{"entity without name", minimal + "entities:\n  - description: x\n", []string{"4:5: entities[0]: name is required"}},
		{"duplicate field", minimal + "entities:\n  - name: A\n    fields:\n      - name: id\n      - name: id\n",
			[]string{`7:9: entities[0].fields[1]: duplicate field "id" in entity "A" (first at line 6)`}},
		{"relation to nowhere", minimal + "entities:\n  - name: User\n  - name: URL\n    relations: [{to: Usr, kind: n-1}]\n",
			[]string{`6:22: entities[1].relations[0].to: no entity named "Usr" (did you mean "User"?)`}},
		{"relation bad kind", minimal + "entities:\n  - name: A\n    relations: [{to: A, kind: many}]\n",
			[]string{`5:31: entities[0].relations[0].kind: "many" is not one of 1-1, 1-n, n-1, n-n`}},
		{"store to nowhere", minimal + "entities:\n  - {name: A, store: DB}\nhigh_level_design:\n  components: [{name: Postgres DB, kind: database}]\n",
			[]string{`4:22: entities[0].store: no component named "DB" in high_level_design.components`}},
		{"bad style", minimal + "api:\n  style: soap\n", []string{`4:10: api.style: "soap" is not one of rest, graphql, grpc`}},
		{"bad realtime", minimal + "api:\n  realtime: websocket\n", []string{`4:13: api.realtime: "websocket" is not one of none, long-polling, sse, websockets (did you mean "websockets"?)`}},
		{"bad http method", minimal + "api:\n  endpoints:\n    - {method: GRAB, path: /x}\n", []string{`5:16: api.endpoints[0].method: "GRAB" is not an HTTP method`}},
		{"grpc method is free", minimal + "api:\n  style: grpc\n  endpoints:\n    - {method: Shorten, path: /x}\n    - {method: GRAB, path: /x/y/z, bad: 1}\n",
			[]string{`7:36: api.endpoints[1]: unknown field "bad"; an endpoint has method, path,`}},
		{"duplicate endpoint", minimal + "api:\n  endpoints:\n    - {method: GET, path: /x}\n    - {method: get, path: /x}\n",
			[]string{"6:7: api.endpoints[1]: duplicate endpoint GET /x (first at line 5)"}},
		{"endpoint without path", minimal + "api:\n  endpoints:\n    - {method: GET}\n", []string{"5:7: api.endpoints[0]: path is required"}},
		{"flow to nowhere", minimal + "data_flow:\n  - {from: Client, to: API}\nhigh_level_design:\n  components: [{name: Client, kind: client}, {name: Gateway, kind: gateway}]\n",
			[]string{`4:24: data_flow[0].to: no component named "API"`}},
		{"bad component kind", minimal + "high_level_design:\n  components:\n    - {name: X, kind: databse}\n",
			[]string{`5:23: high_level_design.components[0].kind: "databse" is not one of`, `(did you mean "database"?)`}},
		{"component without kind", minimal + "high_level_design:\n  components:\n    - {name: X}\n",
			[]string{"5:7: high_level_design.components[0]: kind is required"}},
		{"duplicate component", minimal + "high_level_design:\n  components:\n    - {name: X, kind: service}\n    - {name: X, kind: service}\n",
			[]string{`6:7: high_level_design.components[1]: duplicate component "X" (first at line 5)`}},
		{"serves out of range", minimal + "requirements:\n  functional: [a, b]\nhigh_level_design:\n  components:\n    - {name: X, kind: service, serves: [FR3]}\n",
			[]string{"7:41: high_level_design.components[0].serves[0]: FR3 is out of range: the functional requirements are FR1 to FR2"}},
		{"serves not a reference", minimal + "high_level_design:\n  components:\n    - {name: X, kind: service, serves: [login]}\n",
			[]string{`5:41: high_level_design.components[0].serves[0]: "login" is not a functional requirement reference`}},
		{"connection to nowhere", minimal + "high_level_design:\n  components: [{name: A, kind: service}]\n  connections: [{from: A, to: B}]\n",
			[]string{`5:31: high_level_design.connections[0].to: no component named "B"`}},
		{"bad concept", minimal + "deep_dives:\n  - {concept: sharding, title: x}\n", []string{`4:15: deep_dives[0].concept: "sharding" is not one of`}},
		{"deep dive without title", minimal + "deep_dives:\n  - {concept: scaling}\n", []string{"4:5: deep_dives[0]: title is required"}},
		{"bad extra section id", minimal + "extra_sections:\n  - {id: Risks, text: x}\n",
			[]string{`4:10: extra_sections[0].id: "Risks" is not a section id: use lower-case letters, digits and underscores, starting with a letter`}},
		{"extra section without id", minimal + "extra_sections:\n  - {title: Risks, text: x}\n", []string{"4:5: extra_sections[0]: id is required"}},
		{"duplicate extra section", minimal + "extra_sections:\n  - {id: risks}\n  - {id: risks}\n",
			[]string{`5:10: extra_sections[1].id: duplicate extra section id "risks" (first at line 4)`}},
		{"extra section unknown key", minimal + "extra_sections:\n  - {id: risks, txt: x}\n", []string{`4:17: extra_sections[0]: unknown field "txt" (did you mean "text"?)`}},
		{"bad digest", minimal + "rendered: {path: a.md, sha256: abc}\n", []string{"3:32: rendered.sha256: not a sha256 digest"}},
		{"not a mapping", "- a\n- b\n", []string{"1:1: an answers file is a mapping of keys"}},
		{"empty file", "", []string{"1:1: the file is empty"}},
		{"comments only", "# nothing here\n", []string{"1:1: the file is empty"}},
		{"name on two lines", minimal + "entities:\n  - name: \"A\\nB\"\n", []string{"4:11: entities[0].name: a name must be a single line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("a.yaml", []byte(tt.in))
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			msg := err.Error()
			rest := msg
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("error\n%s\ndoes not contain (in order) %q", msg, w)
				}
				rest = rest[i+len(w):]
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error is %T, want *LoadError", err)
			}
		})
	}
}

func TestParseReportsAllProblemsSortedByLine(t *testing.T) {
	in := minimal + `status: bogus
entities:
  - name: A
    colour: red
    relations: [{to: Nope, kind: n-1}]
high_level_design:
  components:
    - {name: S, kind: service, serves: [FR9]}
api: {style: soap}
`
	_, err := Parse("x.yaml", []byte(in))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want *LoadError", err)
	}
	var got []string
	for _, p := range le.Problems {
		got = append(got, p.String()[:strings.Index(p.String(), ": ")])
	}
	want := []string{"x.yaml:3:9", "x.yaml:6:5", "x.yaml:7:22", "x.yaml:10:41", "x.yaml:11:14"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("positions = %v, want %v\n%v", got, want, err)
	}
	if !strings.HasPrefix(err.Error(), "x.yaml: 5 problems\n") {
		t.Errorf("summary line missing: %q", err.Error())
	}
}

func TestParseJSON(t *testing.T) {
	_, err := Parse("a.json", []byte("{\n  \"title\": \"T\",\n  \"status\": \"nope\"\n}\n"))
	if err == nil || !strings.Contains(err.Error(), `a.json:3:13: status: "nope" is not one of`) {
		t.Errorf("err = %v", err)
	}
	_, err = Parse("a.json", []byte("{\"title\": \"T\",}"))
	if err == nil || !strings.Contains(err.Error(), "a.json:1:") {
		t.Errorf("trailing comma: err = %v, want a positioned error", err)
	}
	doc, err := Parse("a.json", []byte(`{"designdoc": 1, "title": "T", "capacity": {"dau": "10M", "reads_per_user": 5}}`))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Capacity.DAU.Raw != "10M" || doc.Capacity.ReadsPerUser.Raw != "5" {
		t.Errorf("capacity = %+v", doc.Capacity)
	}
}

func TestParseLimitsProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(minimal)
	for i := 0; i < 300; i++ {
		b.WriteString("bogus" + strings.Repeat("x", i) + ": 1\n")
	}
	_, err := Parse("a.yaml", []byte(b.String()))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v", err)
	}
	if len(le.Problems) != maxProblems+1 || !strings.Contains(le.Problems[maxProblems].Msg, "and 200 more problems") {
		t.Errorf("got %d problems, last %q", len(le.Problems), le.Problems[len(le.Problems)-1].Msg)
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml: no such file") {
		t.Errorf("missing: %v", err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: %v", err)
	}
	p := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(p, []byte(minimal), 0o644); err != nil {
		t.Fatal(err)
	}
	if doc, err := Load(p); err != nil || doc.Title != "T" {
		t.Errorf("ok: %v %+v", err, doc)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"URL shortener":           "url-shortener",
		"  Real-time  chat!! ":    "real-time-chat",
		"../../etc/passwd":        "etc-passwd",
		"日本語":                     "design",
		"":                        "design",
		"Ticket booking (v2.0)":   "ticket-booking-v2-0",
		strings.Repeat("ab ", 50): strings.TrimRight(strings.Repeat("ab-", 20), "-"),
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
		if !ValidSlug(Slugify(in)) {
			t.Errorf("Slugify(%q) = %q is not a ValidSlug", in, Slugify(in))
		}
	}
	for _, bad := range []string{"", "-a", "a-", "a--b", "A", "a/b", "a.b", "..", strings.Repeat("a", 61)} {
		if ValidSlug(bad) {
			t.Errorf("ValidSlug(%q) = true", bad)
		}
	}
}

func TestSuggest(t *testing.T) {
	cands := []string{"title", "summary", "entities", "high_level_design"}
	for in, want := range map[string]string{"titel": "title", "Title": "title", "entites": "entities", "xyz": "", "high_level_desing": "high_level_design"} {
		if got := Suggest(in, cands); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseOpenQuestions(t *testing.T) {
	doc, err := Parse("a.yaml", []byte(`title: T
open_questions:
  - Which region first?
  - {question: "Keep IDs short?", resolved: "yes, 7 base62 characters"}
  - question: Who owns the cache?
`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Which region first?", "Keep IDs short?", "Who owns the cache?"}; !reflect.DeepEqual(doc.OpenQuestions, want) {
		t.Errorf("questions = %q, want %q", doc.OpenQuestions, want)
	}
	if want := []string{"", "yes, 7 base62 characters"}; !reflect.DeepEqual(doc.Resolutions, want) {
		t.Errorf("resolutions = %q, want %q", doc.Resolutions, want)
	}
	if got := doc.Unresolved(); !reflect.DeepEqual(got, []int{0, 2}) {
		t.Errorf("unresolved = %v, want [0 2]", got)
	}
	if got, want := doc.QuestionPosition(1), (Pos{4, 5}); got != want {
		t.Errorf("position of question 2 = %v, want %v", got, want)
	}
	out := string(Marshal(doc))
	if want := "open_questions:\n  - Which region first?\n  - {question: \"Keep IDs short?\", resolved: \"yes, 7 base62 characters\"}\n  - Who owns the cache?\n"; !strings.Contains(out, want) {
		t.Errorf("Marshal wrote\n%s\nwant it to contain\n%s", out, want)
	}

	for _, tc := range []struct{ in, want string }{
		{"title: T\nopen_questions:\n  - {resolved: yes}\n", "a.yaml:3:5: open_questions[0]: question is required"},
		{"title: T\nopen_questions:\n  - {question: q, answer: a}\n", `unknown field "answer"`},
	} {
		_, err := Parse("a.yaml", []byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", tc.in, err, tc.want)
		}
	}
}
