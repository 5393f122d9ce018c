// Package safefile writes files so that a reader never sees half of one
// and a failed write never damages what was there before.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Write replaces path with data atomically: it writes a temporary file in
// the same folder, syncs it and renames it over path. An existing file's
// permissions are kept; a new file gets perm. On any error path is left
// as it was and the temporary file is removed.
//
// A symbolic link is followed, so the file it points to is replaced and
// the link kept. Anything that is not a regular file (a device such as
// /dev/null, a pipe) is refused: renaming over it would replace it.
func Write(path string, data []byte, perm fs.FileMode) (err error) {
	if real, evalErr := filepath.EvalSymlinks(path); evalErr == nil {
		path = real
	}
	dir := filepath.Dir(path)
	if info, statErr := os.Stat(path); statErr == nil {
		if err := replaceable(path, info); err != nil {
			return err
		}
		perm = info.Mode().Perm()
	}
	if info, statErr := os.Stat(dir); statErr != nil || !info.IsDir() {
		return fmt.Errorf("write %s: folder %s does not exist", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrap(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrap(err))
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrap(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrap(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrap(err))
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrap(err))
	}
	return nil
}

// unwrap drops *fs.PathError, whose text names the temporary file rather
// than the one the user asked for.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// CheckReplaceable reports, without writing anything, the error Write would
// give for replacing the existing file at path because of what it is: a
// directory, not a regular file, or read-only.
func CheckReplaceable(path string) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrap(err))
	}
	return replaceable(path, info)
}

// replaceable is the check Write and CheckReplaceable share on an existing
// file.
func replaceable(path string, info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return fmt.Errorf("%s is a directory", path)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file", path)
	case info.Mode().Perm()&0o200 == 0:
		// Renaming over a read-only file would succeed; honour the
		// user's intent instead.
		return fmt.Errorf("%s is read-only", path)
	}
	return nil
}
