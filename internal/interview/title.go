package interview

import (
	"fmt"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

func (s *session) titlePhase() error {
	d := s.doc
	if s.asks(d.Title) {
		v, err := s.p.Input(Prompt{
			Message:  "Title of the design",
			Default:  d.Title,
			Help:     "A short name for the system or change, e.g. \"URL shortener\" or \"Move feed ranking to streaming\". The file names come from it.",
			Validate: all(required("a title"), field("title"), s.opts.CheckTitle),
		})
		if err != nil {
			return err
		}
		if d.Title != v && (d.Slug == "" || !s.edit) {
			d.Slug = design.Slugify(v)
		}
		d.Title = v
	}
	if s.asks(d.Summary) {
		v, err := s.p.Multiline(Prompt{
			Message: "Problem statement: who has the problem, what they need, why now (one paragraph)",
			Default: d.Summary,
			Help:    knowledge.Help("framework"),
		})
		if err != nil {
			return err
		}
		d.Summary = v
	}
	if s.edit || len(d.Authors) == 0 {
		def := strings.Join(d.Authors, ", ")
		if def == "" {
			def = s.opts.DefaultAuthor
		}
		v, err := s.p.Input(Prompt{
			Message: "Authors (comma-separated)",
			Default: def,
			Help:    "Who writes and answers for this design. The default comes from git config user.name.",
		})
		if err != nil {
			return err
		}
		d.Authors = splitList(v)
	}
	if s.edit || !s.hasStatusKey() {
		v, err := s.p.Select(Choice{
			Message: "Status",
			Options: design.Statuses,
			Default: string(d.Status),
			Describe: func(o string) string {
				return statusNotes[o]
			},
			Help: "Where the doc stands in review. A new design starts as a draft.",
		})
		if err != nil {
			return err
		}
		d.Status = design.Status(v)
	}
	return nil
}

// hasStatusKey reports whether the answers file being filled in already
// gave a status.
func (s *session) hasStatusKey() bool {
	_, ok := s.doc.Keys["status"]
	return ok
}

var statusNotes = map[string]string{
	"draft":      "being written",
	"review":     "ready for reviewers",
	"accepted":   "agreed; being built",
	"rejected":   "decided against",
	"superseded": "replaced by a later design",
}

func summarizeTitle(d *design.Doc) string {
	authors := "no authors"
	if len(d.Authors) > 0 {
		authors = strings.Join(d.Authors, ", ")
	}
	summary := "no problem statement"
	if d.Summary != "" {
		summary = fmt.Sprintf("problem statement of %d words", len(strings.Fields(d.Summary)))
	}
	return fmt.Sprintf("%q by %s, %s; %s", d.Title, authors, d.Status, summary)
}
