package cli

import (
	"errors"
	"fmt"
	"io"
)

// Exit codes, as the spec gives them.
const (
	ExitOK          = 0
	ExitFindings    = 1 // check found errors
	ExitInput       = 2 // usage or input error
	ExitInterrupted = 130
)

// ExitError carries an exit code other than the default for an error.
// A nil Err exits silently with Code.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// usageError marks a mistake in the command line, so the message ends with
// a pointer to --help.
type usageError struct {
	err error
	cmd string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// exitCode maps an error from a command to the process's exit code.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return ExitInput
}

// printError prints err once, as "designdoc: message", with a hint for
// usage errors.
func printError(w io.Writer, err error, color bool) {
	var ee *ExitError
	if errors.As(err, &ee) && ee.Err == nil {
		return
	}
	prefix := "designdoc: "
	if color {
		prefix = "\x1b[31mdesigndoc:\x1b[0m "
	}
	fprintf(w, "%s%v\n", prefix, err)
	var ue *usageError
	if errors.As(err, &ue) {
		fprintf(w, "Run '%s --help' for usage.\n", ue.cmd)
	}
}

func fprintf(w io.Writer, format string, args ...any) {
	// Nothing useful can be done when the terminal itself fails.
	_, _ = fmt.Fprintf(w, format, args...)
}
