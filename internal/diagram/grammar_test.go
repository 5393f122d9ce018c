package diagram

import (
	"regexp"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// The line grammars the diagrams are written in: every line is one
// statement of one of these forms, ids are generated from a safe alphabet
// and quoted labels hold no quote. Labels are matched after their escapes
// are taken out (labelText), so a label can hold neither a quote nor a
// raw # ; < > that Mermaid would read.
const labelText = `[^"#;<>\x60\\]*`

var grammars = map[string][]*regexp.Regexp{
	"flowchart": lines(
		`flowchart LR`,
		`    subgraph tier_[a-z]+\["[A-Za-z]+"\]`,
		`    end`,
		`        c[1-9][0-9]*(\(\[|>|\{\{|\[/|\[|\(|\[\(|\[\\|\(\(|\[\[|\{)"`+labelText+`"(\]\)|\]|\}\}|\\\]|\]|\)|\)\]|/\]|\\\]|\)\)|\]\]|/\]|\})`,
		`    c[1-9][0-9]* -->(\|"`+labelText+`"\|)? c[1-9][0-9]*`,
	),
	"sequenceDiagram": lines(
		`sequenceDiagram`,
		`    autonumber`,
		`    participant p[1-9][0-9]* as `+labelText,
		`    p[1-9][0-9]*->>p[1-9][0-9]*:( `+labelText+`)?`,
	),
	"erDiagram": lines(
		`erDiagram`,
		`    e[1-9][0-9]*\["[^"#;<>\x60\\%]*"\]( \{)?`,
		`        [A-Za-z_][A-Za-z0-9_\[\]()]* [A-Za-z_][A-Za-z0-9_]*( (PK|FK|UK)(, (PK|FK|UK))*)?( "`+labelText+`")?`,
		`    \}`,
		`    e[1-9][0-9]* (\|\||\}o)--(\|\||o\{) e[1-9][0-9]* : "`+labelText+`"`,
	),
}

func lines(res ...string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(res))
	for i, re := range res {
		out[i] = regexp.MustCompile(`^(?:` + re + `)$`)
	}
	return out
}

// checkGrammar checks every line of diagram d against its grammar.
func checkGrammar(t *testing.T, d string) {
	t.Helper()
	if d == "" {
		return
	}
	if !strings.HasSuffix(d, "\n") {
		t.Fatalf("diagram does not end in a newline:\n%s", d)
	}
	ls := strings.Split(strings.TrimSuffix(d, "\n"), "\n")
	g := grammars[strings.Fields(ls[0])[0]]
	if g == nil {
		t.Fatalf("unknown diagram kind %q", ls[0])
	}
	depth := 0
	for n, line := range ls {
		plain := strings.ReplaceAll(entity.ReplaceAllString(line, ""), "<br>", "")
		ok := false
		for _, re := range g {
			if re.MatchString(plain) {
				ok = true
				break
			}
		}
		if !ok {
			t.Fatalf("line %d is not in the %s grammar:\n%s\n(escapes taken out: %s)", n+1, ls[0], line, plain)
		}
		for _, bad := range []string{"-->", "%%", "$$"} {
			if i := strings.Index(line, `"`); i >= 0 && strings.Contains(line[i:], bad) {
				t.Fatalf("line %d has a raw %s in a label: %s", n+1, bad, line)
			}
		}
		if strings.Contains(line, `[""]`) {
			t.Fatalf("line %d has an empty alias: %s", n+1, line)
		}
		if strings.Count(line, `"`)%2 != 0 {
			t.Fatalf("line %d has unbalanced quotes: %s", n+1, line)
		}
		switch {
		case strings.HasPrefix(line, "    subgraph "), ls[0] == "erDiagram" && strings.HasSuffix(line, "] {"):
			depth++
		case line == "    end", line == "    }":
			depth--
		}
		if depth < 0 || depth > 1 {
			t.Fatalf("line %d: blocks do not nest", n+1)
		}
	}
	if depth != 0 {
		t.Fatalf("a block is not closed")
	}
}

func TestGrammarOfGoldens(t *testing.T) {
	for _, path := range goldenAnswers(t) {
		doc, err := design.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range kinds {
			checkGrammar(t, k.fn(doc))
		}
	}
}

func TestEmpty(t *testing.T) {
	doc := &design.Doc{Title: "x"}
	for _, k := range kinds {
		if d := k.fn(doc); d != "" {
			t.Errorf("%s of a doc with nothing in it = %q, want \"\"", k.name, d)
		}
	}
	// Connections without components, relations without entities cannot
	// be drawn alone; steps without components can.
	doc.HighLevelDesign.Connections = []design.Connection{{From: "a", To: "b"}}
	if d := Architecture(doc); d != "" {
		t.Errorf("architecture without components = %q, want \"\"", d)
	}
}

