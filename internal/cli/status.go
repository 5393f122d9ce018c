package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/render"
	"github.com/designdoc-cli/designdoc/internal/team"
)

// StatusOptions are the inputs of designdoc status.
type StatusOptions struct {
	IO      *IO
	Doc     string // a number or a file
	Status  string
	By      string // superseded --by: a number or a file
	DocsDir string // --dir
	Force   bool
	DryRun  bool
}

func newStatusCmd(io *IO, runF func(*StatusOptions) error) *cobra.Command {
	opts := &StatusOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "status NUMBER|FILE STATUS",
		Short: "Change a doc's status and render it again",
		Long: `Status sets a doc's status (` + strings.Join(design.Statuses, ", ") + `) in its
answers file and renders the doc again. The doc is named by its number
(looked up in the project's docs_dir) or by its answers file or doc file.
Only the status line of the answers file changes; comments and layout are
kept. A doc edited by hand since designdoc wrote it is not overwritten
without --force, and then the edited version is kept as <doc>.bak.

"superseded --by M" also links the two docs: the old one records
superseded_by: M, the new one adds the old number to supersedes, and both
are rendered again. Nothing is written unless both docs can be.`,
		Example: `  designdoc status 7 accepted
  designdoc status docs/design/0007-url-shortener.designdoc.yaml review
  designdoc status 3 superseded --by 12
  designdoc status 7 accepted --dry-run`,
		Args: exactArgs(2, "a doc (NUMBER or FILE) and a status"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Doc, opts.Status = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return statusRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.By, "by", "", "with superseded: the doc (`NUMBER` or FILE) that replaces this one")
	f.StringVar(&opts.DocsDir, "dir", "", "look numbers up in `DIR` instead of the config's docs_dir")
	f.BoolVar(&opts.Force, "force", false, "overwrite a doc edited by hand, keeping it as <doc>.bak")
	f.BoolVar(&opts.DryRun, "dry-run", false, "print what would change and write nothing")
	cmd.ValidArgsFunction = completeStatusArgs
	return cmd
}

// statusTarget is one doc status changes: its answers as read and as
// they will be.
type statusTarget struct {
	answers  string
	data     []byte
	orig     *design.Doc
	doc      *design.Doc
	docPath  string
	template string
	changes  []string
}

func statusRun(opts *StatusOptions) error {
	status, err := design.NormalizeField("status", opts.Status)
	if err != nil {
		return &usageError{err: err, cmd: "designdoc status"}
	}
	superseded := status == string(design.StatusSuperseded)
	if opts.By != "" && !superseded {
		return &usageError{err: fmt.Errorf("--by names the doc that supersedes this one; it goes with the status superseded, not %s", status), cmd: "designdoc status"}
	}
	lookup := &docLookup{dir: opts.DocsDir}
	a, err := lookup.open(opts.Doc)
	if err != nil {
		return err
	}
	targets := []*statusTarget{a}
	oldBy := a.doc.SupersededBy
	if err := a.set("status=" + status); err != nil {
		return err
	}
	if !superseded && a.doc.SupersededBy != 0 {
		// No longer superseded: the link would contradict the status.
		if err := a.set("superseded_by="); err != nil {
			return err
		}
	}
	if opts.By != "" {
		b, err := lookup.open(opts.By)
		if err != nil {
			return err
		}
		if b.answers == a.answers {
			return &usageError{err: errors.New("a doc cannot supersede itself"), cmd: "designdoc status"}
		}
		if a.doc.Number == 0 || b.doc.Number == 0 {
			return fmt.Errorf("supersede links name docs by number, and %s has none; give it one with designdoc edit %s --set number=N --no-input", firstUnnumbered(a, b), shellQuote(firstUnnumbered(a, b)))
		}
		if err := a.set("superseded_by=" + strconv.Itoa(b.doc.Number)); err != nil {
			return err
		}
		if !slices.Contains(b.doc.Supersedes, a.doc.Number) {
			nums := append(slices.Clone(b.doc.Supersedes), a.doc.Number)
			slices.Sort(nums)
			if err := b.set("supersedes=" + strings.Trim(joinInts(nums), "[]")); err != nil {
				return err
			}
		}
		targets = append(targets, b)
	}
	if oldBy != 0 && oldBy != a.doc.SupersededBy && a.doc.Number != 0 {
		// The doc that superseded this one no longer does: drop the
		// back link there too, when that doc can be found.
		if x, err := lookup.open(strconv.Itoa(oldBy)); err == nil && x.answers != a.answers {
			if i := slices.Index(x.doc.Supersedes, a.doc.Number); i >= 0 {
				if err := x.set("supersedes=" + strings.Trim(joinInts(slices.Delete(slices.Clone(x.doc.Supersedes), i, i+1)), "[]")); err != nil {
					return err
				}
				targets = append(targets, x)
			}
		}
	}
	var todo []*statusTarget
	for _, t := range targets {
		if t.changes = describeChanges(t); len(t.changes) == 0 {
			continue
		}
		if err := design.Validate(t.doc); err != nil {
			return err
		}
		if !opts.Force {
			if err := handEdited(t); err != nil {
				return err
			}
		}
		todo = append(todo, t)
	}
	if len(todo) == 0 {
		opts.IO.Infof("%s is already %s\n", a.answers, status)
		return nil
	}
	if opts.DryRun {
		for _, t := range todo {
			fprintf(opts.IO.Out, "would set %s in %s and render %s again\n", strings.Join(t.changes, ", "), t.answers, t.docPath)
		}
		return nil
	}
	for _, t := range todo {
		keys := design.ChangedKeys(t.orig, t.doc)
		updated, err := design.ReplaceSections(t.answers, t.data, t.orig, t.doc, keys)
		if err != nil {
			return err
		}
		if err := publishAnswers(opts.IO, t.answers, updated, t.template, t.docPath, opts.Force); err != nil {
			return err
		}
	}
	return nil
}

