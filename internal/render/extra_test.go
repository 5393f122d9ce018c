package render

import (
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// TestExtraSections renders a team's own sections: the config's order and
// titles, a prompt as guidance while unanswered, answered sections the
// config no longer lists after them, a heading that clashes made unique,
// all in the contents and before the alternatives.
func TestExtraSections(t *testing.T) {
	doc, err := design.Parse("x.yaml", []byte(`designdoc: 1
title: Feed
deep_dives:
  - {concept: scaling, title: Risks, problem: p}
extra_sections:
  - {id: costs, title: Old costs title, text: "About $400 a month."}
  - {id: legacy_notes, text: Kept from an old config.}
  - {id: risks, title: Risks, text: The cache may fall over.}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"design", "rfc"} {
		t.Run(name, func(t *testing.T) {
			tmpl, err := newTestEngine(t).Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			v := NewView(doc, "x.yaml", name)
			v.AddTeamSections([]TeamSection{
				{ID: "risks", Title: "Risks", Prompt: "What could go wrong?"},
				{ID: "costs", Title: "Costs"},
				{ID: "privacy_review", Title: "Privacy review", Prompt: "Who signed off, and when?"},
			})
			md, err := tmpl.Execute(v)
			if err != nil {
				t.Fatal(err)
			}
			out := string(md)
			want := []string{
				"## Risks (2)\n\nThe cache may fall over.\n",
				"## Costs\n\nAbout $400 a month.\n",
				"## Privacy review\n\n<!-- Who signed off, and when? Your team asks for this section (extra_sections in .designdoc.yaml): answer it with designdoc edit --section team_sections. -->\n",
				"## Legacy notes\n\nKept from an old config.\n",
				"## Alternatives considered",
			}
			at := 0
			for _, w := range want {
				i := strings.Index(out[at:], w)
				if i < 0 {
					t.Fatalf("%q missing or out of order in:\n%s", w, out)
				}
				at += i + len(w)
			}
			if strings.Contains(out, "Old costs title") {
				t.Error("the answers' title was used where the config gives one")
			}
			if name == "design" && !strings.Contains(out, "- [Deep dives](#deep-dives)\n- [Risks (2)](#risks-2)\n- [Costs](#costs)\n- [Privacy review](#privacy-review)\n- [Legacy notes](#legacy-notes)\n- [Alternatives") {
				t.Errorf("contents do not list the team sections:\n%s", out)
			}
		})
	}
}

// TestExtraSectionsNone checks a doc without team sections renders as
// before: no stray heading or blank lines.
func TestExtraSectionsNone(t *testing.T) {
	doc, _ := loadExample(t)
	v := NewView(doc, "x.yaml", "design")
	v.AddTeamSections(nil)
	if len(v.Extras) != 0 {
		t.Errorf("extras = %+v, want none", v.Extras)
	}
}