func TestUnknownReferences(t *testing.T) {
	// Answers that were not validated: names nothing declares still get
	// a node, so the diagram parses.
	doc := &design.Doc{
		Entities: []design.Entity{{Name: "A", Relations: []design.Relation{{To: "Nope", Kind: "bad"}}}},
		HighLevelDesign: design.HighLevelDesign{
			Components:  []design.Component{{Name: "S", Kind: "weird"}},
			Connections: []design.Connection{{From: "S", To: "Ghost", Label: "x"}},
		},
	}
	arch := Architecture(doc)
	checkGrammar(t, arch)
	if !strings.Contains(arch, `c2{"Ghost"}`) || !strings.Contains(arch, `c1{"S"}`) {
		t.Errorf("architecture:\n%s", arch)
	}
	er := ER(doc)
	checkGrammar(t, er)
	if !strings.Contains(er, `e2["Nope"]`) || !strings.Contains(er, "e1 }o--o{ e2") {
		t.Errorf("ER:\n%s", er)
	}
}

func TestDeterministic(t *testing.T) {
	for _, path := range goldenAnswers(t) {
		a, _ := design.Load(path)
		b, _ := design.Load(path)
		for _, k := range kinds {
			if k.fn(a) != k.fn(b) {
				t.Errorf("%s %s: two runs differ", path, k.name)
			}
		}
	}
}

func TestERTooBigDropsFields(t *testing.T) {
	doc := &design.Doc{}
	for i := 0; i < 2000; i++ {
		doc.Entities = append(doc.Entities, design.Entity{Name: "Entity " + id("", i),
			Fields: []design.Field{{Name: "id", Type: "uuid", Note: "primary key"}, {Name: "name", Type: "string"}}})
	}
	d := ER(doc)
	checkGrammar(t, d)
	if strings.Contains(d, "{") {
		t.Errorf("an ER diagram over %d characters keeps its fields", MaxTextSize)
	}
	if _, big := TooBig(d); big {
		t.Errorf("2000 entities without fields should fit")
	}
}

func TestTooBig(t *testing.T) {
	doc := &design.Doc{}
	doc.HighLevelDesign.Components = []design.Component{{Name: "a"}, {Name: "b"}}
	for i := 0; i <= MaxEdges; i++ {
		doc.HighLevelDesign.Connections = append(doc.HighLevelDesign.Connections, design.Connection{From: "a", To: "b"})
	}
	if why, big := TooBig(Architecture(doc)); !big || !strings.Contains(why, "501 connections") {
		t.Errorf("TooBig = %q, %v", why, big)
	}
	if _, big := TooBig(strings.Repeat("x", MaxTextSize+1)); !big {
		t.Error("TooBig misses a text over the size limit")
	}
}

// FuzzDiagrams builds designs whose every name, kind, label and field
// comes from the fuzzer and checks that each diagram keeps its grammar.
func FuzzDiagrams(f *testing.F) {
	f.Add("API (v2)", "service", `a --> b; "c" #d <e>`, "end", "1-n", "pk", "map<k, v>", "primary key")
	f.Add("", "", "", "", "", "", "", "")
	f.Add("style:#f00", "database", "%%{init: {}}%%", "wrap:", "n-n", "a|b", "varchar(10)", "foreign key")
	f.Fuzz(func(t *testing.T, name, kind, text, other, rel, field, typ, note string) {
		doc := &design.Doc{
			Entities: []design.Entity{
				{Name: name, Fields: []design.Field{{Name: field, Type: typ, Note: note}, {Name: text, Type: other}},
					Relations: []design.Relation{{To: other, Kind: rel, Label: text}}},
				{Name: other, Relations: []design.Relation{{To: name, Kind: "1-1", Label: note}}},
			},
			DataFlow: []design.Step{{From: name, To: other, Action: text}, {From: other, To: other, Action: note}},
			HighLevelDesign: design.HighLevelDesign{
				Components:  []design.Component{{Name: name, Kind: kind, Technology: text}, {Name: other, Kind: rel, Technology: note}},
				Connections: []design.Connection{{From: name, To: other, Label: text}, {From: other, To: field, Label: note}},
			},
		}
		for _, k := range kinds {
			d := k.fn(doc)
			if d == "" {
				t.Fatalf("%s is empty", k.name)
			}
			checkGrammar(t, d)
		}
	})
}