func firstUnnumbered(a, b *statusTarget) string {
	if a.doc.Number == 0 {
		return a.answers
	}
	return b.answers
}

// set applies one assignment.
func (t *statusTarget) set(assignment string) error { return design.Set(t.doc, assignment) }

// describeChanges says what changes in t's answers, key by key.
func describeChanges(t *statusTarget) []string {
	var out []string
	for _, key := range design.ChangedKeys(t.orig, t.doc) {
		switch key {
		case "status":
			out = append(out, fmt.Sprintf("status %s → %s", t.orig.Status, t.doc.Status))
		case "superseded_by":
			if t.doc.SupersededBy == 0 {
				out = append(out, "remove superseded_by")
			} else {
				out = append(out, fmt.Sprintf("superseded_by %d", t.doc.SupersededBy))
			}
		case "supersedes":
			out = append(out, "supersedes "+joinInts(t.doc.Supersedes))
		default:
			out = append(out, key)
		}
	}
	return out
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// handEdited refuses, before anything is written, a doc whose bytes are
// not what designdoc last wrote — as render.Write would, but for every doc
// of the change at once, so that a supersede never updates one side only.
func handEdited(t *statusTarget) error {
	md, err := os.ReadFile(t.docPath)
	if err != nil {
		return nil // missing: rendering creates it
	}
	r := t.doc.Rendered
	if r != nil && r.SHA256 != "" && render.Digest(md) == r.SHA256 {
		return nil
	}
	return fmt.Errorf("%s was edited since designdoc wrote it (or designdoc did not write it); nothing was changed. Pass --force to render it again, keeping the edited version as %s.bak", t.docPath, t.docPath)
}

// docLookup finds docs by number in docs_dir, or by file.
type docLookup struct {
	dir     string
	entries []team.Entry
	listed  bool
}

func (l *docLookup) open(ref string) (*statusTarget, error) {
	answers, err := l.answersFor(ref)
	if err != nil {
		return nil, err
	}
	data, err := design.ReadFile(answers)
	if err != nil {
		return nil, err
	}
	orig, err := design.Parse(answers, data)
	if err != nil {
		return nil, err
	}
	doc, _ := design.Parse(answers, data)
	t := &statusTarget{answers: answers, data: data, orig: orig, doc: doc}
	t.docPath = render.DefaultOutPath(answers, doc)
	if doc.Rendered != nil && doc.Rendered.Path != "" {
		t.docPath = recordedDocPath(answers, doc.Rendered.Path)
	}
	// Render with the template that made the doc, unless the answers name one.
	if doc.Template == "" && doc.Rendered != nil {
		t.template = doc.Rendered.Template
	}
	return t, nil
}

func (l *docLookup) answersFor(ref string) (string, error) {
	if n, err := strconv.Atoi(ref); err == nil && !strings.ContainsAny(ref, `/\.`) {
		if n < 1 {
			return "", &usageError{err: fmt.Errorf("a doc number is 1 or more, found %s", ref), cmd: "designdoc status"}
		}
		return l.byNumber(n)
	}
	if _, ok := answersFile(ref); ok {
		return ref, nil
	}
	if strings.HasSuffix(ref, ".md") {
		a := team.AnswersPath(ref)
		if _, err := os.Stat(a); err == nil {
			return a, nil
		}
		// The doc may have been written under another name: find the
		// answers whose rendered record names it.
		if entries, err := team.List(filepath.Dir(ref)); err == nil {
			for _, e := range entries {
				if e.Answers != "" && sameFile(e.Path, ref) {
					return e.Answers, nil
				}
			}
		}
		return "", fmt.Errorf("%s has no answers file beside it (%s); status changes the answers and renders the doc from them", ref, a)
	}
	return "", &usageError{err: fmt.Errorf("%q is neither a doc number nor an answers or doc file", ref), cmd: "designdoc status"}
}

func (l *docLookup) byNumber(n int) (string, error) {
	if !l.listed {
		dir := l.dir
		if dir == "" {
			s, err := projectSettings(".")
			if err != nil {
				return "", fmt.Errorf("doc %d: %w", n, err)
			}
			dir = s.DocsDir
		}
		entries, err := team.List(dir)
		if err != nil {
			return "", err
		}
		l.dir, l.entries, l.listed = dir, entries, true
	}
	var found []team.Entry
	for _, e := range l.entries {
		if e.Number == n {
			found = append(found, e)
		}
	}
	switch {
	case len(found) == 0:
		return "", fmt.Errorf("no doc has number %d in %s", n, relToWorkingDir(l.dir))
	case len(found) > 1:
		paths := make([]string, len(found))
		for i, e := range found {
			paths[i] = relToWorkingDir(e.Path)
		}
		return "", fmt.Errorf("number %d is used by %s; name the file instead", n, strings.Join(paths, " and "))
	case found[0].Answers == "":
		return "", fmt.Errorf("doc %d (%s) has no answers file; status changes the answers and renders the doc from them", n, relToWorkingDir(found[0].Path))
	}
	return relToWorkingDir(found[0].Answers), nil
}

// answersFile reports whether name is an answers file by its suffix.
func answersFile(name string) (string, bool) {
	for _, s := range []string{".designdoc.yaml", ".designdoc.yml", ".designdoc.json", ".yaml", ".yml", ".json"} {
		if strings.HasSuffix(name, s) {
			return s, true
		}
	}
	return "", false
}

func sameFile(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}
