package team

import (
	"reflect"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

func TestMarshalRoundTrip(t *testing.T) {
	c := &Config{
		DocsDir: "docs/design", Template: "rfc", Filename: DefaultFilename,
		Authors:          []string{"Platform Team", "O'Brien: \"Ops\"", "yes", "#1"},
		RequiredSections: []string{"requirements", "risks"},
		ExtraSections:    []ExtraSection{{ID: "risks", Title: "Risks", Prompt: "What could go wrong?", Required: true}},
		TemplatesDir:     ".designdoc/templates",
		Keys:             map[string]design.Pos{},
	}
	for _, k := range Keys {
		c.Keys[k] = design.Pos{}
	}
	out := Marshal(c)
	got, err := Parse("x.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got.Path, got.Keys, c.Keys = "", nil, nil
	got.ExtraSections[0].Pos = design.Pos{}
	if !reflect.DeepEqual(got, c) {
		t.Errorf("round trip:\n%s\ngot  %+v\nwant %+v", out, got, c)
	}
}
