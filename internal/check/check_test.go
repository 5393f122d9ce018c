package check

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

// lint runs every rule over a fixture file, by its kind.
func lint(t *testing.T, name string, data []byte, opts Options) []Finding {
	t.Helper()
	if IsMarkdown(name) {
		return RunMarkdown(data, name, opts)
	}
	doc, err := design.Parse(name, data)
	if err != nil {
		t.Fatalf("fixture does not load: %v", err)
	}
	return Run(doc, name, opts)
}

func locations(fs []Finding, id string) []string {
	var out []string
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, fmt.Sprintf("%d:%d", f.Line, f.Column))
		}
	}
	return out
}

// TestRuleFixtures: every rule has testdata/rules/ID.txtar with a
// trigger (reported at exactly the lines of its want section) and a near
// miss that must not trigger it.
func TestRuleFixtures(t *testing.T) {
	for _, rule := range Rules() {
		t.Run(rule.ID, func(t *testing.T) {
			ar, err := txtar.ParseFile(filepath.Join("testdata", "rules", rule.ID+".txtar"))
			if err != nil {
				t.Fatalf("every rule needs a fixture: %v", err)
			}
			files := map[string][]byte{}
			for _, f := range ar.Files {
				files[f.Name] = f.Data
			}
			ext := ".yaml"
			if rule.Input == Markdown {
				ext = ".md"
			}
			trigger, ok1 := files["trigger"+ext]
			miss, ok2 := files["near-miss"+ext]
			if !ok1 || !ok2 {
				t.Fatalf("the fixture needs trigger%s and near-miss%s", ext, ext)
			}
			got := lint(t, "trigger"+ext, trigger, Options{})
			want := strings.Fields(string(files["want"]))
			if locs := locations(got, rule.ID); !slices.Equal(locs, want) {
				t.Errorf("trigger: %s found at %v, want %v\n%v", rule.ID, locs, want, got)
			}
			for _, f := range got {
				if f.Rule != rule.ID {
					continue
				}
				if f.Severity != rule.Severity || f.Message == "" || f.Hint == "" || f.File != "trigger"+ext {
					t.Errorf("incomplete finding: %+v", f)
				}
			}
			if locs := locations(lint(t, "near-miss"+ext, miss, Options{}), rule.ID); len(locs) > 0 {
				t.Errorf("near miss: %s found at %v", rule.ID, locs)
			}
			if locs := locations(lint(t, "trigger"+ext, trigger, Options{Disable: []string{strings.ToLower(rule.ID)}}), rule.ID); len(locs) > 0 {
				t.Errorf("disabled, %s still found at %v", rule.ID, locs)
			}
		})
	}
}

// TestExamplesClean: the examples are what designdoc recommends, so no
// rule may warn about them, answers or docs.
func TestExamplesClean(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*")
	if len(paths) < 6 {
		t.Fatalf("examples: %v", paths)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range lint(t, p, data, Options{}) {
			if f.Severity > Info {
				t.Errorf("%s: %s %s: %s", f.Location(), f.Rule, f.Severity, f.Message)
			}
		}
	}
}

func TestRegistry(t *testing.T) {
	id := regexp.MustCompile(`^DD\d{3}$`)
	prev := ""
	for _, r := range Rules() {
		if !id.MatchString(r.ID) || r.ID <= prev {
			t.Errorf("%s: IDs are DD and three digits, in order, after %s", r.ID, prev)
		}
		prev = r.ID
		if r.Title == "" || strings.HasSuffix(r.Title, ".") || len(r.Title) > 100 {
			t.Errorf("%s: title %q: one line, no period", r.ID, r.Title)
		}
		if len(r.Explain) < 80 {
			t.Errorf("%s: the explanation is too short to explain", r.ID)
		}
		if (r.answers == nil) == (r.markdown == nil) || (r.markdown != nil) != (r.Input == Markdown) {
			t.Errorf("%s: a rule runs on exactly one input", r.ID)
		}
		if r.Topic != "" {
			if _, err := knowledge.Lookup(r.Topic); err != nil {
				t.Errorf("%s: topic: %v", r.ID, err)
			}
		}
	}
	for _, want := range []string{"DD001", "DD012", "DD013"} {
		if _, ok := Lookup(strings.ToLower(want)); !ok {
			t.Errorf("Lookup(%s) failed", want)
		}
	}
	if err := CheckIDs([]string{"DD001", "DD0077"}); err == nil || err.Error() != `no rule "DD0077" (did you mean DD007?)` {
		t.Errorf("CheckIDs: %v", err)
	}
}

