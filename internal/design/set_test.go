package design

import (
	"reflect"
	"strings"
	"testing"
)

// setBase is the Doc the Set tests start from: three entities, two
// functional requirements, a REST API.
func setBase(t *testing.T) *Doc {
	t.Helper()
	return mustParse(t, "a.yaml", []byte(minimal+`requirements:
  functional: [a, b]
  out_of_scope: [x, y, z]
entities:
  - {name: User, fields: [{name: id, type: uuid}, {name: email}]}
  - {name: URL}
  - {name: Click}
api:
  style: rest
  endpoints:
    - {method: GET, path: /x}
high_level_design:
  components:
    - {name: API, kind: service}
    - {name: DB, kind: database}
    - {name: Cache, kind: cache}
`))
}

func TestSet(t *testing.T) {
	tests := []struct {
		set  string
		want func(d *Doc) any // the value that must result
		is   any
	}{
		{"title=Feed", func(d *Doc) any { return d.Title + " " + d.Slug }, "Feed feed"},
		{"title=  Spaced  ", func(d *Doc) any { return d.Title }, "Spaced"},
		{"title=a=b", func(d *Doc) any { return d.Title }, "a=b"},
		{"summary=  kept as written ", func(d *Doc) any { return d.Summary }, "  kept as written "},
		{"status=Accepted", func(d *Doc) any { return d.Status }, StatusAccepted},
		{"created=2026-11-23", func(d *Doc) any { return d.Created }, "2026-11-23"},
		{"number=42", func(d *Doc) any { return d.Number }, 42},
		{"number=", func(d *Doc) any { return d.Number }, 0},
		{"slug=my-feed", func(d *Doc) any { return d.Slug }, "my-feed"},
		{"template=rfc", func(d *Doc) any { return d.Template }, "rfc"},
		{"authors=Ada Lovelace, Grace Hopper,", func(d *Doc) any { return d.Authors }, []string{"Ada Lovelace", "Grace Hopper"}},
		{"authors[]=Ada", func(d *Doc) any { return d.Authors }, []string{"Ada"}},
		{"api.style=GRPC", func(d *Doc) any { return d.API.Style }, "grpc"},
		{"api.realtime=sse", func(d *Doc) any { return d.API.Realtime }, "sse"},
		{"high_level_design.notes=n", func(d *Doc) any { return d.HighLevelDesign.Notes }, "n"},
		{"capacity.dau=10M", func(d *Doc) any { return d.Capacity.DAU.Raw }, "10M"},
		{"capacity.read_size= 2KiB", func(d *Doc) any { return d.Capacity.ReadSize.Raw }, "2KiB"},
		{"requirements.functional[0]=Users should be able to post", func(d *Doc) any { return d.Requirements.Functional[0].Text }, "Users should be able to post"},
		{"requirements.functional[]=Users should be able to follow", func(d *Doc) any { return d.Requirements.Functional[2].Text }, "Users should be able to follow"},
		{"requirements.functional[2]=c", func(d *Doc) any { return len(d.Requirements.Functional) }, 3},
		{"requirements.out_of_scope[2]=zz", func(d *Doc) any { return d.Requirements.OutOfScope }, []string{"x", "y", "zz"}},
		{"requirements.non_functional[0].quality=latency", func(d *Doc) any { return d.Requirements.NonFunctional }, []NonFunctional{{Quality: "latency"}}},
		{"open_questions[]=Why?", func(d *Doc) any { return d.OpenQuestions }, []string{"Why?"}},
		{"extra_sections[0].text=It may fall over.", func(d *Doc) any { return d.ExtraSections }, []ExtraSection{{Text: "It may fall over."}}},
		{"extra_sections[0].id= risks ", func(d *Doc) any { return d.ExtraSections }, []ExtraSection{{ID: "risks"}}},
		{"open_questions[0]=Why?", func(d *Doc) any { return d.OpenQuestions }, []string{"Why?"}},
		{"open_questions[].question=Why?", func(d *Doc) any { return d.OpenQuestions }, []string{"Why?"}},
		{"entities[0].description=A person", func(d *Doc) any { return d.Entities[0].Description }, "A person"},
		{"entities[0].fields[1].type=string", func(d *Doc) any { return d.Entities[0].Fields[1].Type }, "string"},
		{"entities[0].fields[2].name=plan", func(d *Doc) any { return len(d.Entities[0].Fields) }, 3},
		{"entities[1].relations[0].kind=N-1", func(d *Doc) any { return d.Entities[1].Relations[0].Kind }, "n-1"},
		{"entities[2].store= DB ", func(d *Doc) any { return d.Entities[2].Store }, "DB"},
		{"entities[3].name=Tag", func(d *Doc) any { return d.Entities[3].Name }, "Tag"},
		{"entities[3].fields[0].name=id", func(d *Doc) any { return d.Entities[3].Fields[0].Name }, "id"},
		{"api.endpoints[0].auth=bearer", func(d *Doc) any { return d.API.Endpoints[0].Auth }, "bearer"},
		{"api.endpoints[0].method=post", func(d *Doc) any { return d.API.Endpoints[0].Method }, "POST"},
		{"api.endpoints[1].path=/y", func(d *Doc) any { return d.API.Endpoints[1].Path }, "/y"},
		{"high_level_design.components[2].technology=Redis 7", func(d *Doc) any { return d.HighLevelDesign.Components[2].Technology }, "Redis 7"},
		{"high_level_design.components[0].serves=FR1, fr2", func(d *Doc) any { return d.HighLevelDesign.Components[0].Serves }, []int{1, 2}},
		{"high_level_design.components[0].kind=Gateway", func(d *Doc) any { return d.HighLevelDesign.Components[0].Kind }, "gateway"},
		{"high_level_design.connections[0].label=reads", func(d *Doc) any { return d.HighLevelDesign.Connections[0].Label }, "reads"},
		{"data_flow[0].action=POST /x", func(d *Doc) any { return d.DataFlow[0].Action }, "POST /x"},
		{"data_flow[0].from=API", func(d *Doc) any { return d.DataFlow[0].From }, "API"},
		{"deep_dives[0].solution=shard it", func(d *Doc) any { return d.DeepDives[0].Solution }, "shard it"},
		{"deep_dives[0].concept=Scaling", func(d *Doc) any { return d.DeepDives[0].Concept }, "scaling"},
		{"alternatives[0].why_not=too slow", func(d *Doc) any { return d.Alternatives[0].WhyNot }, "too slow"},
	}
	for _, tt := range tests {
		t.Run(tt.set, func(t *testing.T) {
			d := setBase(t)
			if err := Set(d, tt.set); err != nil {
				t.Fatal(err)
			}
			if got := tt.want(d); !reflect.DeepEqual(got, tt.is) {
				t.Errorf("got %#v, want %#v", got, tt.is)
			}
		})
	}
}

