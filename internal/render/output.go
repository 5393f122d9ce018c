package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/safefile"
)

// Publish says where and how to write a rendered doc.
type Publish struct {
	AnswersPath string
	AnswersData []byte // the bytes Doc was loaded from
	Doc         *design.Doc
	OutPath     string // the doc to write
	Template    string // template name to record
	Version     string // designdoc version to record
	Force       bool
}

// Published reports what Write did.
type Published struct {
	Path      string
	Backup    string // set when an existing doc was kept as .bak
	Unchanged bool   // the doc already held exactly this output
	Recorded  bool   // the answers file's rendered record was updated
	// Kept counts the kept blocks carried from the previous doc into
	// their places, KeptNotes those moved to the Kept notes section.
	Kept, KeptNotes int
}

// DefaultOutPath is where a doc goes when the user names no output: beside
// its answers file, named for the slug.
func DefaultOutPath(answersPath string, doc *design.Doc) string {
	return filepath.Join(filepath.Dir(answersPath), doc.Slug+".md")
}

// Digest is the sha256 of a rendered doc as recorded in the answers:
// taken over the doc without its kept blocks (see WithoutKept), so that
// writing in a kept block is not a hand edit. A doc without kept blocks
// digests as its plain sha256, as records made before kept blocks did.
func Digest(md []byte) string {
	sum := sha256.Sum256(WithoutKept(md))
	return hex.EncodeToString(sum[:])
}

// rawDigest is the plain sha256 of a doc.
func rawDigest(md []byte) string {
	sum := sha256.Sum256(md)
	return hex.EncodeToString(sum[:])
}

// Write puts md at p.OutPath without ever losing a hand edit: a doc that
// is what designdoc last wrote, give or take the text in its kept blocks,
// is replaced; any other existing file is refused unless p.Force is set,
// and then kept as <doc>.bak first. The existing doc's kept blocks are
// carried into md (see MergeKept). Afterwards the answers file records
// the doc's path and digest.
func Write(p Publish, md []byte) (Published, error) {
	res := Published{Path: p.OutPath}
	if samePath(p.OutPath, p.AnswersPath) {
		return res, fmt.Errorf("%s is the answers file itself; choose another file for the doc with -o", p.OutPath)
	}
	md, merged, read, err := carryKept(p, md)
	if err != nil {
		return res, err
	}
	res.Kept, res.KeptNotes = merged.Kept, merged.Orphaned
	rec := design.Rendered{Path: relPath(p.AnswersPath, p.OutPath), SHA256: Digest(md), Template: p.Template, Version: p.Version}
	recordChanges := p.Doc.Rendered == nil || *p.Doc.Rendered != rec
	if recordChanges {
		// Find out before writing the doc whether the record can be kept,
		// so a failure leaves nothing half done.
		if err := safefile.CheckReplaceable(p.AnswersPath); err != nil {
			return res, fmt.Errorf("%v: designdoc records each render in its answers file; make it writable, or print the doc with -o -", err)
		}
	}
	if info, err := os.Stat(p.OutPath); err == nil && !info.IsDir() && !info.Mode().IsRegular() {
		// A device or pipe (-o /dev/stdout): write straight to it; there is
		// nothing to replace atomically and nothing to record.
		return res, writeSpecial(p.OutPath, md)
	}
	existing, err := read, error(nil)
	if existing == nil {
		existing, err = os.ReadFile(p.OutPath)
	}
	switch {
	case err == nil:
		if !bytes.Equal(existing, md) {
			ownOutput := recordedFor(p) && (p.Doc.Rendered.SHA256 == Digest(existing) || p.Doc.Rendered.SHA256 == rawDigest(existing))
			if !ownOutput {
				if !p.Force {
					return res, refusal(p)
				}
				res.Backup = p.OutPath + ".bak"
				if err := safefile.Write(res.Backup, existing, 0o644); err != nil {
					return res, fmt.Errorf("keep %s before overwriting it: %w", res.Backup, err)
				}
			}
			if err := safefile.Write(p.OutPath, md, 0o644); err != nil {
				return res, err
			}
		} else {
			res.Unchanged = true
		}
	case errors.Is(err, fs.ErrNotExist):
		if err := safefile.Write(p.OutPath, md, 0o644); err != nil {
			return res, err
		}
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if info, statErr := os.Stat(p.OutPath); statErr == nil && info.IsDir() {
			return res, fmt.Errorf("%s is a directory; give a file name with -o", p.OutPath)
		}
		return res, fmt.Errorf("read %s: %w", p.OutPath, err)
	}

	if !recordChanges {
		return res, nil
	}
	updated, err := design.WithRendered(p.AnswersPath, p.AnswersData, p.Doc, rec)
	if err != nil {
		return res, fmt.Errorf("wrote %s, but could not record it in %s: %w", p.OutPath, p.AnswersPath, err)
	}
	if err := safefile.Write(p.AnswersPath, updated, 0o644); err != nil {
		return res, fmt.Errorf("wrote %s, but could not record it in the answers: %w", p.OutPath, err)
	}
	res.Recorded = true
	return res, nil
}

