package team

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"text/template"
	"time"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// lockName is the lock file Claim holds in docs_dir while it picks a
// number; it exists for milliseconds.
const lockName = ".designdoc.lock"

// Lock timing: a lock older than staleLock was left by a process that
// died (Claim holds it for milliseconds), and a waiter gives up after
// lockTimeout.
const (
	staleLock   = 10 * time.Second
	lockTimeout = 30 * time.Second
)

// maxTries bounds how many numbers Claim tries past clashing files.
const maxTries = 1000

// Claim reserves the next doc of docsDir and returns the doc's path and
// number. The answers file beside the doc (AnswersPath(docPath)) is
// created exclusively (O_EXCL) and holds a small valid answers file with
// the title, number and date, so the number is taken from that moment on,
// by this process only: 16 concurrent runs get 16 different numbers. The
// caller then writes the real answers over it (an atomic replace is
// fine) and the doc.
//
// number 0 takes the next free number (NextNumber), going on to the next
// one while a file of the name the pattern gives already exists. A number
// above 0 (new --number N) is taken as asked, or refused when a doc has
// it or its file exists.
//
// Picking the number and creating the file happen under a lock file in
// docsDir (created with O_EXCL too), since two docs with different slugs
// have different paths and the exclusive create alone could not keep them
// from sharing a number. docsDir is created when missing.
//
// release removes the reserved answers file if it still holds what Claim
// wrote — call it (or defer it) whenever the doc is not written after
// all; once the caller has written its answers it does nothing.
func Claim(docsDir string, pattern *template.Template, slug, title, created string, number int) (docPath string, num int, release func(), err error) {
	if number < 0 {
		return "", 0, nil, fmt.Errorf("a doc number must be 1 or more, found %d", number)
	}
	if err := os.MkdirAll(docsDir, 0o755); err != nil {
		return "", 0, nil, fmt.Errorf("create %s: %w", docsDir, unwrapPathErr(err))
	}
	unlock, err := lock(docsDir)
	if err != nil {
		return "", 0, nil, err
	}
	defer unlock()

	entries, err := scan(docsDir, false)
	if err != nil {
		return "", 0, nil, err
	}
	explicit := number > 0
	if explicit {
		for _, e := range entries {
			if e.Number == number {
				return "", 0, nil, fmt.Errorf("number %d is already taken by %s", number, e.Path)
			}
		}
	} else {
		number = 1
		for _, e := range entries {
			number = max(number, e.Number+1)
		}
	}
	prev := ""
	for range maxTries {
		name, err := FileName(pattern, FileData{Number: number, Slug: slug, Created: created, Title: title})
		if err != nil {
			return "", 0, nil, err
		}
		docPath = filepath.Join(docsDir, name)
		answers := AnswersPath(docPath)
		content := placeholder(title, slug, created, number)
		err = createExclusive(docPath, answers, content)
		if err == nil {
			return docPath, number, releaser(answers, content), nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", 0, nil, err
		}
		if explicit || name == prev {
			// The pattern does not change with the number: trying the
			// next one would give the same file.
			return "", 0, nil, err
		}
		prev = name
		number++
	}
	return "", 0, nil, fmt.Errorf("no free file name in %s after %d numbers", docsDir, maxTries)
}

// createExclusive creates answers with content unless it or the doc
// exists; the error then wraps fs.ErrExist.
func createExclusive(docPath, answers string, content []byte) error {
	if _, err := os.Lstat(docPath); err == nil {
		return existsError(docPath)
	}
	f, err := os.OpenFile(answers, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return existsError(answers)
		}
		return fmt.Errorf("create %s: %w", answers, unwrapPathErr(err))
	}
	_, werr := f.Write(content)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		os.Remove(answers)
		return fmt.Errorf("write %s: %w", answers, unwrapPathErr(errors.Join(werr, cerr)))
	}
	return nil
}

// existsError says a file Claim would create is there; it is fs.ErrExist.
type existsError string

func (e existsError) Error() string        { return string(e) + " already exists" }
func (e existsError) Is(target error) bool { return target == fs.ErrExist }

// placeholder is the answers file that holds a claimed number: valid
// answers, so that list shows the doc even if the run that claimed it
// stops before writing more.
func placeholder(title, slug, created string, number int) []byte {
	d := &design.Doc{Version: design.SchemaVersion, Title: title, Number: number, Created: created, Status: design.StatusDraft}
	if design.ValidSlug(slug) && slug != design.Slugify(title) {
		d.Slug = slug
	}
	return design.InsertComment(design.Marshal(d), "# designdoc: number "+strconv.Itoa(number)+" is claimed for this doc; designdoc new writes its answers here.\n")
}

func releaser(answers string, content []byte) func() {
	return func() {
		if data, err := os.ReadFile(answers); err == nil && bytes.Equal(data, content) {
			os.Remove(answers)
		}
	}
}

// lock takes docsDir's lock file, waiting while another process holds it
// and breaking a lock left by a process that died.
func lock(docsDir string) (func(), error) {
	path := filepath.Join(docsDir, lockName)
	deadline := time.Now().Add(lockTimeout)
	wait := time.Millisecond
	for {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			fmt.Fprintf(f, "%d\n", os.Getpid())
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", docsDir, unwrapPathErr(err))
		}
		if info, err := os.Stat(path); err == nil && time.Since(info.ModTime()) > staleLock {
			os.Remove(path)
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is locked by another designdoc run; if none is running, remove %s", docsDir, path)
		}
		time.Sleep(wait + rand.N(wait))
		wait = min(2*wait, 50*time.Millisecond)
	}
}
