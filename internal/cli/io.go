package cli

import (
	"io"
	"os"

	"golang.org/x/term"
)

// IO is the streams a command uses and what they are connected to. It is
// passed down so that no code reaches for os.Stdout, and tests can give
// buffers.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	// InTerminal and OutTerminal say whether stdin and stdout are
	// terminals; ErrTerminal the same for stderr.
	InTerminal, OutTerminal, ErrTerminal bool
	// Color is decided once from --no-color, NO_COLOR and ErrTerminal.
	Color bool
	Quiet bool
}

// System returns the process's own streams.
func System() *IO {
	return &IO{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		InTerminal:  term.IsTerminal(int(os.Stdin.Fd())),
		OutTerminal: term.IsTerminal(int(os.Stdout.Fd())),
		ErrTerminal: term.IsTerminal(int(os.Stderr.Fd())),
	}
}

// Infof prints a progress message on stderr unless --quiet was given.
func (s *IO) Infof(format string, args ...any) {
	if s.Quiet {
		return
	}
	fprintf(s.Err, format, args...)
}

// failWriter remembers the first write that failed. Cobra ignores the
// errors of what it prints itself (help, usage), so without it --help on
// a full disk would exit 0 having printed nothing.
type failWriter struct {
	w   io.Writer
	err error
}

func (f *failWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}