func TestSummary(t *testing.T) {
	fs := []Finding{{Severity: Warning}, {Severity: Info}, {Severity: Warning}, {Severity: Error}, {Severity: Warning}}
	if got := Summary(fs); got != "1 error, 3 warnings, 1 info" {
		t.Errorf("Summary = %q", got)
	}
	if got := Summary(fs[1:3]); got != "1 warning, 1 info" {
		t.Errorf("Summary = %q", got)
	}
	if got := Summary(nil); got != "" {
		t.Errorf("Summary(nil) = %q", got)
	}
	if Failed(fs[:3], false) || !Failed(fs[:3], true) || !Failed(fs, false) || Failed(fs[1:2], true) {
		t.Error("Failed: errors fail, warnings only when strict, infos never")
	}
}

// TestStatusTightensPlaceholders: a TBD is an info in a draft and an
// error once the doc is in review; with DD013 off it is an info again.
func TestStatusTightensPlaceholders(t *testing.T) {
	const base = "title: Feed\nsummary: TBD\nstatus: "
	rules := func(fs []Finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Rule+" "+f.Severity.String())
		}
		return out
	}
	only := Options{Disable: []string{"DD001", "DD006"}}
	for _, tc := range []struct {
		status  string
		disable []string
		want    []string
	}{
		{"draft", nil, []string{"DD011 info"}},
		{"review", nil, []string{"DD013 error"}},
		{"accepted", []string{"DD013"}, []string{"DD011 info"}},
		{"superseded", nil, []string{"DD011 info"}},
	} {
		opts := only
		opts.Disable = append(slices.Clone(only.Disable), tc.disable...)
		got := rules(lint(t, "a.yaml", []byte(base+tc.status+"\n"), opts))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s (disable %v): %v, want %v", tc.status, tc.disable, got, tc.want)
		}
	}
}

func TestRequiredSectionsFromTeam(t *testing.T) {
	fs := lint(t, "a.yaml", []byte("title: Feed\nrequirements:\n  functional: [Users should be able to post]\n"),
		Options{RequiredSections: []string{"requirements", "capacity", "deep_dives"}})
	var msgs []string
	for _, f := range fs {
		if f.Rule == "DD001" {
			msgs = append(msgs, f.Message)
		}
	}
	want := []string{"capacity is empty, and the doc requires it", "deep_dives is empty, and the doc requires it"}
	if !slices.Equal(msgs, want) {
		t.Errorf("DD001: %q, want %q", msgs, want)
	}
}

// TestRequiredTeamSections checks DD001 on a team's own sections: missing,
// present but empty, and answered.
func TestRequiredTeamSections(t *testing.T) {
	fs := lint(t, "a.yaml", []byte(`title: Feed
extra_sections:
  - {id: costs, text: "  "}
  - {id: risks, text: The cache may fall over.}
`), Options{RequiredSections: []string{"risks", "costs", "privacy_review"}})
	var got []string
	for _, f := range fs {
		if f.Rule == "DD001" {
			got = append(got, f.Location()+": "+f.Message)
		}
	}
	want := []string{
		`a.yaml:2:1: the team section "privacy_review" is empty, and the doc requires it`,
		`a.yaml:3:5: the team section "costs" is empty, and the doc requires it`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("DD001:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFindingLocation(t *testing.T) {
	for _, tc := range []struct {
		f    Finding
		want string
	}{
		{Finding{File: "a.yaml", Line: 3, Column: 5}, "a.yaml:3:5"},
		{Finding{File: "a.yaml", Line: 3}, "a.yaml:3"},
		{Finding{File: "a.yaml"}, "a.yaml"},
	} {
		if got := tc.f.Location(); got != tc.want {
			t.Errorf("Location = %q, want %q", got, tc.want)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the rule table in README.md")

// TestREADME: the README's rule table is the registry's; -update
// rewrites it.
func TestREADME(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	const start, end = "<!-- rules:start -->\n", "<!-- rules:end -->"
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q markers", start, end)
	}
	want := RulesTable()
	if got := s[i+len(start) : j]; got != want {
		if *update {
			if err := os.WriteFile(path, []byte(s[:i+len(start)]+want+s[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("the rule table in README.md is stale; run go test ./internal/check -run README -update\n%s", want)
	}
}
