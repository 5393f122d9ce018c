package design

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func validDoc() *Doc {
	return &Doc{
		Title:        "Feed",
		Requirements: Requirements{Functional: []Requirement{{Text: "Users should be able to post"}}},
		Entities: []Entity{
			{Name: "User", Store: "DB", Relations: []Relation{{To: "Post", Kind: "1-n"}}},
			{Name: "Post", Store: "DB", Fields: []Field{{Name: "id", Type: "uuid"}}},
		},
		API: API{Style: "rest", Endpoints: []Endpoint{{Method: "GET", Path: "/posts"}}},
		DataFlow: []Step{
			{From: "Client", To: "API"}, {From: "API", To: "DB"}, {From: "API", To: "DB"},
		},
		HighLevelDesign: HighLevelDesign{
			Components: []Component{
				{Name: "Client", Kind: "client"}, {Name: "API", Kind: "service", Serves: []int{1}}, {Name: "DB", Kind: "database"},
			},
			Connections: []Connection{{From: "Client", To: "API"}},
		},
	}
}

// problems returns the problems of Validate as "path: message" lines.
func problems(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error %T %v, want a *LoadError", err, err)
	}
	var out []string
	for _, p := range le.Problems {
		out = append(out, p.String())
	}
	return out
}

func TestValidate(t *testing.T) {
	if err := Validate(validDoc()); err != nil {
		t.Fatalf("a valid doc: %v", err)
	}
	tests := []struct {
		name   string
		change func(d *Doc)
		want   []string
	}{
		{"no title", func(d *Doc) { d.Title = "" }, []string{"title is required"}},
		{"data-flow end", func(d *Doc) { d.DataFlow[2].To = "Nope" }, []string{`data_flow[2].to: no component named "Nope" in high_level_design.components`}},
		{"data-flow typo", func(d *Doc) { d.DataFlow[0].To = "APi" }, []string{`data_flow[0].to: no component named "APi" in high_level_design.components (did you mean "API"?)`}},
		{"connection", func(d *Doc) { d.HighLevelDesign.Connections[0].From = "Browser" }, []string{`high_level_design.connections[0].from: no component named "Browser" in high_level_design.components`}},
		{"store", func(d *Doc) { d.Entities[0].Store = "Postgres" }, []string{`entities[0].store: no component named "Postgres" in high_level_design.components`}},
		{"relation", func(d *Doc) { d.Entities[0].Relations[0].To = "Posts" }, []string{`entities[0].relations[0].to: no entity named "Posts" (did you mean "Post"?)`}},
		{"serves", func(d *Doc) { d.HighLevelDesign.Components[1].Serves = []int{1, 3} }, []string{"high_level_design.components[1].serves[1]: FR3 is out of range: there is only FR1"}},
		{"serves zero", func(d *Doc) { d.HighLevelDesign.Components[1].Serves = []int{0} }, []string{"high_level_design.components[1].serves[0]: FR0 is out of range: there is only FR1"}},
		{"duplicate entity", func(d *Doc) { d.Entities[1].Name = "User" }, []string{
			`entities[0].relations[0].to: no entity named "Post"`,
			`entities[1]: duplicate entity "User" (first at entities[0])`,
		}},
		{"duplicate component", func(d *Doc) { d.HighLevelDesign.Components[2].Name = "API" }, []string{
			`entities[0].store: no component named "DB"`, `entities[1].store: no component named "DB"`,
			`data_flow[1].to: no component named "DB"`, `data_flow[2].to: no component named "DB"`,
			`high_level_design.components[2]: duplicate component "API" (first at high_level_design.components[1])`,
		}},
		{"duplicate field", func(d *Doc) { d.Entities[1].Fields = append(d.Entities[1].Fields, Field{Name: "id"}) }, []string{
			`entities[1].fields[1]: duplicate field "id" in entity "Post" (first at entities[1].fields[0])`,
		}},
		{"duplicate endpoint", func(d *Doc) { d.API.Endpoints = append(d.API.Endpoints, Endpoint{Method: "GET", Path: "/posts"}) }, []string{
			`api.endpoints[1]: duplicate endpoint GET /posts (first at api.endpoints[0])`,
		}},
		{"enums", func(d *Doc) {
			d.API.Style, d.Status, d.HighLevelDesign.Components[0].Kind = "soap", "done", "db"
		}, []string{
			`status: "done" is not one of draft`,
			`api.style: "soap" is not one of rest, graphql, grpc`,
			`high_level_design.components[0].kind: "db" is not one of`,
		}},
		{"missing kind", func(d *Doc) { d.HighLevelDesign.Components[0].Kind = "" }, []string{"high_level_design.components[0]: kind is required (one of client,"}},
		{"quantity", func(d *Doc) { d.Capacity = &Capacity{ReadSize: Quantity{Raw: "12 bananas"}} }, []string{`capacity.read_size: 12 bananas: unknown size unit "bananas"`}},
		{"date and number", func(d *Doc) { d.Created, d.Number = "23/11/2026", -1 }, []string{
			`created: "23/11/2026" is not a date`, "number: a doc number must be 1 or more, found -1",
		}},
		{"name on two lines", func(d *Doc) { d.Entities[1].Fields[0].Type = "a\nb" }, []string{"entities[1].fields[0].type: a name must be a single line"}},
		{"required names", func(d *Doc) { d.Entities[1].Fields[0].Name = ""; d.API.Endpoints[0].Path = "" }, []string{
			"entities[1].fields[0]: name is required", "api.endpoints[0]: path is required",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := validDoc()
			tt.change(d)
			got := problems(t, Validate(d))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("problem %d = %q, want it to start %q", i, got[i], w)
				}
				if strings.Contains(got[i], "line ") {
					t.Errorf("problem %d cites a line of a file the user never saw: %q", i, got[i])
				}
			}
		})
	}
}