func TestSetErrors(t *testing.T) {
	tests := []struct{ set, want string }{
		{"api.style=grcp", `--set api.style=grcp: "grcp" is not one of rest, graphql, grpc (did you mean "grpc"?)`},
		{"titel=X", `--set titel=X: unknown field "titel" (did you mean "title"?)`},
		{"extra_sections[0].id=Risks", `--set extra_sections[0].id=Risks: "Risks" is not a section id: use lower-case letters, digits and underscores, starting with a letter`},
		{"xyzzy=X", `--set xyzzy=X: unknown field "xyzzy"; use one of title, slug, summary, authors, status, created, number, superseded_by, supersedes, template, requirements, capacity, entities, api, data_flow, high_level_design, deep_dives, extra_sections, alternatives, open_questions`},
		{"entities[9].name=X", "--set entities[9].name=X: index 9 is out of range: there are 3 entities"},
		{"entities[0].fields[5].name=X", "--set entities[0].fields[5].name=X: index 5 is out of range: there are 2 fields"},
		{"entities[1].fields[1].name=X", "--set entities[1].fields[1].name=X: index 1 is out of range: there are no fields"},
		{"api.endpoints[2].path=/z", "--set api.endpoints[2].path=/z: index 2 is out of range: there is 1 endpoint"},
		{"title", "--set title: expected path=value"},
		{"=x", "--set =x: expected path=value"},
		{"title=", "--set title=: the title must not be empty"},
		{"title=a\nb", "--set title=a\nb: a name must be a single line"},
		{"entities[0].nmae=X", `--set entities[0].nmae=X: unknown field "nmae" in entities[0] (did you mean "name"?)`},
		{"capacity.qps=5", `--set capacity.qps=5: unknown field "qps" in capacity; use one of dau, reads_per_user, writes_per_user, read_size, write_size, peak_factor, retention, replication, cache_fraction, server_rps`},
		{"capacity.read_size=12 bananas", `--set capacity.read_size=12 bananas: 12 bananas: unknown size unit "bananas"; use B, KB, MB, GB, TB, PB or KiB, MiB, GiB, TiB, PiB`},
		{"status=drafted", `--set status=drafted: "drafted" is not one of draft, review, accepted, rejected, superseded (did you mean "draft"?)`},
		{"created=2026-13-01", `--set created=2026-13-01: "2026-13-01" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-23`},
		{"number=0", "--set number=0: a doc number must be 1 or more, found 0"},
		{"api.endpoints[0].method=GRAB", `--set api.endpoints[0].method=GRAB: "GRAB" is not an HTTP method; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS`},
		{"high_level_design.components[0].serves=login", `--set high_level_design.components[0].serves=login: "login" is not a functional requirement reference; write FR1, FR2, …`},
		{"entities=X", "--set entities=X: entities is a list: give an index, e.g. entities[0].name=…"},
		{"entities[0]=X", "--set entities[0]=X: entities[0] is an entity: set one of its fields (name, description, store, fields, relations), e.g. entities[0].name=…"},
		{"entities[].name=X", "--set entities[].name=X: [] adds only to a list of text; to add an entity, give the index after the last one, e.g. entities[0].name=… when there are none"},
		{"requirements=X", "--set requirements=X: requirements has functional, out_of_scope, non_functional: set one of them, e.g. requirements.functional=…"},
		{"requirements.functional=X", "--set requirements.functional=X: requirements.functional is a list: set one item with requirements.functional[0]=… or add one with requirements.functional[]=…"},
		{"requirements.functional[5]=X", "--set requirements.functional[5]=X: index 5 is out of range: there are 2 functional requirements"},
		{"requirements.functional[0].text=X", `--set requirements.functional[0].text=X: the functional requirements are text: requirements.functional[0] has no field "text"`},
		{"title[0]=X", "--set title[0]=X: title is not a list"},
		{"title.x=X", `--set title.x=X: title is a single value: it has no field "x"`},
		{"api[0].style=rest", "--set api[0].style=rest: api is not a list"},
		{"entities[-1].name=X", "--set entities[-1].name=X: [-1] is not an index: write a number from 0, or [] to add an item at the end"},
		{"entities[x].name=X", "--set entities[x].name=X: [x] is not an index: write a number from 0, or [] to add an item at the end"},
		{"entities[0.name=X", `--set entities[0.name=X: "entities[0" is not a key with an index such as entities[0]`},
		{"entities..name=X", `--set entities..name=X: "entities..name" has an empty key`},
		{"designdoc=2", "--set designdoc=2: designdoc is the answers schema version, which designdoc writes"},
		{"rendered.path=x.md", "--set rendered.path=x.md: rendered is written by designdoc each time it renders the doc"},
		{"summary=\xff", "--set summary=\xff: the value is not valid UTF-8 text"},
	}
	for _, tt := range tests {
		t.Run(tt.set, func(t *testing.T) {
			d := setBase(t)
			before := Marshal(d)
			err := Set(d, tt.set)
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%s\nwant\n%s", err, tt.want)
			}
			if after := Marshal(d); string(after) != string(before) {
				t.Errorf("a failed --set changed the doc:\n%s", after)
			}
		})
	}
}

