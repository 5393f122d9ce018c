package team

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/design/yamltree"
)

// Keys lists the keys a config file may have, in the order init writes them.
var Keys = []string{"docs_dir", "template", "filename", "authors", "required_sections", "extra_sections", "templates_dir"}

var extraKeys = []string{"id", "title", "prompt", "required"}

// BuiltinSections are the answers sections required_sections may name,
// as check's DD001 knows them; a team's extra_sections ids are allowed too.
var BuiltinSections = []string{"summary", "requirements", "requirements.functional", "requirements.out_of_scope",
	"requirements.non_functional", "capacity", "entities", "api", "api.endpoints", "data_flow",
	"high_level_design", "high_level_design.components", "high_level_design.connections",
	"deep_dives", "alternatives", "open_questions"}

// Parse decodes and checks a config file's bytes; name is used in
// messages. Unknown keys, wrong types and values that cannot work (a
// file-name pattern that does not parse or leaves docs_dir) are all
// reported together, each at its line and column.
func Parse(name string, data []byte) (*Config, error) {
	root, err := yamltree.Parse(data)
	if err != nil {
		var se *yamltree.SyntaxError
		if errors.As(err, &se) {
			return nil, &design.LoadError{File: name, Problems: []design.Problem{{File: name, Pos: design.Pos{Line: se.Line, Column: se.Column}, Msg: se.Msg}}}
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c := &Config{Path: name, Keys: map[string]design.Pos{}}
	p := &parser{file: name}
	if root == nil {
		return c, nil // an empty config: every value from the defaults
	}
	if root.Kind != yamltree.Mapping {
		p.problem(root, "", "a designdoc config is a mapping of keys (%s), found %s", strings.Join(Keys, ", "), describe(root))
		return nil, p.err()
	}
	var required *yamltree.Node
	p.mapping(root, "", "the config", Keys, func(key string, k, v *yamltree.Node) {
		c.Keys[key] = pos(k)
		switch key {
		case "docs_dir":
			c.DocsDir = p.path(v, key)
		case "template":
			c.Template = p.name(v, key)
		case "filename":
			c.Filename = p.name(v, key)
			if c.Filename != "" {
				if _, err := ParsePattern(c.Filename); err != nil {
					p.problem(v, key, "%v", err)
				}
			}
		case "authors":
			c.Authors = p.names(v, key, "author names")
		case "required_sections":
			c.RequiredSections = p.names(v, key, "section names")
			required = v
		case "extra_sections":
			c.ExtraSections = p.extraSections(v, key)
		case "templates_dir":
			c.TemplatesDir = p.path(v, key)
		}
	})
	if required != nil && required.Kind == yamltree.Sequence {
		known := slices.Clone(BuiltinSections)
		for _, e := range c.ExtraSections {
			known = append(known, e.ID)
		}
		for i, it := range required.Content {
			if i >= len(c.RequiredSections) {
				break
			}
			if s := c.RequiredSections[i]; s != "" && !slices.Contains(known, s) {
				p.problem(it, fmt.Sprintf("required_sections[%d]", i), "unknown section %q%s; sections are %s, or an id from extra_sections", s, didYouMean(s, known), strings.Join(BuiltinSections, ", "))
			}
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return c, nil
}

type parser struct {
	file     string
	problems []design.Problem
}

func (p *parser) problem(n *yamltree.Node, at, format string, args ...any) {
	p.problems = append(p.problems, design.Problem{File: p.file, Pos: pos(n), Path: at, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) err() error {
	if len(p.problems) == 0 {
		return nil
	}
	slices.SortStableFunc(p.problems, func(a, b design.Problem) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Column - b.Pos.Column
	})
	return &design.LoadError{File: p.file, Problems: p.problems}
}

func pos(n *yamltree.Node) design.Pos { return design.Pos{Line: n.Line, Column: n.Column} }

func describe(n *yamltree.Node) string {
	switch n.Kind {
	case yamltree.Mapping:
		return "a mapping"
	case yamltree.Sequence:
		return "a list"
	}
	return "text"
}

func didYouMean(s string, candidates []string) string {
	if m := design.Suggest(s, candidates); m != "" {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}

func join(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

// mapping calls fn for each known key of n, reporting duplicate, non-text
// and unknown keys (with a suggestion).
func (p *parser) mapping(n *yamltree.Node, at, what string, known []string, fn func(key string, k, v *yamltree.Node)) {
	if n.IsNull() {
		return
	}
	if n.Kind != yamltree.Mapping {
		p.problem(n, at, "expected %s (a mapping with keys %s), found %s", what, strings.Join(known, ", "), describe(n))
		return
	}
	seen := map[string]*yamltree.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yamltree.Scalar {
			p.problem(k, at, "a key must be text, found %s", describe(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			p.problem(k, at, "duplicate key %q (first at line %d)", k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
		if !slices.Contains(known, k.Value) {
			p.problem(k, at, "unknown key %q%s; %s has %s", k.Value, didYouMean(k.Value, known), what, strings.Join(known, ", "))
			continue
		}
		fn(k.Value, k, v)
	}
}

func (p *parser) text(n *yamltree.Node, at string) string {
	if n.Kind != yamltree.Scalar {
		p.problem(n, at, "expected text, found %s", describe(n))
		return ""
	}
	if n.IsNull() {
		return ""
	}
	return n.Value
}

// name is one line of text without surrounding spaces.
func (p *parser) name(n *yamltree.Node, at string) string {
	s := strings.TrimSpace(p.text(n, at))
	if strings.ContainsAny(s, "\n\r") {
		p.problem(n, at, "must be one line")
		return ""
	}
	return s
}

// path is a folder path; it must not be empty when written.
func (p *parser) path(n *yamltree.Node, at string) string {
	s := p.name(n, at)
	if s == "" && n.Kind == yamltree.Scalar {
		p.problem(n, at, "must not be empty; leave the key out for the default")
	}
	return filepath.FromSlash(s)
}

func (p *parser) names(n *yamltree.Node, at, what string) []string {
	if n.IsNull() {
		return nil
	}
	if n.Kind != yamltree.Sequence {
		p.problem(n, at, "expected a list of %s, found %s", what, describe(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, it := range n.Content {
		s := p.name(it, fmt.Sprintf("%s[%d]", at, i))
		if s == "" && it.Kind == yamltree.Scalar {
			p.problem(it, fmt.Sprintf("%s[%d]", at, i), "must not be empty")
		}
		out = append(out, s)
	}
	return out
}

func (p *parser) boolean(n *yamltree.Node, at string) bool {
	if n.Kind == yamltree.Scalar && n.Plain {
		switch n.Value {
		case "true", "True", "TRUE":
			return true
		case "false", "False", "FALSE":
			return false
		}
	}
	p.problem(n, at, "expected true or false, found %q", n.Value)
	return false
}

func (p *parser) extraSections(n *yamltree.Node, at string) []ExtraSection {
	if n.IsNull() {
		return nil
	}
	if n.Kind != yamltree.Sequence {
		p.problem(n, at, "expected a list of {id, title, prompt, required} sections, found %s", describe(n))
		return nil
	}
	var out []ExtraSection
	ids := map[string]int{}
	for i, it := range n.Content {
		at := fmt.Sprintf("%s[%d]", at, i)
		e := ExtraSection{Pos: pos(it)}
		var idNode *yamltree.Node
		p.mapping(it, at, "an extra section", extraKeys, func(key string, _, v *yamltree.Node) {
			switch key {
			case "id":
				e.ID, idNode = p.name(v, join(at, key)), v
			case "title":
				e.Title = p.name(v, join(at, key))
			case "prompt":
				e.Prompt = p.name(v, join(at, key))
			case "required":
				e.Required = p.boolean(v, join(at, key))
			}
		})
		if it.Kind != yamltree.Mapping {
			continue
		}
		switch {
		case e.ID == "":
			p.problem(it, at, "id is required")
		case !design.ValidSectionID(e.ID):
			p.problem(idNode, join(at, "id"), "%q is not a section id: use lower-case letters, digits and underscores, starting with a letter", e.ID)
		case slices.Contains(BuiltinSections, e.ID) || slices.Contains(design.TopLevelKeys(), e.ID):
			p.problem(idNode, join(at, "id"), "%q is a built-in section; choose another id", e.ID)
		default:
			if line, dup := ids[e.ID]; dup {
				p.problem(idNode, join(at, "id"), "duplicate extra section id %q (first at line %d)", e.ID, line)
			}
			ids[e.ID] = idNode.Line
		}
		if e.Title == "" {
			p.problem(it, at, "title is required")
		}
		out = append(out, e)
	}
	return out
}