// TestValidateLoadedDoc: for a Doc loaded from a file and then changed,
// problems carry the file's name and the positions of the items.
func TestValidateLoadedDoc(t *testing.T) {
	d := mustParse(t, "feed.yaml", []byte(`title: Feed
entities:
  - name: User
  - name: Post
    relations:
      - {to: User, kind: n-1}
high_level_design:
  components:
    - {name: API, kind: service}
`))
	if err := Validate(d); err != nil {
		t.Fatalf("unchanged: %v", err)
	}
	for _, s := range []string{"entities[0].name=Person", "entities[2].name=Post", "data_flow[0].from=API", "data_flow[0].to=Nope"} {
		if err := Set(d, s); err != nil {
			t.Fatal(err)
		}
	}
	got := problems(t, Validate(d))
	want := []string{
		`feed.yaml:6:9: entities[1].relations[0].to: no entity named "User"`,
		`feed.yaml:2:1: entities[2]: duplicate entity "Post" (first at line 4)`,
		`feed.yaml: data_flow[0].to: no component named "Nope" in high_level_design.components`,
	}
	if len(got) != len(want) {
		t.Fatalf("got\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q, want it to start %q", i, got[i], want[i])
		}
	}
}

func TestValidateMessagesMatchLoader(t *testing.T) {
	in := minimal + `entities:
  - {name: A, relations: [{to: B, kind: n-1}]}
high_level_design:
  components: [{name: X, kind: service, serves: [FR2]}]
data_flow:
  - {from: X, to: Y}
`
	_, loadErr := Parse("a.yaml", []byte(in))
	doc, d, err := decode("a.yaml", []byte(in), false)
	if err != nil || d.err() == nil {
		t.Fatalf("%v %v", err, d.err())
	}
	var fromLoader, fromValidate []string
	for _, p := range loadErr.(*LoadError).Problems {
		fromLoader = append(fromLoader, p.Path+": "+p.Msg)
	}
	for _, p := range Validate(doc).(*LoadError).Problems {
		fromValidate = append(fromValidate, p.Path+": "+p.Msg)
	}
	// The same problems; Validate's come in canonical key order.
	slices.Sort(fromLoader)
	slices.Sort(fromValidate)
	if strings.Join(fromLoader, "\n") != strings.Join(fromValidate, "\n") {
		t.Errorf("loader:\n%s\nValidate:\n%s", strings.Join(fromLoader, "\n"), strings.Join(fromValidate, "\n"))
	}
}
