package team

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// DefaultFilename is the file-name pattern without a config: the number
// padded to four digits, then the slug.
const DefaultFilename = `{{ printf "%04d" .Number }}-{{ .Slug }}.md`

// FileData is what a file-name pattern can use.
type FileData struct {
	Number  int
	Slug    string
	Created string // YYYY-MM-DD
	Title   string
}

// sample is the data a pattern is tried on when it is loaded, so that a
// mistake is reported with the config rather than at the first new.
var sample = FileData{Number: 7, Slug: "url-shortener", Created: "2026-11-23", Title: "URL shortener"}

// ParsePattern parses a file-name pattern: a text/template over .Number,
// .Slug, .Created and .Title whose result is a file name ending in .md.
// It is tried once, so a field that does not exist or a result that would
// leave docs_dir is an error now.
func ParsePattern(text string) (*template.Template, error) {
	t, err := template.New("filename").Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, fmt.Errorf("the file-name pattern does not parse: %s", strings.TrimPrefix(err.Error(), "template: "))
	}
	if _, err := FileName(t, sample); err != nil {
		return nil, err
	}
	return t, nil
}

// FileName is the doc's file name the pattern gives for d. The slug is
// made a slug first (so "../../x" becomes "x") and a path separator in
// the title becomes "-"; a result that is still not a plain file name
// ending in .md — a path, "..", a hidden file — is refused, so a doc can
// never be written outside docs_dir.
func FileName(pattern *template.Template, d FileData) (string, error) {
	if !design.ValidSlug(d.Slug) {
		d.Slug = design.Slugify(d.Slug)
	}
	d.Title = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r < ' ' || r == 0x7f {
			return '-'
		}
		return r
	}, d.Title)
	var b bytes.Buffer
	if err := pattern.Execute(&b, d); err != nil {
		return "", fmt.Errorf("the file-name pattern fails: %s (it can use .Number, .Slug, .Created and .Title)", strings.TrimPrefix(err.Error(), "template: "))
	}
	name := strings.TrimSpace(b.String())
	switch {
	case name == "":
		return "", fmt.Errorf("the file-name pattern gives an empty name")
	case filepath.IsAbs(name) || strings.ContainsAny(name, `/\`) || filepath.VolumeName(name) != "":
		return "", fmt.Errorf("the file-name pattern gives %q: it must be a file name inside docs_dir, not a path", name)
	case strings.HasPrefix(name, "."):
		return "", fmt.Errorf("the file-name pattern gives %q: a name starting with a dot would be hidden", name)
	case !strings.HasSuffix(name, ".md"):
		return "", fmt.Errorf("the file-name pattern gives %q: a doc's name must end in .md", name)
	case strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return "", fmt.Errorf("the file-name pattern gives %q, which has control characters", name)
	}
	return name, nil
}

// AnswersPath is the answers file that belongs beside a doc:
// docs/0007-x.md has docs/0007-x.designdoc.yaml.
func AnswersPath(docPath string) string {
	return strings.TrimSuffix(docPath, ".md") + ".designdoc.yaml"
}
