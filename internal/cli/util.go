package cli

import (
	"errors"
	"io/fs"
)

// unwrapPath drops *fs.PathError so a message names the path once.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
