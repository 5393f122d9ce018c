//go:build linux

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"

	"github.com/designdoc-cli/designdoc/internal/design"
)

var updatePty = flag.Bool("update-pty", false, "rewrite the expected answers files in testdata/pty from the actual ones")

// The tests in this file run the designdoc binary in a real
// pseudo-terminal and type a person's keys into designdoc new: a go-expect
// console whose output feeds a vt10x terminal emulator, which answers
// survey's cursor-position queries (ESC[6n) as a terminal does.
//
// Keys are sent only when the prompt waiting for them is ready, which
// takes three conditions, all observed rather than waited out:
//   - the prompt's text was printed (ExpectString);
//   - the terminal is in survey's raw mode, so that Ctrl-C is a key, not a
//     signal, and keys are not echoed by the line discipline;
//   - every cursor-position query of the prompt was answered, and the
//     program has read every byte written to the terminal, so that no key
//     arrives in the same read as an answer: survey's Cursor.Location
//     drops whatever follows the answer in its buffer, and takes a key
//     "R" before it for the end of the answer.
//
// The input queue of a pseudo-terminal cannot tell "read" from "not yet
// delivered" (the kernel hands written bytes to the line discipline
// later), so the bytes read are counted on the program's side, from the
// rchar of /proc/PID/io. That and the raw-mode check (TCGETS) are Linux;
// hence the build tag. internal/interview/pty_test.go drives the
// interview the same way inside the test process.

// ptyTimeout bounds every wait, generous for a loaded machine.
const ptyTimeout = 30 * time.Second

// ptyCols and ptyRows are the size of the terminal.
const ptyCols, ptyRows = 100, 40

// ptyTerm is a pseudo-terminal with a terminal emulator on its far side.
type ptyTerm struct {
	t  *testing.T
	c  *expect.Console
	vt vt10x.Terminal
	// written counts the bytes put into the terminal: keys and answers.
	written atomic.Int64
	// consumed counts the bytes the program has read from it.
	consumed func() (int64, error)
	out      transcript
}

// forward passes writes to a writer set after it was handed out, to tie
// the console and the emulator together in both directions.
type forward struct{ w io.Writer }

func (f *forward) Write(p []byte) (int, error) { return f.w.Write(p) }

// answers is where the emulator's answers to queries go: straight back
// in as typed input, written while the query is being read.
type answers struct{ p *ptyTerm }

func (a answers) Write(b []byte) (int, error) {
	n, err := a.p.c.Write(b)
	a.p.written.Add(int64(n))
	return n, err
}

// transcript keeps everything the program printed.
type transcript struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (t *transcript) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.Write(p)
}

func (t *transcript) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.String()
}

