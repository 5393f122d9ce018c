package team

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// Defaults used when neither a flag nor a config sets a value.
const (
	DefaultDocsDir  = "docs/design"
	DefaultTemplate = "design"
)

// DefaultRequiredSections are what check requires without a team list.
var DefaultRequiredSections = []string{"requirements.functional", "entities", "api.endpoints", "high_level_design.components"}

// Source says where a setting came from.
type Source string

// The sources of a setting, strongest first.
const (
	FromFlag    Source = "flag"
	FromProject Source = "project config"
	FromUser    Source = "user config"
	FromDefault Source = "default"
)

// Origin is where one setting's value was written.
type Origin struct {
	Source Source
	File   string     // the config file; "" for a flag or a default
	Pos    design.Pos // the key's position in File
}

func (o Origin) String() string {
	if o.File == "" {
		return string(o.Source)
	}
	if o.Pos.Known() {
		return fmt.Sprintf("%s %s:%d", o.Source, o.File, o.Pos.Line)
	}
	return fmt.Sprintf("%s %s", o.Source, o.File)
}

// Settings are the values in effect, each from the strongest source that
// sets it: flags > project config > user config > defaults.
type Settings struct {
	// Root is the project's folder (where .designdoc.yaml is); "" when
	// there is no project config.
	Root string
	// DocsDir is where docs go. A project config's relative docs_dir is
	// joined to Root; the user config's is relative to Root too, or to the
	// working directory when there is no project, and so is the default.
	DocsDir          string
	Template         string
	Filename         string
	Authors          []string
	RequiredSections []string
	ExtraSections    []ExtraSection
	// TemplatesDir is a folder of custom templates, "" for none; relative
	// paths resolve as DocsDir's do.
	TemplatesDir string
	// Origins records where each key's value came from, by config key.
	Origins map[string]Origin
}

// Resolve merges the project and user configs (either may be nil) over the
// defaults. Flags are applied afterwards with SetFlag.
func Resolve(project, user *Config) Settings {
	s := Settings{
		DocsDir:          DefaultDocsDir,
		Template:         DefaultTemplate,
		Filename:         DefaultFilename,
		RequiredSections: slices.Clone(DefaultRequiredSections),
		Origins:          map[string]Origin{},
	}
	for _, k := range Keys {
		s.Origins[k] = Origin{Source: FromDefault}
	}
	if project != nil {
		s.Root = project.Dir()
	}
	for _, c := range []struct {
		cfg *Config
		src Source
	}{{user, FromUser}, {project, FromProject}} {
		if c.cfg == nil {
			continue
		}
		for key, p := range c.cfg.Keys {
			s.Origins[key] = Origin{Source: c.src, File: c.cfg.Path, Pos: p}
			switch key {
			case "docs_dir":
				s.DocsDir = c.cfg.DocsDir
			case "template":
				s.Template = c.cfg.Template
			case "filename":
				s.Filename = c.cfg.Filename
			case "authors":
				s.Authors = slices.Clone(c.cfg.Authors)
			case "required_sections":
				s.RequiredSections = slices.Clone(c.cfg.RequiredSections)
			case "extra_sections":
				s.ExtraSections = slices.Clone(c.cfg.ExtraSections)
			case "templates_dir":
				s.TemplatesDir = c.cfg.TemplatesDir
			}
		}
	}
	s.DocsDir = s.under(s.DocsDir)
	if s.TemplatesDir != "" {
		s.TemplatesDir = s.under(s.TemplatesDir)
	}
	if s.Origins["template"].Source == FromProject && looksLikePath(s.Template) && !filepath.IsAbs(s.Template) {
		s.Template = filepath.Join(s.Root, filepath.FromSlash(s.Template))
	}
	return s
}

// under resolves a relative folder against the project root, if any.
func (s *Settings) under(p string) string {
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) || s.Root == "" {
		return filepath.Clean(p)
	}
	return filepath.Join(s.Root, p)
}

// looksLikePath tells a template path from a built-in template's name.
func looksLikePath(s string) bool {
	return strings.ContainsAny(s, `/\`) || strings.HasSuffix(s, ".tmpl")
}

// SetFlag overrides one setting with a command-line value; key is the
// config key (docs_dir, template, filename, authors as a comma-separated
// list, templates_dir). Paths are taken as given, relative to the working
// directory.
func (s *Settings) SetFlag(key, value string) error {
	switch key {
	case "docs_dir":
		s.DocsDir = filepath.Clean(value)
	case "template":
		s.Template = value
	case "filename":
		if _, err := ParsePattern(value); err != nil {
			return err
		}
		s.Filename = value
	case "authors":
		s.Authors = splitList(value)
	case "required_sections":
		s.RequiredSections = splitList(value)
	case "templates_dir":
		s.TemplatesDir = filepath.Clean(value)
	default:
		return fmt.Errorf("unknown setting %q%s", key, didYouMean(key, Keys))
	}
	if s.Origins == nil {
		s.Origins = map[string]Origin{}
	}
	s.Origins[key] = Origin{Source: FromFlag}
	return nil
}

// Pattern parses the file-name pattern in effect.
func (s *Settings) Pattern() (*template.Template, error) {
	t, err := ParsePattern(s.Filename)
	if err != nil {
		if o := s.Origins["filename"]; o.File != "" {
			return nil, fmt.Errorf("%s: filename: %w", o.File, err)
		}
		return nil, err
	}
	return t, nil
}

// splitList splits "a, b" into its non-empty items.
func splitList(s string) []string {
	var out []string
	for _, it := range strings.Split(s, ",") {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}