func TestSetMethodFollowsStyle(t *testing.T) {
	d := setBase(t)
	if err := Set(d, "api.style=grpc"); err != nil {
		t.Fatal(err)
	}
	if err := Set(d, "api.endpoints[0].method=Shorten"); err != nil {
		t.Fatalf("a gRPC method name is refused: %v", err)
	}
	if got := d.API.Endpoints[0].Method; got != "SHORTEN" {
		t.Errorf("method = %q, want SHORTEN as the loader stores it", got)
	}
	if err := Validate(d); err != nil {
		t.Error(err)
	}
}

// TestSetSlugFollowsTitle: a slug the file does not write is derived from
// the title, as the loader does; a written one stays.
func TestSetSlugFollowsTitle(t *testing.T) {
	d := mustParse(t, "a.yaml", []byte("title: Old\n"))
	if err := Set(d, "title=New Name"); err != nil || d.Slug != "new-name" {
		t.Errorf("derived slug: %v %q", err, d.Slug)
	}
	d = mustParse(t, "a.yaml", []byte("title: Old\nslug: old\n"))
	if err := Set(d, "title=New Name"); err != nil || d.Slug != "old" {
		t.Errorf("written slug: %v %q", err, d.Slug)
	}
}

func TestSetThenValidateRoundTrips(t *testing.T) {
	d := &Doc{}
	for _, s := range []string{
		"title=Feed", "requirements.functional[]=Users should be able to post", "high_level_design.components[0].name=API",
		"high_level_design.components[0].kind=service", "high_level_design.components[0].serves=FR1",
		"entities[0].name=Post", "entities[0].store=API", "entities[0].fields[0].name=id",
		"entities[0].relations[0].to=Post", "entities[0].relations[0].kind=1-n", "data_flow[0].from=API", "data_flow[0].to=API",
	} {
		if err := Set(d, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := Validate(d); err != nil {
		t.Fatal(err)
	}
	back := mustParse(t, "a.yaml", Marshal(d))
	if !strings.Contains(string(Marshal(back)), "serves: [FR1]") || back.Entities[0].Relations[0].To != "Post" {
		t.Errorf("read back:\n%s", Marshal(back))
	}
}

func TestSetResolvesOpenQuestion(t *testing.T) {
	d := mustParse(t, "a.yaml", []byte("title: T\nopen_questions: [\"Which region?\", \"Who owns it?\"]\n"))
	if err := Set(d, "open_questions[1].resolved=the platform team"); err != nil {
		t.Fatal(err)
	}
	if got := d.Unresolved(); !reflect.DeepEqual(got, []int{0}) {
		t.Errorf("unresolved = %v, want [0]", got)
	}
	back := mustParse(t, "a.yaml", Marshal(d))
	if back.Resolution(1) != "the platform team" || back.OpenQuestions[1] != "Who owns it?" {
		t.Errorf("read back:\n%s", Marshal(back))
	}
	if err := Set(d, "open_questions[1].resolved="); err != nil || d.Resolutions != nil {
		t.Errorf("reopening: %v, resolutions %q", err, d.Resolutions)
	}
	for _, tc := range []struct{ set, want string }{
		{"open_questions[2].resolved=x", "--set open_questions[2].resolved=x: open_questions[2] does not exist (there are 2 open questions): add the question first, e.g. open_questions[]=…"},
		{"open_questions[0].answer=x", `--set open_questions[0].answer=x: unknown field "answer" in open_questions[0]; use one of question, resolved`},
	} {
		if err := Set(d, tc.set); err == nil || err.Error() != tc.want {
			t.Errorf("Set(%q) = %v, want %q", tc.set, err, tc.want)
		}
	}
}
