package design

import (
	"strings"
	"testing"
)

func TestWithRendered(t *testing.T) {
	rec := Rendered{Path: "url-shortener.md", SHA256: strings.Repeat("ab", 32), Template: "design", Version: "v1.0.0"}
	block := "rendered:\n  path: url-shortener.md\n  sha256: " + rec.SHA256 + "\n  template: design\n  version: v1.0.0\n"
	tests := []struct {
		name, in, want string
	}{
		{"appends, keeping comments and order",
			"# my design\ntitle: T # inline\nsummary: s\n\n# trailing comment\n",
			"# my design\ntitle: T # inline\nsummary: s\n\n# trailing comment\n" + block},
		{"appends a newline first when missing",
			"title: T",
			"title: T\n" + block},
		{"replaces an existing record in the middle, keeping the next key's comment",
			"title: T\nrendered:\n  path: old.md\n  sha256: " + strings.Repeat("0", 64) + "\n\n# about the summary\nsummary: s\n",
			"title: T\n" + block + "\n# about the summary\nsummary: s\n"},
		{"replaces a flow record at the end",
			"title: T\nrendered: {path: old.md, sha256: x}\n",
			"title: T\n" + block},
		{"keeps CRLF line endings",
			"title: T\r\nsummary: s\r\n",
			"title: T\r\nsummary: s\r\n" + strings.ReplaceAll(block, "\n", "\r\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParseLoose(t, tt.in)
			got, err := WithRendered("a.yaml", []byte(tt.in), doc, rec)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			back, err := Parse("a.yaml", got)
			if err != nil {
				t.Fatalf("result does not load: %v", err)
			}
			if *back.Rendered != rec {
				t.Errorf("record read back = %+v", back.Rendered)
			}
		})
	}
}

// mustParseLoose parses answers whose rendered record may be invalid (the
// tests replace it), by parsing with it removed to get the key positions.
func mustParseLoose(t *testing.T, in string) *Doc {
	t.Helper()
	doc, err := Parse("a.yaml", []byte(in))
	if err == nil {
		return doc
	}
	// The sha256 "x" above is invalid; positions are all that matter.
	fixed := strings.Replace(in, "sha256: x}", "sha256: "+strings.Repeat("0", 64)+"}", 1)
	doc, err = Parse("a.yaml", []byte(fixed))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestWithRenderedQuotesOddPaths(t *testing.T) {
	in := "title: T\n"
	doc := mustParseLoose(t, in)
	rec := Rendered{Path: "docs/my doc: v2.md", SHA256: strings.Repeat("1", 64)}
	got, err := WithRendered("a.yaml", []byte(in), doc, rec)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("a.yaml", got)
	if err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	if back.Rendered.Path != rec.Path {
		t.Errorf("path read back = %q", back.Rendered.Path)
	}
}

func TestWithRenderedJSONAndFlow(t *testing.T) {
	rec := Rendered{Path: "t.md", SHA256: strings.Repeat("c", 64), Template: "design"}
	for _, tc := range []struct{ name, in string }{
		{"a.json", `{"title": "T", "summary": "s"}`},
		{"a.json", `{"title": "T", "rendered": {"path": "x.md", "sha256": "` + strings.Repeat("0", 64) + `"}, "summary": "s"}`},
		{"a.yaml", "{title: T, summary: s} # flow\n"},
		{"a.yaml", "---\ntitle: T\n...\n"},
	} {
		doc, err := Parse(tc.name, []byte(tc.in))
		if err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		got, err := WithRendered(tc.name, []byte(tc.in), doc, rec)
		if err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		back, err := Parse(tc.name, got)
		if err != nil {
			t.Fatalf("%s → %s: %v", tc.in, got, err)
		}
		if back.Title != "T" || back.Rendered == nil || *back.Rendered != rec {
			t.Errorf("%s → %s: read back %+v", tc.in, got, back.Rendered)
		}
		if tc.name == "a.json" && strings.Index(string(got), `"title"`) > strings.Index(string(got), `"summary"`) {
			t.Errorf("key order changed: %s", got)
		}
	}
}
