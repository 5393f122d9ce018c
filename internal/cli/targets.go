package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// answersSuffix is the name every answers file ends with.
const answersSuffix = ".designdoc.yaml"

// targets decides where new writes the doc and its answers.
type targets struct {
	dir     string // folder of both files
	docFile string // fixed doc path from -o FILE.md; "" = <slug>.md in dir
	stdout  bool   // -o -: the doc goes to stdout
	input   string // the --answers file, which may be updated in place
	force   bool
}

func newTargets(output, input string, force bool) *targets {
	t := &targets{dir: ".", input: input, force: force}
	switch {
	case output == "":
	case output == "-":
		t.stdout = true
	case strings.HasSuffix(output, "/") || strings.HasSuffix(output, string(filepath.Separator)) || isDir(output):
		t.dir = filepath.Clean(output)
	default:
		t.dir = filepath.Dir(output)
		t.docFile = output
	}
	return t
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// paths are the answers file and the doc for a slug.
func (t *targets) paths(slug string) (answers, doc string) {
	if t.docFile != "" {
		base := strings.TrimSuffix(filepath.Base(t.docFile), filepath.Ext(t.docFile))
		return filepath.Join(t.dir, base+answersSuffix), t.docFile
	}
	doc = filepath.Join(t.dir, slug+".md")
	if t.stdout {
		doc = "-"
	}
	return filepath.Join(t.dir, slug+answersSuffix), doc
}

// check refuses, before any question is asked, files that new would have
// to overwrite: an existing answers file other than the one being filled
// in, or an existing doc. --force lets both through.
func (t *targets) check(slug string) error {
	if t.force || slug == "" {
		return nil
	}
	if info, err := os.Stat(t.dir); err == nil && !info.IsDir() {
		return fmt.Errorf("-o: %s is a file, not a folder; give a folder, or a .md file in one", t.dir)
	}
	answers, doc := t.paths(slug)
	if exists(answers) && !isSameFile(t.input, answers) {
		return fmt.Errorf("%s already exists; continue it with designdoc new --answers %s, choose another title, or pass --force", answers, answers)
	}
	if doc != "-" && exists(doc) && !isSameFile(t.input, answers) {
		return fmt.Errorf("%s already exists; choose another title or output (-o), or pass --force (a hand-edited doc is kept as .bak)", doc)
	}
	return nil
}

// isSameFile reports whether a is set and names the same file as b.
func isSameFile(a, b string) bool { return a != "" && samePathOrEmpty(a, b) }

// exists reports whether p may exist: anything but "no such file" counts,
// so a file that cannot be looked at is never taken for a free name. A
// path through a file (ENOTDIR) cannot exist.
func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil || !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR)
}

// makeDir creates the folder the user named with -o when it is missing.
func (t *targets) makeDir() error {
	if t.dir == "." || isDir(t.dir) {
		return nil
	}
	if err := os.MkdirAll(t.dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", t.dir, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the path an *fs.PathError repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
