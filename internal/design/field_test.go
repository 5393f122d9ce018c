package design

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckField(t *testing.T) {
	tests := []struct {
		path, value string
		want        string // "" for no error, else the whole message
		norm        string // the normalized value when there is no error
	}{
		{"title", "  Feed  ", "", "Feed"},
		{"title", " ", "the title must not be empty", ""},
		{"title", "a\nb", "a name must be a single line", ""},
		{"summary", "  any\ntext: at all  ", "", "  any\ntext: at all  "},
		{"status", "Review", "", "review"},
		{"status", "drafted", `"drafted" is not one of draft, review, accepted, rejected, superseded (did you mean "draft"?)`, ""},
		{"api.style", "grcp", `"grcp" is not one of rest, graphql, grpc (did you mean "grpc"?)`, ""},
		{"api.style", " gRPC ", "", "grpc"},
		{"api.style", "", "", ""},
		{"api.realtime", "websocket", `"websocket" is not one of none, long-polling, sse, websockets (did you mean "websockets"?)`, ""},
		{"requirements.non_functional.quality", "speed", `"speed" is not one of cap, availability, scalability, latency, throughput, durability, consistency, security, fault-tolerance, compliance, environment, other`, ""},
		{"entities.relations.kind", "many", `"many" is not one of 1-1, 1-n, n-1, n-n`, ""},
		{"high_level_design.components.kind", "databse", `"databse" is not one of client, gateway, load-balancer, service, database, cache, queue, stream, blob-store, search-index, cdn, worker, other (did you mean "database"?)`, ""},
		{"deep_dives.concept", "Scaling", "", "scaling"},
		{"created", "2026-11-23", "", "2026-11-23"},
		{"created", "2026-13-01", `"2026-13-01" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-23`, ""},
		{"created", "2026-1-1", `"2026-1-1" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-23`, ""},
		{"slug", "Hello World", `"Hello World" is not a slug: use lower-case letters, digits and single hyphens (at most 60 characters), e.g. "hello-world"`, ""},
		{"slug", "url-shortener", "", "url-shortener"},
		{"number", "7", "", "7"},
		{"number", "0", "a doc number must be 1 or more, found 0", ""},
		{"number", "seven", `expected a whole number, found "seven"`, ""},
		{"capacity.dau", " 100M ", "", "100M"},
		{"capacity.read_size", "12 bananas", `12 bananas: unknown size unit "bananas"; use B, KB, MB, GB, TB, PB or KiB, MiB, GiB, TiB, PiB`, ""},
		{"capacity.retention", "5", "5: a duration needs a unit; use d (days), w (weeks) or y (365 days)", ""},
		{"capacity.server_rps", "-1", "-1: must not be negative", ""},
		{"api.endpoints.method", "post", "", "POST"},
		{"api.endpoints.method", "GRAB", `"GRAB" is not an HTTP method; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS`, ""},
		{"api.endpoints.method", "PUTT", `"PUTT" is not an HTTP method; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS (did you mean "PUT"?)`, ""},
		{"high_level_design.components.serves", "FR1, fr3,2", "", "FR1, FR3, FR2"},
		{"high_level_design.components.serves", "FR1, login", `"login" is not a functional requirement reference; write FR1, FR2, …`, ""},
		{"entities.name", "  User ", "", "User"},
		{"rendered.sha256", "abc", "not a sha256 digest (64 hex digits); delete the rendered block and render again", ""},
		{"titel", "x", `unknown answers field "titel" (did you mean "title"?)`, ""},
		{"summary", "\xff", "the value is not valid UTF-8 text", ""},
	}
	for _, tt := range tests {
		got, err := NormalizeField(tt.path, tt.value)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if msg != tt.want {
			t.Errorf("CheckField(%q, %q) = %q, want %q", tt.path, tt.value, msg, tt.want)
			continue
		}
		if err == nil && got != tt.norm {
			t.Errorf("NormalizeField(%q, %q) = %q, want %q", tt.path, tt.value, got, tt.norm)
		}
		if (CheckField(tt.path, tt.value) == nil) != (err == nil) {
			t.Errorf("CheckField and NormalizeField disagree on %q=%q", tt.path, tt.value)
		}
	}
}

