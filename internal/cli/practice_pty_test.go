//go:build linux

package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"

	"github.com/designdoc-cli/designdoc/internal/practice"
)

// TestPtyPractice types a short practice run in a real pseudo-terminal,
// through survey, on a clock the test moves: the problem statement, the
// time left before each question, the overrun warning said once, then
// the doc, the answers and the scorecard written. The terminal is driven
// the way internal/interview/pty_test.go drives it (see there for why
// each wait is needed); Linux only, for TCGETS and the byte counting.
func TestPtyPractice(t *testing.T) {
	t.Setenv("NO_COLOR", "1") // survey reads it for its templates
	dir := t.TempDir()
	// Everything is answered but the capacity and the deep dives.
	data, err := os.ReadFile("../../examples/url-shortener.designdoc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	s = s[:strings.Index(s, "capacity:")] + s[strings.Index(s, "entities:"):]
	s = s[:strings.Index(s, "deep_dives:")] + s[strings.Index(s, "alternatives:"):]
	in := filepath.Join(dir, "in.designdoc.yaml")
	if err := os.WriteFile(in, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}

	p := newPracticePty(t)
	clock := practice.NewManualClock(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC))
	input := &ptyInput{f: p.c.Tty()}
	p.consumed = input.n.Load
	var out bytes.Buffer
	opts := &PracticeOptions{
		IO:      &IO{In: input, Out: &out, Err: p.c.Tty(), InTerminal: true, ErrTerminal: true},
		Problem: "url-shortener", Minutes: 45, Answers: in, Output: filepath.Join(dir, "out"),
		Env: fixedEnv, Clock: clock,
	}
	done := make(chan error, 1)
	go func() { done <- practiceRun(opts) }()

	p.expect("Practice: URL shortener (url-shortener, easy)")
	p.expect("The clock starts now.")
	p.line("[Requirements 5:00 left] Estimate capacity", "n\r")
	p.line("[Deep dives 10:00 left] Deep dive 1 title", "")
	clock.Advance(11 * time.Minute) // a long think
	p.send("Unique codes\r")
	p.expect("⏰ Deep dives is over its time: 11:00 of 10:00 used.")
	p.choose("[Deep dives 1:00 over] Core concept it is about", "\r")
	p.line("[Deep dives 1:00 over] The problem", "collisions between pods\r")
	p.line("[Deep dives 1:00 over] The solution", "counter blocks and base62\r")
	p.line("[Deep dives 1:00 over] Trade-offs", "gaps in the code space\r")
	p.line("[Deep dives 1:00 over] Deep dive 2 title", "\r")

	var runErr error
	select {
	case runErr = <-done:
	case <-time.After(ptyTimeoutPractice):
		t.Fatalf("practice did not end\nscreen:\n%s", p.screen())
	}
	_ = p.c.Tty().Close()
	if runErr != nil {
		t.Fatalf("practice: %v\nscreen:\n%s", runErr, p.screen())
	}
	if n := strings.Count(p.out.String(), "⏰"); n != 1 {
		t.Errorf("%d overrun warnings, want 1", n)
	}
	for _, f := range []string{"url-shortener.designdoc.yaml", "url-shortener.md"} {
		if _, err := os.Stat(filepath.Join(dir, "out", f)); err != nil {
			t.Error(err)
		}
	}
	var sc struct {
		TimeScored bool `json:"time_scored"`
		Phases     []struct {
			ID          string `json:"id"`
			UsedSeconds *int   `json:"used_seconds"`
			Over        bool   `json:"over"`
		} `json:"phases"`
	}
	if err := json.Unmarshal(mustRead(t, filepath.Join(dir, "out", "url-shortener.score.json")), &sc); err != nil {
		t.Fatal(err)
	}
	last := sc.Phases[len(sc.Phases)-1]
	if !sc.TimeScored || last.ID != "deep_dives" || last.UsedSeconds == nil || *last.UsedSeconds != 660 || !last.Over {
		t.Errorf("scorecard: %+v, deep dives %+v", sc, last)
	}
	if !strings.Contains(out.String(), "  Deep dives           11:00 / 10:00 over") {
		t.Errorf("stdout lacks the deep dives' overrun:\n%s", out.String())
	}
}

