package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/interview"
)

const extraConfig = `docs_dir: docs
extra_sections:
  - {id: risks, title: Risks, prompt: "What could go wrong?", required: true}
  - {id: costs, title: Costs}
`

// TestNewAsksTeamSections runs new in a project whose config adds two
// sections: the interview asks them after the others, the answers keep
// them, the doc shows them (the skipped one as guidance) and the linter
// holds the required one to account.
func TestNewAsksTeamSections(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(".designdoc.yaml", []byte(extraConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	io, _, _ := testIO()
	s := interview.NewScript("Feed", "A feed.", "", "", "", "Hot shards melt.", "", writeDoc)
	opts := &NewOptions{IO: io, Sections: []string{"title", "team_sections"}, Prompter: s, Env: fixedEnv}
	if err := newRun(opts); err != nil {
		t.Fatalf("new: %v\n%s", err, strings.Join(s.Log, "\n"))
	}
	log := strings.Join(s.Log, "\n")
	for _, want := range []string{"── 10/10 Team sections ──", "? What could go wrong?\n! Risks is required\n? What could go wrong?", "? Costs", "10. Team sections"} {
		if !strings.Contains(log, want) {
			t.Errorf("interview log lacks %q:\n%s", want, log)
		}
	}
	answers := filepath.Join("docs", "0001-feed.designdoc.yaml")
	doc, err := design.Load(answers)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.ExtraSections) != 1 || doc.ExtraSections[0] != (design.ExtraSection{ID: "risks", Title: "Risks", Text: "Hot shards melt.", Pos: doc.ExtraSections[0].Pos}) {
		t.Errorf("extra sections = %+v", doc.ExtraSections)
	}
	md, err := os.ReadFile(filepath.Join("docs", "0001-feed.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Risks\n\nHot shards melt.\n", "## Costs\n\n<!-- Your team asks for this section (extra_sections in .designdoc.yaml): answer it with designdoc edit --section team_sections. -->\n", "- [Risks](#risks)\n- [Costs](#costs)\n"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("doc lacks %q", want)
		}
	}
	if got := lintOptions().RequiredSections; !strings.Contains(strings.Join(got, ","), "risks") {
		t.Errorf("lint options = %v, want risks required", got)
	}
}
