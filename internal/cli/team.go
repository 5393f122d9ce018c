package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/check"
	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/interview"
	"github.com/designdoc-cli/designdoc/internal/render"
	"github.com/designdoc-cli/designdoc/internal/team"
)

// teamSettings finds the project config by walking up from the working
// directory and merges it with the user config. project is nil outside a
// project. A template or templates_dir a config names that cannot be used
// is an error at its place in the config, so the user knows which file to
// fix rather than seeing a bare "no template".
func teamSettings() (settings team.Settings, project *team.Config, err error) {
	settings, project, err = loadTeamSettings()
	if err != nil {
		return team.Settings{}, nil, err
	}
	engine, err := teamEngineFor(settings)
	if err != nil {
		return team.Settings{}, nil, err
	}
	if o := settings.Origins["template"]; o.File != "" {
		if _, err := engine.Lookup(settings.Template); err != nil {
			return team.Settings{}, nil, atOrigin(o, "template", err)
		}
	}
	return settings, project, nil
}

// atOrigin puts the config file and line a setting came from in front of
// an error about its value.
func atOrigin(o team.Origin, key string, err error) error {
	if o.File == "" {
		return err
	}
	if o.Pos.Known() {
		return fmt.Errorf("%s:%d:%d: %s: %w", o.File, o.Pos.Line, o.Pos.Column, key, err)
	}
	return fmt.Errorf("%s: %s: %w", o.File, key, err)
}

// teamEngineFor is the template engine with s's templates_dir, an error
// about that folder naming the config that set it.
func teamEngineFor(s team.Settings) (*render.Engine, error) {
	e, err := render.NewWithDir(s.TemplatesDir)
	if err != nil {
		return nil, atOrigin(s.Origins["templates_dir"], "templates_dir", err)
	}
	return e, nil
}

// loadTeamSettings is teamSettings without checking the templates.
func loadTeamSettings() (settings team.Settings, project *team.Config, err error) {
	wd, err := os.Getwd()
	if err != nil {
		return team.Settings{}, nil, err
	}
	project, err = team.Find(wd)
	if err != nil {
		return team.Settings{}, nil, err
	}
	user, err := team.LoadUser()
	if err != nil {
		return team.Settings{}, nil, err
	}
	return team.Resolve(project, user), project, nil
}

// inDocsDir reports whether an answers file lives in the team's docs_dir,
// as the answers of a numbered doc do.
func inDocsDir(answers, docsDir string) bool {
	a, err1 := filepath.Abs(filepath.Dir(answers))
	d, err2 := filepath.Abs(docsDir)
	return err1 == nil && err2 == nil && a == d
}

// docBeside is the doc that belongs to a numbered answers file.
func docBeside(answers string) string {
	return strings.TrimSuffix(answers, ".designdoc.yaml") + ".md"
}

// claimNumbered reserves the doc's number and file in docs_dir.
func claimNumbered(s team.Settings, doc *design.Doc, number int) (answers, docPath string, release func(), err error) {
	pattern, err := team.ParsePattern(s.Filename)
	if err != nil {
		return "", "", nil, err
	}
	docPath, num, release, err := team.Claim(s.DocsDir, pattern, doc.Slug, doc.Title, doc.Created, number)
	if err != nil {
		return "", "", nil, err
	}
	doc.Number = num
	// Messages name the files as the user would type them from here.
	docPath = relToWorkingDir(docPath)
	return team.AnswersPath(docPath), docPath, release, nil
}

// lintOptions are the linter's options from the team config: its
// required_sections, when a config sets them. A config that does not load
// is left to the commands that need it; the lint falls back to defaults.
func lintOptions() check.Options {
	s, _, err := loadTeamSettings()
	if err != nil {
		return check.Options{}
	}
	return lintOptionsFor(s)
}

// lintOptionsFor are the linter's options from s: the team's
// required_sections (the default list when it sets none), and its extra
// sections marked required.
func lintOptionsFor(s team.Settings) check.Options {
	var req []string
	if s.Origins["required_sections"].Source != team.FromDefault {
		req = slices.Clone(s.RequiredSections)
	}
	for _, e := range s.ExtraSections {
		if e.Required && !slices.Contains(req, e.ID) {
			if req == nil {
				req = slices.Clone(check.DefaultRequiredSections)
			}
			req = append(req, e.ID)
		}
	}
	return check.Options{RequiredSections: req}
}

// interviewSections are the team's extra sections as the interview asks them.
func interviewSections(s team.Settings) []interview.Section {
	out := make([]interview.Section, len(s.ExtraSections))
	for i, e := range s.ExtraSections {
		out[i] = interview.Section{ID: e.ID, Title: e.Title, Prompt: e.Prompt, Required: e.Required}
	}
	return out
}

// teamView is the view templates render doc through, with the team's own
// sections laid out when a config lists some.
func teamView(doc *design.Doc, source, templateName string) *render.View {
	v := render.NewView(doc, source, templateName)
	if s, _, err := loadTeamSettings(); err == nil && len(s.ExtraSections) > 0 {
		secs := make([]render.TeamSection, len(s.ExtraSections))
		for i, e := range s.ExtraSections {
			secs[i] = render.TeamSection{ID: e.ID, Title: e.Title, Prompt: e.Prompt}
		}
		v.AddTeamSections(secs)
	}
	return v
}

// teamEngine is the template engine with the team's templates_dir, when
// a config names one. A config that does not load is reported by the
// commands that read it; rendering then uses the built-ins alone.
func teamEngine() (*render.Engine, error) {
	s, _, err := loadTeamSettings()
	if err != nil {
		return render.New()
	}
	return teamEngineFor(s)
}