func newPtyTerm(t *testing.T) *ptyTerm {
	t.Helper()
	screen := &forward{}
	p := &ptyTerm{t: t}
	c, err := expect.NewConsole(expect.WithStdout(screen, &p.out), expect.WithDefaultTimeout(ptyTimeout))
	if err != nil {
		t.Fatalf("opening a pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	p.c = c
	p.vt = vt10x.New(vt10x.WithWriter(answers{p}), vt10x.WithSize(ptyCols, ptyRows))
	screen.w = p.vt
	if err := unix.IoctlSetWinsize(int(c.Tty().Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: uint16(ptyCols), Row: uint16(ptyRows)}); err != nil {
		t.Fatalf("sizing the pseudo-terminal: %v", err)
	}
	return p
}

// screen is what the terminal shows, trailing blanks trimmed.
func (p *ptyTerm) screen() string {
	lines := strings.Split(p.vt.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \x00")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

func (p *ptyTerm) fail(format string, args ...any) {
	p.t.Helper()
	p.t.Fatalf(format+"\nscreen:\n%s", append(args, p.screen())...)
}

// expect reads the output until s has been printed.
func (p *ptyTerm) expect(s string) {
	p.t.Helper()
	if out, err := p.c.ExpectString(s); err != nil {
		p.fail("waiting for %q: %v\nlast output: %q", s, err, tail(out, 600))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// queries reads the output until survey has asked for the cursor
// position n more times (answered by the emulator on the way).
func (p *ptyTerm) queries(n int) {
	p.t.Helper()
	for range n {
		p.expect("\x1b[6n")
	}
}

// settle waits until the terminal is in raw mode and the program has
// read every byte written to it.
func (p *ptyTerm) settle() {
	p.t.Helper()
	fd := int(p.c.Tty().Fd())
	deadline := time.Now().Add(ptyTimeout)
	for {
		tio, err := unix.IoctlGetTermios(fd, unix.TCGETS)
		if err != nil {
			p.fail("reading the terminal mode: %v", err)
		}
		read, err := p.consumed()
		if err != nil {
			p.fail("counting the input read: %v", err)
		}
		raw, unread := tio.Lflag&unix.ICANON == 0, p.written.Load()-read
		if raw && unread == 0 {
			return
		}
		if time.Now().After(deadline) {
			p.fail("the prompt never got ready (raw mode %v, %d bytes unread)", raw, unread)
		}
		time.Sleep(time.Millisecond) // the polling interval; what is waited for is the condition
	}
}

func (p *ptyTerm) send(keys string) {
	p.t.Helper()
	n, err := p.c.Send(keys)
	p.written.Add(int64(n))
	if err != nil {
		p.fail("sending %q: %v", keys, err)
	}
}

// Keys, as a terminal sends them.
const (
	down  = "\x1b[B"
	left  = "\x1b[D"
	right = "\x1b[C"
	enter = "\r"
	ctrlC = "\x03"
)

// selHint follows the question of every Select and MultiSelect until it
// is answered.
const selHint = "  [Use arrows to move"

// line answers a one-line text prompt (survey's Input or Confirm): wait
// for text, then for the line editor to start.
func (p *ptyTerm) line(text, keys string) {
	p.t.Helper()
	p.expect(text)
	p.again(keys)
}

// again answers the prompt shown anew after text already waited for, such
// as an error message.
func (p *ptyTerm) again(keys string) {
	p.t.Helper()
	p.queries(2) // the line editor asks the terminal's size and the cursor's place
	p.settle()
	p.send(keys)
}

// prefilled answers a pre-filled Input: the line editor starts with
// prefill on the line, and keys go after it.
func (p *ptyTerm) prefilled(text, prefill, keys string) {
	p.t.Helper()
	p.expect(text)
	p.queries(2)
	p.expect(prefill)
	p.settle()
	p.send(keys)
}

// choose answers a Select or MultiSelect: its question and key hint, then
// raw mode.
func (p *ptyTerm) choose(text, keys string) {
	p.t.Helper()
	p.expect(text)
	p.expect(selHint)
	p.settle()
	p.send(keys)
}

// phrase starts every functional requirement's line.
const phrase = "Users should be able to "

// TestPty runs designdoc new in a pseudo-terminal: a whole interview, an
// interrupted one resumed, and one interrupted at the first question.
func TestPty(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is needed for the default author")
	}
	bin := buildDesigndoc(t)
	t.Run("Complete", func(t *testing.T) { testPtyComplete(t, bin) })
	t.Run("InterruptAndResume", func(t *testing.T) { testPtyInterruptAndResume(t, bin) })
	t.Run("InterruptFirstQuestion", func(t *testing.T) { testPtyInterruptFirst(t, bin) })
}

// buildDesigndoc builds the real binary into the test's temporary folder,
// with a fixed version so the render record in the answers is stable.
func buildDesigndoc(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is needed to build designdoc")
	}
	bin := filepath.Join(t.TempDir(), "designdoc")
	cmd := exec.Command(goTool, "build", "-buildvcs=false",
		"-ldflags=-X github.com/designdoc-cli/designdoc/internal/cli.Version=v0.0.0-pty", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// session is one designdoc process on a terminal of its own.
type session struct {
	*ptyTerm
	cmd    *exec.Cmd
	exited chan struct{}
	rchar0 int64
}

// workspace is a folder to run designdoc in, and a home with a git
// identity for the default author.
type workspace struct {
	dir string
	env []string
}

func newWorkspace(t *testing.T) *workspace {
	t.Helper()
	home := t.TempDir()
	gitconfig := filepath.Join(home, "gitconfig")
	if err := os.WriteFile(gitconfig, []byte("[user]\n\tname = Ada Lovelace\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return &workspace{dir: t.TempDir(), env: []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"TERM=xterm-256color",
		"NO_COLOR=1",
		"SOURCE_DATE_EPOCH=1796227200", // 2026-12-02
		"GIT_CONFIG_GLOBAL=" + gitconfig,
		"GIT_CONFIG_NOSYSTEM=1",
		// The runtime re-reads the cgroup CPU limit now and then, which
		// would count as input read (see rchar).
		"GODEBUG=updatemaxprocs=0",
	}}
}

// start runs designdoc in ws with the terminal as stdin, stdout and
// stderr, and as its controlling terminal, and waits for firstText.
func start(t *testing.T, bin string, ws *workspace, firstText string, args ...string) *session {
	t.Helper()
	s := &session{ptyTerm: newPtyTerm(t), exited: make(chan struct{})}
	tty := s.c.Tty()
	s.cmd = exec.Command(bin, args...)
	s.cmd.Dir, s.cmd.Env = ws.dir, ws.env
	s.cmd.Stdin, s.cmd.Stdout, s.cmd.Stderr = tty, tty, tty
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("starting designdoc: %v", err)
	}
	go func() {
		_ = s.cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			_ = s.cmd.Process.Kill()
			<-s.exited
		}
	})
	s.expect(firstText)
	// Everything designdoc reads from here on comes from the terminal:
	// the answers file and git's output were read before the first
	// question.
	s.rchar0 = s.rchar()
	s.consumed = func() (int64, error) { return s.rchar() - s.rchar0, nil }
	return s
}

// rchar is the number of bytes the process has read, from any file. The
// child's environment turns off the one periodic read of Go's runtime.
func (s *session) rchar() int64 {
	s.t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/io", s.cmd.Process.Pid))
	if err != nil {
		s.fail("reading what designdoc read: %v", err)
	}
	m := regexp.MustCompile(`(?m)^rchar: (\d+)$`).FindSubmatch(data)
	if m == nil {
		s.fail("no rchar in /proc/%d/io:\n%s", s.cmd.Process.Pid, data)
	}
	n, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return n
}

// wait reads the output to the end and returns the exit status and
// everything printed after the last prompt was answered.
func (s *session) wait() (int, string) {
	s.t.Helper()
	type drained struct {
		out string
		err error
	}
	rest := make(chan drained, 1)
	go func() {
		out, err := s.c.ExpectEOF()
		rest <- drained{out, err}
	}()
	select {
	case <-s.exited:
	case <-time.After(ptyTimeout):
		s.t.Fatalf("designdoc did not exit\nscreen:\n%s", s.screen())
	}
	// designdoc has gone: close our end of the terminal so the reading
	// stops at the end of its output.
	_ = s.c.Tty().Close()
	d := <-rest
	if d.err != nil {
		s.t.Logf("reading the last output: %v", d.err)
	}
	return s.cmd.ProcessState.ExitCode(), d.out
}

// compareGolden compares the answers file at path with
// testdata/pty/<name>.designdoc.yaml, or rewrites that under -update-pty.
// The doc's digest in the render record is checked against the doc and
// then left out, so that a change of template does not show up here.
func compareGolden(t *testing.T, path, name string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := normalizeDigest(t, path, data)
	golden := filepath.Join("testdata", "pty", name+".designdoc.yaml")
	if *updatePty {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run Pty -update-pty to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run go test -run Pty -update-pty to accept it)\n%s", path, golden, lineDiff(string(want), string(got)))
	}
}

var digestLine = regexp.MustCompile(`(?m)^(\s+sha256: )([0-9a-f]{64})$`)

// normalizeDigest checks the recorded digest against the doc beside the
// answers and replaces it with a placeholder.
func normalizeDigest(t *testing.T, path string, data []byte) []byte {
	t.Helper()
	m := digestLine.FindSubmatch(data)
	if m == nil {
		return data
	}
	docPath := strings.TrimSuffix(path, ".designdoc.yaml") + ".md"
	md, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatalf("the answers record a render, but: %v", err)
	}
	if sum := sha256.Sum256(md); hex.EncodeToString(sum[:]) != string(m[2]) {
		t.Errorf("the answers record digest %s, but %s has %x", m[2], docPath, sum)
	}
	return digestLine.ReplaceAll(data, []byte("${1}<sha256 of the doc>"))
}

// lineDiff shows the lines of want and got that differ, in order.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, wl, gl)
		}
	}
	return b.String()
}