// carryKept merges the kept blocks of the doc at p.OutPath, if there is
// one, into md, and returns that doc as read (nil if it could not be).
// Markers there that do not pair up are refused, naming the line, unless
// p.Force is set: the doc is then replaced and kept as .bak.
func carryKept(p Publish, md []byte) (out []byte, merged KeptMerge, existing []byte, err error) {
	info, err := os.Stat(p.OutPath)
	if err != nil || !info.Mode().IsRegular() {
		return md, KeptMerge{}, nil, nil // Write itself reports what is wrong
	}
	existing, err = os.ReadFile(p.OutPath)
	if err != nil {
		return md, KeptMerge{}, nil, nil
	}
	blocks, err := ParseKept(existing)
	if err != nil {
		if p.Force {
			return md, KeptMerge{}, existing, nil
		}
		where := p.OutPath
		var ke *KeptError
		if errors.As(err, &ke) {
			where, err = fmt.Sprintf("%s:%d", p.OutPath, ke.Line), errors.New(ke.Msg)
		}
		return nil, KeptMerge{}, nil, fmt.Errorf("%s: %v; fix the markers so designdoc can carry the block into the new render, "+
			"or run again with --force to overwrite the doc (it is kept as %s.bak)", where, err, filepath.Base(p.OutPath))
	}
	out, merged = MergeKept(md, blocks)
	return out, merged, existing, nil
}

// recordedFor reports whether the answers' rendered record is about the
// doc being written.
func recordedFor(p Publish) bool {
	r := p.Doc.Rendered
	if r == nil || r.Path == "" {
		return false
	}
	return samePath(filepath.Join(filepath.Dir(p.AnswersPath), filepath.FromSlash(r.Path)), p.OutPath)
}

// samePath reports whether two paths name the same file, following
// symbolic links where the files exist.
func samePath(a, b string) bool {
	if ia, err := os.Stat(a); err == nil {
		if ib, err := os.Stat(b); err == nil {
			return os.SameFile(ia, ib)
		}
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}

func refusal(p Publish) error {
	if recordedFor(p) {
		return fmt.Errorf("%s was edited by hand since designdoc last rendered it; "+
			"move the edits into %s, or run again with --force to overwrite it (your edited version is kept as %s.bak)",
			p.OutPath, p.AnswersPath, filepath.Base(p.OutPath))
	}
	return fmt.Errorf("%s already exists and designdoc did not write it from %s; "+
		"run again with --force to overwrite it (the current file is kept as %s.bak), or choose another file with -o",
		p.OutPath, p.AnswersPath, filepath.Base(p.OutPath))
}

// relPath is target relative to the answers file's folder, with forward
// slashes, or absolute when it cannot be made relative.
func relPath(answersPath, target string) string {
	base, err1 := filepath.Abs(filepath.Dir(answersPath))
	abs, err2 := filepath.Abs(target)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(target)
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

func writeSpecial(path string, md []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if _, err := f.Write(md); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}