// TestCheckFieldMatchesLoader puts values in a file and checks that the
// loader refuses exactly what CheckField refuses, with the same message.
func TestCheckFieldMatchesLoader(t *testing.T) {
	type place struct {
		path string
		file func(v string) string // answers with v at the field
	}
	q := func(v string) string { return doubleQuoted(v) }
	places := []place{
		{"status", func(v string) string { return minimal + "status: " + q(v) + "\n" }},
		{"created", func(v string) string { return minimal + "created: " + q(v) + "\n" }},
		{"slug", func(v string) string { return minimal + "slug: " + q(v) + "\n" }},
		{"api.style", func(v string) string { return minimal + "api:\n  style: " + q(v) + "\n" }},
		{"api.endpoints.method", func(v string) string {
			return minimal + "api:\n  endpoints:\n    - {method: " + q(v) + ", path: /x}\n"
		}},
		{"capacity.read_size", func(v string) string { return minimal + "capacity:\n  read_size: " + q(v) + "\n" }},
		{"deep_dives.concept", func(v string) string { return minimal + "deep_dives:\n  - {concept: " + q(v) + ", title: x}\n" }},
		{"entities.relations.kind", func(v string) string {
			return minimal + "entities:\n  - {name: A, relations: [{to: A, kind: " + q(v) + "}]}\n"
		}},
	}
	values := []string{"rest", "Scaling", "grcp", "drafted", "2026-13-01", "2026-11-23", "Hello World", "a-b", "1KB", "12 bananas",
		"post", "GRAB", "n-1", "many", " review ", "x\ny"}
	for _, p := range places {
		for _, v := range values {
			fieldErr := CheckField(p.path, v)
			_, loadErr := Parse("a.yaml", []byte(p.file(v)))
			if (fieldErr == nil) != (loadErr == nil) {
				t.Errorf("%s=%q: CheckField says %v, the loader %v", p.path, v, fieldErr, loadErr)
				continue
			}
			if fieldErr == nil {
				continue
			}
			var le *LoadError
			if !errors.As(loadErr, &le) || le.Problems[0].Msg != fieldErr.Error() {
				t.Errorf("%s=%q: CheckField says %q, the loader %v", p.path, v, fieldErr, loadErr)
			}
		}
	}
}

func TestLoaderRequiresNonEmptyEnums(t *testing.T) {
	for in, want := range map[string]string{
		minimal + "requirements:\n  non_functional:\n    - {quality: '', requirement: fast}\n":      "5:7: requirements.non_functional[0]: quality is required",
		minimal + "entities:\n  - {name: A, relations: [{to: A, kind: }]}\n":                        "4:27: entities[0].relations[0]: kind is required",
		minimal + "high_level_design:\n  components:\n    - {name: X, kind: null}\n":                "5:7: high_level_design.components[0]: kind is required",
		minimal + "high_level_design:\n  components:\n    - {name: X, kind: databse}\n":             `"databse" is not one of`,
		minimal + "requirements:\n  non_functional:\n    - {quality: Latency, requirement: fast}\n": "",
	} {
		_, err := Parse("a.yaml", []byte(in))
		switch {
		case want == "" && err != nil:
			t.Errorf("%q: %v", in, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%q: error %v, want %q", in, err, want)
		case want != "" && strings.Count(err.Error(), "\n") > 0:
			t.Errorf("%q: more than one problem: %v", in, err)
		}
	}
}

func TestParseDraft(t *testing.T) {
	for _, in := range []string{"designdoc: 1\n", "designdoc: 1\ntitle: ''\nsummary: s\n", "designdoc: 1\ntitle:\n"} {
		doc, err := ParseDraft("d.yaml", []byte(in))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if doc.Title != "" || doc.Slug != "" || doc.Status != StatusDraft {
			t.Errorf("%q: title %q slug %q status %q", in, doc.Title, doc.Slug, doc.Status)
		}
		if _, err := Parse("d.yaml", []byte(in)); err == nil {
			t.Errorf("%q: Parse accepts a file without a title", in)
		}
	}
	// Everything but the title is as strict as Parse.
	if _, err := ParseDraft("d.yaml", []byte("designdoc: 1\nstatus: drafted\n")); err == nil || !strings.Contains(err.Error(), `"drafted" is not one of`) {
		t.Errorf("bad status: %v", err)
	}
	if _, err := ParseDraft("d.yaml", []byte("designdoc: 1\ntitel: x\n")); err == nil {
		t.Error("unknown key accepted")
	}
	doc, err := ParseDraft("d.yaml", []byte("designdoc: 1\ntitle: Feed\n"))
	if err != nil || doc.Title != "Feed" || doc.Slug != "feed" {
		t.Errorf("with a title: %v %+v", err, doc)
	}
}
