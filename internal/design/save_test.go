package design

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// comparable returns a deep copy of doc without what a round trip does
// not keep: positions, key positions, the file name, and the difference
// between an empty list and none.
func comparable(doc *Doc) *Doc {
	c := *doc
	c.Keys, c.file, c.flowRoot, c.QuestionPos = nil, "", false, nil
	v := reflect.ValueOf(&c).Elem()
	scrub(v)
	return &c
}

var posReflectType = reflect.TypeOf(Pos{})

func scrub(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == posReflectType {
			v.Set(reflect.Zero(posReflectType))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				scrub(v.Field(i))
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			cp := reflect.New(v.Elem().Type())
			cp.Elem().Set(v.Elem())
			v.Set(cp)
			scrub(cp.Elem())
		}
	case reflect.Slice:
		if v.Len() == 0 {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(cp, v)
		v.Set(cp)
		for i := 0; i < v.Len(); i++ {
			scrub(v.Index(i))
		}
	}
}

func examples(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../examples/*.designdoc.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	return files
}

func mustParse(t testing.TB, name string, data []byte) *Doc {
	t.Helper()
	doc, err := Parse(name, data)
	if err != nil {
		t.Fatalf("%v\n--- input\n%s", err, data)
	}
	return doc
}

// checkRoundTrip marshals doc, parses the result and compares.
func checkRoundTrip(t *testing.T, doc *Doc, parse func(string, []byte) (*Doc, error)) []byte {
	t.Helper()
	out := Marshal(doc)
	back, err := parse("out.yaml", out)
	if err != nil {
		t.Fatalf("Marshal output does not load: %v\n--- output\n%s", err, out)
	}
	if want, got := comparable(doc), comparable(back); !reflect.DeepEqual(want, got) {
		t.Fatalf("round trip changed the doc\n--- output\n%s\n--- want\n%#v\n--- got\n%#v", out, want, got)
	}
	if again := Marshal(back); string(again) != string(out) {
		t.Fatalf("Marshal is not stable:\n%s\n--- then\n%s", out, again)
	}
	return out
}

func TestMarshalRoundTripExamples(t *testing.T) {
	for _, f := range examples(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := mustParse(t, f, data)
			out := checkRoundTrip(t, doc, Parse)
			if !strings.HasPrefix(string(out), SchemaComment+"designdoc: 1\ntitle: ") {
				t.Errorf("output starts %q", out[:min(40, len(out))])
			}
			for i, l := range strings.Split(string(out), "\n") {
				if strings.HasSuffix(l, " ") {
					t.Errorf("line %d has trailing space: %q", i+1, l)
				}
			}
		})
	}
}

func TestMarshalStyle(t *testing.T) {
	doc := &Doc{
		Title:   "Feed",
		Summary: "First line.\nSecond: line.\n",
		Authors: []string{"Ada", "Grace Hopper"},
		Created: "2026-11-23",
		Number:  3,
		Requirements: Requirements{
			Functional:    []Requirement{{Text: "Users should be able to post"}, {Text: "yes"}},
			NonFunctional: []NonFunctional{{Quality: "latency", Requirement: "p99 < 200 ms"}},
		},
		Capacity: &Capacity{DAU: Quantity{Raw: "10M"}, ReadsPerUser: Quantity{Raw: "10"}},
		Entities: []Entity{{
			Name:      "Post",
			Store:     "DB",
			Fields:    []Field{{Name: "id", Type: "uuid", Note: "primary key"}, {Name: "body", Type: "text"}},
			Relations: []Relation{{To: "Post", Kind: "1-n", Label: "replies"}},
		}},
		API: API{Style: "rest", Endpoints: []Endpoint{{Method: "GET", Path: "/posts/{id}", Response: "{id, body}"}}},
		HighLevelDesign: HighLevelDesign{
			Components: []Component{{Name: "DB", Kind: "database", Serves: []int{1, 2}}},
			Notes:      strings.Repeat("word ", 30) + "end.",
		},
		OpenQuestions: []string{"null", "- dash", "a: b"},
	}
	want := `designdoc: 1
title: Feed
summary: |
  First line.
  Second: line.
authors: [Ada, Grace Hopper]
status: draft
created: 2026-11-23
number: 3
requirements:
  functional:
    - Users should be able to post
    - "yes"
  non_functional:
    - {quality: latency, requirement: p99 < 200 ms}
capacity:
  dau: 10M
  reads_per_user: 10
entities:
  - name: Post
    store: DB
    fields: [{name: id, type: uuid, note: primary key}, {name: body, type: text}]
    relations: [{to: Post, kind: 1-n, label: replies}]
api:
  style: rest
  endpoints:
    - {method: GET, path: "/posts/{id}", response: "{id, body}"}
high_level_design:
  components:
    - {name: DB, kind: database, serves: [FR1, FR2]}
  notes: >-
    word word word word word word word word word word word word word word word
    word word word word word word word word word word word word word word word
    end.
open_questions:
  - "null"
  - "- dash"
  - "a: b"
`
	if got := string(Marshal(doc)); got != SchemaComment+want {
		t.Errorf("got\n%s\nwant\n%s", got, SchemaComment+want)
	}
}

func TestMarshalEmptySections(t *testing.T) {
	doc := &Doc{Title: "T", Capacity: &Capacity{}, Rendered: &Rendered{}}
	want := SchemaComment + "designdoc: 1\ntitle: T\nstatus: draft\ncapacity: {}\nrendered: {}\n"
	if got := string(Marshal(doc)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// Items with nothing in them are kept, so that indexes stay the same.
	doc = &Doc{Title: "T", Entities: []Entity{{}}, Requirements: Requirements{Functional: []Requirement{{}}}}
	want = SchemaComment + "designdoc: 1\ntitle: T\nstatus: draft\nrequirements:\n  functional:\n    - \"\"\nentities:\n  - {}\n"
	if got := string(Marshal(doc)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// tricky holds strings that YAML reads as something else unless quoted,
// or that a block scalar cannot hold as they are.
var tricky = []string{
	"yes", "No", "null", "~", "NULL", "true", "y", "1e3", "0x10", "0o17", "1_000", "1:30", "-5", "+1", ".5", ".inf",
	"2026-11-23", "2001-12-14 21:59:43.10 -5", "12", "1.2.3", "1-n",
	"a: b", "a:", "a #b", "#x", "- x", "-", "? x", "*ref", "&anchor", "!tag", "%YAML", "@at", "`tick`",
	"{a}", "[a]", "a, b", "a,b", "{}", "[]", "'single'", `"double"`, `back\slash`, "|", ">", "<<", "=",
	" lead", "trail ", "tab\there", "\ttab", "new\nline", "cr\rlf", "line\n", "two\n\n", "\n", "\nlead", "a\n b",
	"a \nb", "日本語", "emoji 🎉", "nbsp\u00a0", "\u00a0lead", "nel\u0085x", "ls\u2028x", "bom\ufeffx", "\x00nul", "\x7fdel",
	"ctl\x1b[0m", "private\ue000", "non-char\uffff", "---", "...", "--- x", "... x", strings.Repeat("long words ", 20),
	strings.Repeat("x", 120), "multi\nline with trailing \nspace", "  \n  ", "# heading\n- item\nkey: value",
}

func TestMarshalQuoting(t *testing.T) {
	for _, s := range tricky {
		doc := &Doc{
			Title:         name(s, "T"),
			Summary:       s,
			Authors:       []string{s},
			Template:      name(s, ""),
			Requirements:  Requirements{Functional: []Requirement{{Text: s}}, OutOfScope: []string{s}},
			Entities:      []Entity{{Name: name(s, "E"), Description: s, Fields: []Field{{Name: name(s, "f"), Type: name(s, ""), Note: s}}}},
			API:           API{Style: "grpc", Endpoints: []Endpoint{{Method: strings.ToUpper(name(s, "M")), Path: name(s, "/p"), Summary: s, Request: s, Response: s, Auth: s}}},
			DeepDives:     []DeepDive{{Concept: "other", Title: name(s, "D"), Problem: s, Solution: s, Tradeoffs: s}},
			Alternatives:  []Alternative{{Title: name(s, "A"), WhyNot: s}},
			OpenQuestions: []string{s},
			HighLevelDesign: HighLevelDesign{Notes: s,
				Components:  []Component{{Name: name(s, "C"), Kind: "service", Technology: s, Responsibility: s}},
				Connections: []Connection{{From: name(s, "C"), To: name(s, "C"), Label: s}}},
			DataFlow: []Step{{From: name(s, "C"), To: name(s, "C"), Action: s}},
		}
		doc.Version, doc.Slug, doc.Status = SchemaVersion, Slugify(doc.Title), StatusDraft
		t.Run(fmt.Sprintf("%q", s), func(t *testing.T) { checkRoundTrip(t, doc, Parse) })
	}
}

// name makes s what the loader keeps of a name: one line, trimmed, and
// not empty (def when nothing is left).
func name(s, def string) string {
	s = strings.TrimSpace(strings.NewReplacer("\r", " ", "\n", " ").Replace(strings.ToValidUTF8(s, "?")))
	if s == "" {
		return def
	}
	return s
}

// fuzzDoc builds a Doc the loader could produce from arbitrary strings:
// free text as it is, names made loader-like and unique, enums and
// references chosen by the bytes of pick.
func fuzzDoc(strs []string, pick []byte) *Doc {
	next := 0
	str := func() string {
		s := strs[next%len(strs)]
		next++
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	p := 0
	choose := func(n int) int {
		if len(pick) == 0 {
			return 0
		}
		b := pick[p%len(pick)]
		p++
		return int(b) % n
	}
	used := map[string]bool{}
	unique := func(def string) string {
		n := name(str(), def)
		for i := 2; used[n]; i++ {
			n = name(fmt.Sprintf("%s %d", n, i), def)
		}
		used[n] = true
		return n
	}
	doc := &Doc{Version: 1, Summary: str(), Template: name(str(), ""), Status: Status(Statuses[choose(len(Statuses))])}
	doc.Title = name(str(), "")
	if doc.Title != "" {
		doc.Slug = Slugify(doc.Title)
	}
	if choose(3) == 0 {
		doc.Created = "2026-11-23"
		doc.Number = 1 + choose(1000)
	}
	for range choose(3) {
		doc.Authors = append(doc.Authors, str())
	}
	for range choose(4) {
		doc.Requirements.Functional = append(doc.Requirements.Functional, Requirement{Text: str()})
	}
	for range choose(3) {
		doc.Requirements.OutOfScope = append(doc.Requirements.OutOfScope, str())
	}
	for range choose(3) {
		req := name(str(), "r")
		doc.Requirements.NonFunctional = append(doc.Requirements.NonFunctional, NonFunctional{Quality: Qualities[choose(len(Qualities))], Requirement: req})
	}
	if choose(2) == 0 {
		doc.Capacity = &Capacity{}
		samples := map[QuantityKind][]string{KindNumber: {"10", "0.1", "2K"}, KindCount: {"100M", "5B"}, KindSize: {"1KB", "2 KiB"}, KindDuration: {"5y", "30d"}}
		for _, in := range doc.Capacity.Inputs() {
			switch c := choose(4); {
			case c == 1:
				in.Value.Raw = samples[in.Kind][choose(len(samples[in.Kind]))]
			case c == 2:
				if raw := strings.TrimSpace(str()); raw != "" {
					if _, err := ParseQuantity(in.Kind, raw); err == nil {
						in.Value.Raw = raw
					}
				}
			}
		}
	}
	var components []string
	for range choose(4) {
		c := Component{Name: unique("C"), Kind: ComponentKinds[choose(len(ComponentKinds))], Technology: str(), Responsibility: str()}
		for range choose(3) {
			if n := len(doc.Requirements.Functional); n > 0 {
				c.Serves = append(c.Serves, 1+choose(n))
			}
		}
		components = append(components, c.Name)
		doc.HighLevelDesign.Components = append(doc.HighLevelDesign.Components, c)
	}
	doc.HighLevelDesign.Notes = str()
	var entities []string
	for range choose(4) {
		entities = append(entities, unique("E"))
	}
	for _, e := range entities {
		ent := Entity{Name: e, Description: str()}
		if len(components) > 0 && choose(2) == 0 {
			ent.Store = components[choose(len(components))]
		}
		fieldNames := map[string]bool{}
		for range choose(4) {
			f := Field{Name: name(str(), "f"), Type: name(str(), ""), Note: str()}
			for i := 2; fieldNames[f.Name]; i++ {
				f.Name = name(fmt.Sprintf("%s %d", f.Name, i), "f")
			}
			fieldNames[f.Name] = true
			ent.Fields = append(ent.Fields, f)
		}
		for range choose(3) {
			ent.Relations = append(ent.Relations, Relation{To: entities[choose(len(entities))], Kind: RelationKinds[choose(len(RelationKinds))], Label: str()})
		}
		doc.Entities = append(doc.Entities, ent)
	}
	if choose(2) == 0 {
		doc.API.Style = APIStyles[choose(len(APIStyles))]
		doc.API.Realtime = RealtimeChannels[choose(len(RealtimeChannels))]
	}
	for i := range choose(4) {
		ep := Endpoint{Path: name(str(), "/") + fmt.Sprint(i), Summary: str(), Request: str(), Response: str(), Auth: str()}
		if doc.API.Style == "rest" || doc.API.Style == "" {
			ep.Method = httpMethods[choose(len(httpMethods))]
		} else {
			ep.Method = strings.ToUpper(name(str(), "M"))
		}
		doc.API.Endpoints = append(doc.API.Endpoints, ep)
	}
	if len(components) > 0 {
		for range choose(3) {
			doc.DataFlow = append(doc.DataFlow, Step{From: components[choose(len(components))], To: components[choose(len(components))], Action: str()})
		}
		for range choose(3) {
			doc.HighLevelDesign.Connections = append(doc.HighLevelDesign.Connections, Connection{From: components[choose(len(components))], To: components[choose(len(components))], Label: str()})
		}
	}
	for range choose(3) {
		dd := DeepDive{Title: name(str(), "D"), Problem: str(), Solution: str(), Tradeoffs: str()}
		if choose(3) > 0 {
			dd.Concept = Concepts[choose(len(Concepts))]
		}
		doc.DeepDives = append(doc.DeepDives, dd)
	}
	for range choose(3) {
		doc.Alternatives = append(doc.Alternatives, Alternative{Title: name(str(), "A"), WhyNot: str()})
	}
	for i := range choose(3) {
		q := str()
		doc.OpenQuestions = append(doc.OpenQuestions, q)
		if r := str(); choose(2) == 0 && strings.TrimSpace(q) != "" && strings.TrimSpace(r) != "" {
			doc.setResolution(i, r)
		}
	}
	if choose(4) == 0 {
		doc.Rendered = &Rendered{Path: name(str(), "a.md"), SHA256: strings.Repeat("ab", 32), Template: name(str(), ""), Version: name(str(), "")}
	}
	return doc
}

func FuzzMarshalRoundTrip(f *testing.F) {
	f.Add("URL shortener", "Users should be able to: shorten", "note: \"quoted\" # not a comment", []byte{1, 2, 3, 4, 5, 6, 7})
	f.Add("yes", "null", "~", []byte{3, 3, 3, 3, 3, 3, 3, 3, 3})
	f.Add("- dash", "*star &amp !bang %pct @at `tick`", "{a: [b]}", []byte{0, 1, 2, 3})
	f.Add("1e3", "0x10", "2026-11-23", []byte{255, 128, 64, 32, 16})
	f.Add("multi\nline\n", "trailing space \nnext", "\ttab and 日本語 and 🎉", []byte{2, 2, 2, 2, 2, 2})
	f.Add(strings.Repeat("word ", 40), "a\n\nb\n", "  lead", []byte{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})
	for i, s := range tricky {
		f.Add(s, tricky[(i+1)%len(tricky)], tricky[(i+7)%len(tricky)], []byte{byte(i), 1, 2, 3, byte(i * 7)})
	}
	f.Fuzz(func(t *testing.T, a, b, c string, pick []byte) {
		doc := fuzzDoc([]string{a, b, c, a + "\n" + b, b + " " + c}, pick)
		parse := Parse
		if doc.Title == "" {
			parse = ParseDraft
		}
		for _, s := range []string{a, b, c} {
			if !utf8.ValidString(s) {
				return // text the loader can produce is valid UTF-8
			}
		}
		checkRoundTrip(t, doc, parse)
	})
}
