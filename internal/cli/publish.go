package cli

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"sync"

	"github.com/designdoc-cli/designdoc/internal/check"
	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/render"
	"github.com/designdoc-cli/designdoc/internal/safefile"
)

// publishAnswers writes an answers file and the doc rendered from it. The
// doc is rendered first, so a template error writes nothing; the answers
// are written before the doc, so a refused doc never loses the answers.
// docPath "-" prints the doc.
func publishAnswers(io *IO, answersPath string, data []byte, template, docPath string, force bool) error {
	doc, err := design.Parse(answersPath, data)
	if err != nil {
		return fmt.Errorf("internal error: the answers designdoc wrote do not load: %w", err)
	}
	engine, err := teamEngine()
	if err != nil {
		return err
	}
	name := template
	if name == "" {
		name = doc.Template
	}
	tmpl, err := engine.Lookup(name)
	if err != nil {
		return err
	}
	findings := lintInBackground(doc, answersPath)
	md, err := tmpl.Execute(teamView(doc, filepath.Base(answersPath), tmpl.Name))
	if err != nil {
		return err
	}
	if err := writeAnswers(answersPath, data); err != nil {
		return err
	}
	if docPath == "-" {
		io.Infof("wrote %s\n", answersPath)
		if _, err := io.Out.Write(md); err != nil {
			return err
		}
		reportFindings(io, findings(), answersPath)
		return nil
	}
	res, err := render.Write(render.Publish{
		AnswersPath: answersPath, AnswersData: data, Doc: doc, OutPath: docPath,
		Template: tmpl.Name, Version: version(), Force: force,
	}, md)
	if err != nil {
		return fmt.Errorf("%w (the answers are saved in %s)", err, answersPath)
	}
	switch {
	case res.Backup != "":
		io.Infof("wrote %s and %s (the previous doc is kept as %s)\n", answersPath, res.Path, res.Backup)
	default:
		io.Infof("wrote %s and %s\n", answersPath, res.Path)
	}
	reportKept(io, res)
	reportFindings(io, findings(), answersPath)
	return nil
}

// reportKept says when hand-written kept blocks have no place in the
// template and sit in the Kept notes section, so nothing moves silently.
func reportKept(io *IO, res render.Published) {
	switch {
	case res.Unchanged:
	case res.KeptNotes == 1:
		io.Infof("1 kept block has no place in the template; it is under %q at the end of %s\n", render.KeptNotesHeading, res.Path)
	case res.KeptNotes > 1:
		io.Infof("%d kept blocks have no place in the template; they are under %q at the end of %s\n", res.KeptNotes, render.KeptNotesHeading, res.Path)
	}
}

// writeAnswers replaces an answers file atomically.
func writeAnswers(path string, data []byte) error { return safefile.Write(path, data, 0o644) }

// recordedDocPath is the doc an answers file's rendered record names.
func recordedDocPath(answersPath, rel string) string {
	p := filepath.FromSlash(rel)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(answersPath), p)
}

// lintInBackground starts the linter on doc, which nothing may change
// until the findings are read; the doc is rendered meanwhile, so a large
// design waits for the slower of the two, not both.
func lintInBackground(doc *design.Doc, answersPath string) func() []check.Finding {
	opts := lintOptions()
	ch := make(chan []check.Finding, 1)
	go func() { ch <- check.Run(doc, answersPath, opts) }()
	return sync.OnceValue(func() []check.Finding { return <-ch })
}

// reportFindings prints the linter's one-line summary after a write, so a
// doc with problems says so without a separate command.
func reportFindings(io *IO, findings []check.Finding, answersPath string) {
	if s := check.Summary(findings); s != "" {
		io.Infof("%s — run designdoc check %s for details\n", s, shellQuote(answersPath))
	}
}

// parseAnswers is design.Parse with the garbage collector paused: while
// the answers load, everything they allocate stays live (the tree is read
// until the doc is built), so a collection then finds nothing to free and
// only costs time (a fifth of loading 10 000 entities). The soft memory
// limit still starts one if the heap nears it.
func parseAnswers(path string, data []byte) (*design.Doc, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	return design.Parse(path, data)
}