// files lists the names in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// The opening of every designdoc new.
func (s *session) titleAndRequirements() {
	s.t.Helper()
	s.line("Problem statement", "Teams need short links."+enter)
	s.line("Authors (comma-separated) [? for help] (Ada Lovelace)", enter)
	s.choose("Status", enter)
	s.prefilled("FR1 (empty to finish)", phrase, "create a short URL"+enter)
	s.prefilled("FR2 (empty to finish)", phrase, "open a short URL"+enter)
}

func testPtyComplete(t *testing.T, bin string) {
	ws := newWorkspace(t)
	s := start(t, bin, ws, "Title of the design", "new")
	s.again("URL shortener" + enter)
	s.titleAndRequirements()
	s.prefilled("FR3 (empty to finish)", phrase, enter)
	s.line("Out of scope", "Analytics"+enter)
	s.line("Out of scope", enter)

	// Non-functional: the three qualities ticked at first.
	s.choose("Which qualities matter most?", enter)
	s.line("cap requirement", "availability over consistency for redirects"+enter)
	s.line("scalability requirement", "grow to 10x today's peak with stateless nodes"+enter)
	s.line("latency requirement", "p99 redirect < 100 ms"+enter)

	s.line("Estimate capacity", enter)
	s.line("Daily active users", "100M"+enter)
	for _, q := range []string{"Reads per user per day", "Writes per user per day", "Average read size", "Average write size",
		"Peak-to-average factor", "Retention", "Replication factor", "Fraction of reads cached", "Requests per second one server handles"} {
		s.line(q, enter)
	}
	s.expect("Servers at peak")
	s.choose("Adjust an input, or go on?", enter)

	s.line("Entity 1 name", "URL"+enter)
	s.line("What is a URL?", "A short code mapped to a long URL"+enter)
	s.choose("Which component stores URL?", down+enter) // (none) → + new…
	s.line("Name of the new component", "URL DB"+enter)
	s.choose("Kind of URL DB", enter)
	s.line("URL field 1 name", "code"+enter)
	s.line("Type of code", enter)
	s.line("Note on code", "primary key"+enter)
	s.line("URL field 2 name", enter)
	s.choose("Relation of URL to", enter) // ✓ done
	s.line("Entity 2 name", enter)

	s.choose("API style", enter)
	s.choose("Realtime channel to clients", enter)
	s.line("Endpoint 1 path", "/urls"+enter)
	s.choose("Method of /urls", enter) // POST
	s.line("What does POST /urls do?", "Create a short URL"+enter)
	s.line("Request", "{long_url}"+enter)
	s.line("Response", "201 {short_url}"+enter)
	s.line("Auth", enter)
	s.line("Endpoint 2 path", "/{code}"+enter)
	s.choose("Method of /{code}", enter) // GET
	s.line("What does GET /{code} do?", "Redirect to the long URL"+enter)
	s.line("Request", enter)
	s.line("Response", "302 Location"+enter)
	s.line("Auth", "none"+enter)
	s.line("Endpoint 3 path", enter)

	s.line("Walk through the data flow step by step?", enter)
	s.line("Step 1: what happens?", "POST /urls"+enter)
	s.choose("Step 1 from", down+enter) // URL DB → + new…
	s.line("Name of the new component", "Client"+enter)
	s.choose("Kind of Client", enter)
	s.choose("Step 1 to", down+down+enter) // URL DB, Client → + new…
	s.line("Name of the new component", "URL Service"+enter)
	s.choose("Kind of URL Service", enter)
	s.line("Step 2: what happens?", "INSERT code"+enter)
	s.choose("Step 2 from", enter)
	s.choose("Step 2 to", enter)
	s.line("Step 3: what happens?", enter)

	s.line("Technology of URL DB", enter)
	s.line("What is URL DB responsible for?", "Stores URLs"+enter)
	s.choose("Which functional requirements does URL DB serve?", enter)
	s.line("Technology of Client", "Browser"+enter)
	s.line("What is Client responsible for?", "Calls the API"+enter)
	s.line("Technology of URL Service", "Go"+enter)
	s.line("What is URL Service responsible for?", "Creates and resolves codes"+enter)
	s.choose("Which functional requirements does URL Service serve?", right+enter) // all
	s.line("Component 4 name", enter)
	s.line("Add the 2 connections the data flow implies?", enter)
	s.choose("Connection 3 from", enter) // ✓ done
	s.line("Notes on the design", "Codes are base62 counters handed out in blocks."+enter)

	s.line("Deep dive 1 title", "Unique codes"+enter)
	s.choose("Core concept it is about", enter)
	s.line("The problem", "collisions between pods"+enter)
	s.line("The solution", "counter blocks"+enter)
	s.line("Trade-offs", "gaps in the code space"+enter)
	s.line("Deep dive 2 title", enter)

	s.expect("Review")
	s.choose("Write the doc now, or re-open a phase?", enter)
	code, out := s.wait()
	if code != 0 {
		t.Fatalf("designdoc new exited %d\n%s\nscreen:\n%s", code, out, s.screen())
	}
	if !strings.Contains(out, "wrote url-shortener.designdoc.yaml and url-shortener.md") {
		t.Errorf("designdoc new did not say what it wrote:\n%q\nscreen:\n%s", out, s.screen())
	}
	if got, want := files(t, ws.dir), []string{"url-shortener.designdoc.yaml", "url-shortener.md"}; !slices.Equal(got, want) {
		t.Errorf("files written: %q, want %q", got, want)
	}
	compareGolden(t, filepath.Join(ws.dir, "url-shortener.designdoc.yaml"), "complete")
}