const ptyTimeoutPractice = 30 * time.Second

// practicePty is a pseudo-terminal with a vt10x emulator on its far side.
type practicePty struct {
	t        *testing.T
	c        *expect.Console
	vt       vt10x.Terminal
	written  atomic.Int64
	consumed func() int64
	out      ptyTranscript
}

type ptyForward struct{ w io.Writer }

func (f *ptyForward) Write(b []byte) (int, error) { return f.w.Write(b) }

// ptyAnswers sends the emulator's answers to queries back in as input.
type ptyAnswers struct{ p *practicePty }

func (a ptyAnswers) Write(b []byte) (int, error) {
	n, err := a.p.c.Write(b)
	a.p.written.Add(int64(n))
	return n, err
}

// ptyInput is the program's end of the terminal, counting what it reads.
type ptyInput struct {
	f *os.File
	n atomic.Int64
}

func (c *ptyInput) Read(b []byte) (int, error) {
	n, err := c.f.Read(b)
	c.n.Add(int64(n))
	return n, err
}

func (c *ptyInput) Fd() uintptr { return c.f.Fd() }

type ptyTranscript struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (t *ptyTranscript) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.Write(b)
}

func (t *ptyTranscript) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.String()
}

func newPracticePty(t *testing.T) *practicePty {
	t.Helper()
	screen := &ptyForward{}
	p := &practicePty{t: t}
	c, err := expect.NewConsole(expect.WithStdout(screen, &p.out), expect.WithDefaultTimeout(ptyTimeoutPractice))
	if err != nil {
		t.Fatalf("opening a pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	p.c = c
	p.vt = vt10x.New(vt10x.WithWriter(ptyAnswers{p}), vt10x.WithSize(100, 40))
	screen.w = p.vt
	if err := unix.IoctlSetWinsize(int(c.Tty().Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: 100, Row: 40}); err != nil {
		t.Fatalf("sizing the pseudo-terminal: %v", err)
	}
	return p
}

func (p *practicePty) screen() string {
	lines := strings.Split(p.vt.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \x00")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

func (p *practicePty) expect(s string) {
	p.t.Helper()
	if _, err := p.c.ExpectString(s); err != nil {
		p.t.Fatalf("waiting for %q: %v\nscreen:\n%s", s, err, p.screen())
	}
}

// settle waits until the terminal is in raw mode and the program has
// read every byte written to it.
func (p *practicePty) settle() {
	p.t.Helper()
	fd := int(p.c.Tty().Fd())
	deadline := time.Now().Add(ptyTimeoutPractice)
	for {
		tio, err := unix.IoctlGetTermios(fd, unix.TCGETS)
		if err != nil {
			p.t.Fatalf("reading the terminal mode: %v", err)
		}
		if tio.Lflag&unix.ICANON == 0 && p.written.Load() == p.consumed() {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the prompt never got ready\nscreen:\n%s", p.screen())
		}
		time.Sleep(time.Millisecond) // the polling interval; the condition is what is waited for
	}
}

func (p *practicePty) send(keys string) {
	p.t.Helper()
	n, err := p.c.Send(keys)
	p.written.Add(int64(n))
	if err != nil {
		p.t.Fatalf("sending %q: %v", keys, err)
	}
}

// line answers a one-line prompt: its text, the line editor's two
// cursor queries, raw mode. Empty keys only wait.
func (p *practicePty) line(text, keys string) {
	p.t.Helper()
	p.expect(text)
	p.expect("\x1b[6n")
	p.expect("\x1b[6n")
	p.settle()
	if keys != "" {
		p.send(keys)
	}
}

// choose answers a Select: its text and key hint, raw mode.
func (p *practicePty) choose(text, keys string) {
	p.t.Helper()
	p.expect(text)
	p.expect("  [Use arrows to move")
	p.settle()
	p.send(keys)
}
