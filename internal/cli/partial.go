package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/lazyre"
	"github.com/designdoc-cli/designdoc/internal/safefile"
)

// partialName is where answers go when an interview stops before it has a
// title.
const partialName = "designdoc-partial.yaml"

// A line of a partial answers file (the first, or the second after the
// schema line) says where the interview stopped, so that new --answers
// carries on from there.
var resumeLine = lazyre.New(`(?m)^# designdoc-resume: ([a-z_]+)[^\n]*\n`)

func resumeMarker(data []byte) (phase string, ok bool) {
	m := resumeLine.FindSubmatch(data)
	if m == nil {
		return "", false
	}
	return string(m[1]), true
}

func stripResumeMarker(data []byte) []byte {
	return resumeLine.ReplaceAll(data, nil)
}

// savePartial keeps the answers of an interrupted interview and says how
// to resume; it always ends the command with exit 130.
func savePartial(io *IO, b *base, doc *design.Doc, t *targets, stopped string) error {
	interrupted := &ExitError{Code: ExitInterrupted}
	if nothingAnswered(b.orig, doc) {
		io.Infof("\ninterrupted before any answer; nothing was saved\n")
		return interrupted
	}
	path := t.partialPath(doc.Slug, b)
	data, err := b.updated(doc)
	if err != nil {
		return &ExitError{Code: ExitInterrupted, Err: fmt.Errorf("interrupted, and the answers could not be saved: %w", err)}
	}
	if stopped != "" {
		marker := fmt.Sprintf("# designdoc-resume: %s (an unfinished interview; continue it with: designdoc new --answers %s)\n", stopped, filepath.ToSlash(path))
		data = design.InsertComment(data, marker) // after the schema line, which editors want first
	}
	if err := t.makeDir(); err != nil {
		return &ExitError{Code: ExitInterrupted, Err: fmt.Errorf("interrupted, and the answers could not be saved: %w", err)}
	}
	if err := safefile.Write(path, data, 0o644); err != nil {
		return &ExitError{Code: ExitInterrupted, Err: fmt.Errorf("interrupted, and the answers could not be saved: %w", err)}
	}
	if b.isPartial && b.path != "" && !samePathOrEmpty(b.path, path) {
		_ = os.Remove(b.path)
	}
	io.Infof("\ninterrupted: your answers so far are in %s\nresume with: designdoc new --answers %s\n", path, shellQuote(path))
	return interrupted
}

// partialPath is <slug>.designdoc.yaml once there is a title, else
// designdoc-partial.yaml; a file that is neither the one being resumed
// nor designdoc's own partial is never overwritten: the next free
// designdoc-partial-N.yaml is taken instead.
func (t *targets) partialPath(slug string, b *base) string {
	if slug != "" {
		answers, _ := t.paths(slug)
		if !exists(answers) || isSameFile(b.path, answers) || t.force {
			return answers
		}
	}
	if b.isPartial && b.path != "" {
		return b.path
	}
	for n := 1; ; n++ {
		name := partialName
		if n > 1 {
			name = "designdoc-partial-" + strconv.Itoa(n) + ".yaml"
		}
		p := filepath.Join(t.dir, name)
		if !exists(p) {
			return p
		}
	}
}

// nothingAnswered reports whether the interview added nothing to what it
// started from, apart from the date it filled in itself.
func nothingAnswered(orig, doc *design.Doc) bool {
	keys := design.ChangedKeys(orig, doc)
	for _, k := range keys {
		if k != "created" && k != "status" && k != "designdoc" {
			return false
		}
	}
	return true
}

var shellSafe = lazyre.New(`^[A-Za-z0-9_./-]+$`)

// shellQuote quotes a path for a command line the user can paste.
func shellQuote(s string) string {
	if shellSafe.MatchString(s) {
		return s
	}
	return "'" + string(bytes.ReplaceAll([]byte(s), []byte("'"), []byte(`'\''`))) + "'"
}