func testPtyInterruptAndResume(t *testing.T, bin string) {
	ws := newWorkspace(t)
	s := start(t, bin, ws, "Title of the design", "new")
	s.again("URL shortener" + enter)
	s.titleAndRequirements()
	s.prefilled("FR3 (empty to finish)", phrase, "redirect"+ctrlC)
	code, out := s.wait()
	if code != 130 {
		t.Fatalf("designdoc new exited %d after Ctrl-C, want 130\n%s\nscreen:\n%s", code, out, s.screen())
	}
	const partial = "url-shortener.designdoc.yaml"
	for _, want := range []string{"interrupted: your answers so far are in " + partial, "resume with: designdoc new --answers " + partial} {
		if !strings.Contains(out, want) {
			t.Errorf("the output after Ctrl-C lacks %q:\n%q\nscreen:\n%s", want, out, s.screen())
		}
	}
	if got := files(t, ws.dir); !slices.Equal(got, []string{partial}) {
		t.Errorf("files after Ctrl-C: %q, want only %s", got, partial)
	}
	data, err := os.ReadFile(filepath.Join(ws.dir, partial))
	if err != nil {
		t.Fatal(err)
	}
	// The schema line stays first, where editors look for it; the marker is next.
	if !bytes.HasPrefix(data, []byte(design.SchemaComment+"# designdoc-resume: requirements ")) {
		t.Errorf("the partial answers do not start with the schema line and the resume marker:\n%s", data)
	}
	compareGolden(t, filepath.Join(ws.dir, partial), "interrupted")

	// Resumed, the interview carries on at FR3: the title phase and the
	// requirements given are not asked again.
	r := start(t, bin, ws, "FR3 (empty to finish)", "new", "--answers", partial)
	r.queries(2)
	r.expect(phrase)
	r.settle()
	r.send(enter)
	r.line("Out of scope", enter)
	r.choose("Which qualities matter most?", left+enter) // none
	r.line("Estimate capacity", "n"+enter)
	r.line("Entity 1 name", enter)
	r.choose("API style", enter)
	r.choose("Realtime channel to clients", enter)
	r.line("Endpoint 1 path", enter)
	r.line("Walk through the data flow step by step?", "n"+enter)
	r.line("Component 1 name", "URL Service"+enter)
	r.choose("Kind of URL Service", enter)
	r.line("Technology of URL Service", "Go"+enter)
	r.line("What is URL Service responsible for?", "Creates and resolves codes"+enter)
	r.choose("Which functional requirements does URL Service serve?", right+enter)
	r.line("Component 2 name", enter)
	r.choose("Connection 1 from", enter) // ✓ done
	r.line("Notes on the design", enter)
	r.line("Deep dive 1 title", enter)
	r.expect("Review")
	r.choose("Write the doc now, or re-open a phase?", enter)
	code, out = r.wait()
	if code != 0 {
		t.Fatalf("the resumed designdoc new exited %d\n%s\nscreen:\n%s", code, out, r.screen())
	}
	for _, asked := range []string{"Title of the design", "Problem statement", "Authors", "? Status", "FR1 (", "FR2 ("} {
		if strings.Contains(r.out.String(), asked) {
			t.Errorf("the resumed interview asked %q again", asked)
		}
	}
	if got, want := files(t, ws.dir), []string{partial, "url-shortener.md"}; !slices.Equal(got, want) {
		t.Errorf("files after resuming: %q, want %q", got, want)
	}
	// The partial answers became the finished ones, marker gone.
	compareGolden(t, filepath.Join(ws.dir, partial), "resumed")
}

func testPtyInterruptFirst(t *testing.T, bin string) {
	ws := newWorkspace(t)
	s := start(t, bin, ws, "Title of the design", "new")
	s.again(ctrlC)
	code, out := s.wait()
	if code != 130 {
		t.Fatalf("designdoc new exited %d after Ctrl-C, want 130\n%s\nscreen:\n%s", code, out, s.screen())
	}
	if !strings.Contains(out, "interrupted before any answer; nothing was saved") {
		t.Errorf("the output after Ctrl-C does not say nothing was saved:\n%q", out)
	}
	if got := files(t, ws.dir); len(got) != 0 {
		t.Errorf("Ctrl-C at the first question left files: %q", got)
	}
}
