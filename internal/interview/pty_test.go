//go:build linux

package interview

import (
	"errors"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// The tests in this file drive the interview through survey in a real
// pseudo-terminal, key by key, the way survey tests its own prompts: a
// go-expect console whose output feeds a vt10x terminal emulator, which
// answers survey's cursor-position queries (ESC[6n) as a terminal does.
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
// later), so the bytes read are counted on the program's side: by
// wrapping its input here, from /proc/PID/io for a child process. Those
// and the raw-mode check (TCGETS) are Linux; hence the build tag.

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

// countingInput is the program's end of the terminal, counting what it
// reads.
type countingInput struct {
	f *os.File
	n atomic.Int64
}

func (c *countingInput) Read(b []byte) (int, error) {
	n, err := c.f.Read(b)
	c.n.Add(int64(n))
	return n, err
}

func (c *countingInput) Fd() uintptr { return c.f.Fd() }

func newPtyTerm(t *testing.T) *ptyTerm {
	t.Helper()
	screen := &forward{}
	c, err := expect.NewConsole(expect.WithStdout(screen), expect.WithDefaultTimeout(ptyTimeout))
	if err != nil {
		t.Fatalf("opening a pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	p := &ptyTerm{t: t, c: c}
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
	right = "\x1b[C"
	enter = "\r"
	ctrlC = "\x03"
	space = " "
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

// again answers the prompt shown anew after text already waited for: an
// error message, or help.
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
	p.prefilledAgain(prefill, keys)
}

func (p *ptyTerm) prefilledAgain(prefill, keys string) {
	p.t.Helper()
	p.queries(2)
	p.expect(prefill)
	p.settle()
	p.send(keys)
}

// showsPrefix fails unless the screen has a line that starts with want.
func (p *ptyTerm) showsPrefix(want string) {
	p.t.Helper()
	for _, l := range strings.Split(p.screen(), "\n") {
		if strings.HasPrefix(l, want) {
			return
		}
	}
	p.fail("the screen has no line starting %q", want)
}

// shows fails unless the screen has a line that is exactly want.
func (p *ptyTerm) shows(want string) {
	p.t.Helper()
	for _, l := range strings.Split(p.screen(), "\n") {
		if l == want {
			return
		}
	}
	p.fail("the screen has no line %q", want)
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

// runResult is what interview.Run returned in its goroutine.
type runResult struct {
	res Result
	err error
}

// startRun runs the interview on the terminal in the background.
func startRun(p *ptyTerm, doc *design.Doc, opts Options) <-chan runResult {
	in := &countingInput{f: p.c.Tty()}
	p.consumed = func() (int64, error) { return in.n.Load(), nil }
	s := &Survey{In: in, Out: p.c.Tty(), Err: p.c.Tty()}
	done := make(chan runResult, 1)
	go func() {
		res, err := Run(s, doc, opts)
		done <- runResult{res, err}
	}()
	return done
}

// finish waits for the interview to end, reading its last output.
func (p *ptyTerm) finish(done <-chan runResult) runResult {
	p.t.Helper()
	drained := make(chan error, 1)
	go func() {
		_, err := p.c.ExpectEOF()
		drained <- err
	}()
	var r runResult
	select {
	case r = <-done:
	case <-time.After(ptyTimeout):
		p.t.Fatalf("the interview did not end\nscreen:\n%s", p.screen())
	}
	// The end of the output is the end of the terminal.
	_ = p.c.Tty().Close()
	if err := <-drained; err != nil && !errors.Is(err, io.EOF) {
		p.t.Logf("reading the last output: %v", err)
	}
	return r
}

// newRun starts an interview on a new terminal, as designdoc new would.
func newRun(t *testing.T, doc *design.Doc, sections ...string) (*ptyTerm, <-chan runResult) {
	t.Helper()
	// survey reads NO_COLOR itself, for the templates' own colours.
	t.Setenv("NO_COLOR", "1")
	p := newPtyTerm(t)
	return p, startRun(p, doc, Options{Today: "2026-12-02", DefaultAuthor: "Ada Lovelace", Review: true, Sections: sections})
}

// TestPtyFullInterview types a whole interview, the answers of fullRun
// with the mistakes a person makes, and checks the doc it fills.
func TestPtyFullInterview(t *testing.T) {
	doc := &design.Doc{}
	p, done := newRun(t, doc)

	// Title & summary: Enter on an empty title is refused.
	p.line("Title of the design", enter)
	p.expect("a title is required")
	p.again("URL shortener" + enter)
	p.line("Problem statement", "Teams need short links."+enter)
	p.line("Authors (comma-separated) [? for help] (Ada Lovelace)", enter)
	p.choose("Status", down+enter) // draft → review

	// Functional requirements, on a line that starts with the phrase: the
	// phrase alone is refused, "?" shows the help.
	const phrase = "Users should be able to "
	p.prefilled("FR1 (empty to finish)", phrase, enter)
	p.expect("a design needs at least one functional requirement")
	p.prefilledAgain(phrase, "?"+enter)
	p.expect("Write each functional requirement as something a user can do")
	p.prefilledAgain(phrase, "create a short URL"+enter)
	p.prefilled("FR2 (empty to finish)", phrase, "open a short URL"+enter)
	p.prefilled("FR3 (empty to finish)", phrase, "")
	p.shows("? FR1 (empty to finish) Users should be able to create a short URL")
	p.shows("? FR2 (empty to finish) Users should be able to open a short URL")
	p.shows("? FR3 (empty to finish) [? for help] Users should be able to")
	p.send(enter)
	p.line("Out of scope: what this design will not do", "Analytics"+enter)
	p.line("Out of scope: what this design will not do", enter)

	// Non-functional: cap, latency and scalability come ticked; untick cap
	// and scalability, tick durability. Latency without a number is
	// nudged once; durability typed twice without one is kept.
	p.choose("Which qualities matter most?", "")
	p.expect("[ ]  other")
	for _, want := range []string{"> [x]  cap", "  [ ]  availability", "  [x]  scalability", "  [x]  latency", "  [ ]  durability"} {
		p.showsPrefix(want)
	}
	p.send(space + down + down + space + down + down + down + space + enter)
	p.line("latency requirement", "fast"+enter)
	p.expect("add a number a reviewer could test")
	p.again("p99 redirect < 100 ms" + enter)
	p.line("durability requirement", "no lost links"+enter)
	p.expect("add a number a reviewer could test")
	p.again("no lost links" + enter)

	// Capacity: DAU is required and must parse; the rest keep defaults.
	p.line("Estimate capacity", enter)
	p.line("Daily active users", enter)
	p.expect("the number of daily active users is required")
	p.again("12 bananas" + enter)
	p.expect("12 bananas: unknown suffix")
	p.again("100M" + enter)
	p.line("Reads per user per day", enter)
	p.line("Writes per user per day", "0.1"+enter)
	p.line("Average read size", enter)
	p.line("Average write size", "500B"+enter)
	p.line("Peak-to-average factor", "3"+enter)
	p.line("Retention", enter)
	p.line("Replication factor", enter)
	p.line("Fraction of reads cached", enter)
	p.line("Requests per second one server handles", enter)

	// Entities: a store made on the spot, a field, a relation to an
	// entity not yet described.
	p.line("Entity 1 name", "URL"+enter)
	p.line("What is a URL?", "A short code mapped to a long URL"+enter)
	p.choose("Which component stores URL?", down+enter) // (none) → + new…
	p.line("Name of the new component", "URL DB"+enter)
	p.choose("Kind of URL DB", enter) // database, guessed from the name
	p.line("URL field 1 name", "code"+enter)
	p.line("Type of code", enter)
	p.line("Note on code", "primary key"+enter)
	p.line("URL field 2 name", enter)
	p.choose("Relation of URL to", down+down+enter) // ✓ done, URL → + new…
	p.line("Name of the related entity", "URL"+enter)
	p.expect(`there is already an entity named "URL"`)
	p.again("User" + enter)
	p.choose("URL to User is", down+enter) // 1-n → n-1
	p.line("Label", "created by"+enter)
	p.choose("Relation of URL to", enter) // ✓ done
	p.expect("Entity User was named in a relation; describe it.")
	p.line("What is a User?", "A person who creates links"+enter)
	p.choose("Which component stores User?", down+enter) // (none) → URL DB
	p.line("User field 1 name", enter)
	p.choose("Relation of User to", enter)
	p.line("Entity 3 name", enter)

	// API: "?" on a select shows its help in place.
	p.choose("API style", "?")
	p.expect("Give each functional requirement at least one endpoint")
	p.send(enter)
	p.choose("Realtime channel to clients", enter)
	p.line("Endpoint 1 path", "/urls"+enter)
	p.choose("Method of /urls", enter) // POST, guessed
	p.line("What does POST /urls do?", "Create a short URL"+enter)
	p.line("Request", enter)
	p.line("Response", enter)
	p.line("Auth", enter)
	p.line("Endpoint 2 path", enter)

	// Data flow: two new components on the way.
	p.line("Walk through the data flow step by step?", enter)
	p.line("Step 1: what happens?", "POST /urls"+enter)
	p.choose("Step 1 from", down+enter) // URL DB → + new…
	p.line("Name of the new component", "Client"+enter)
	p.choose("Kind of Client", enter)
	p.choose("Step 1 to", down+down+enter) // URL DB, Client → + new…
	p.line("Name of the new component", "URL Service"+enter)
	p.choose("Kind of URL Service", enter)
	p.line("Step 2: what happens?", "INSERT code"+enter)
	p.choose("Step 2 from", enter) // where step 1 went
	p.choose("Step 2 to", enter)   // URL DB
	p.line("Step 3: what happens?", enter)

	// High-level design: the components named so far get their details.
	p.line("Technology of URL DB", enter)
	p.line("What is URL DB responsible for?", "Stores URLs"+enter)
	p.choose("Which functional requirements does URL DB serve?", enter)
	p.line("Technology of Client", "Browser"+enter)
	p.line("What is Client responsible for?", "Calls the API"+enter)
	p.line("Technology of URL Service", "Go"+enter)
	p.line("What is URL Service responsible for?", "Creates and resolves codes"+enter)
	p.choose("Which functional requirements does URL Service serve?", right+enter) // all
	p.line("Component 4 name", enter)
	p.line("Add the 2 connections the data flow implies?", enter)
	p.choose("Connection 3 from", enter) // ✓ done
	p.line("Notes on the design", enter)

	// Deep dives.
	p.line("Deep dive 1 title", "Unique codes"+enter)
	p.choose("Core concept it is about", enter)
	p.line("The problem", "collisions between pods"+enter)
	p.line("The solution", "counter blocks"+enter)
	p.line("Trade-offs", "gaps in the code space"+enter)
	p.line("Deep dive 2 title", enter)

	// Review, then write.
	p.expect("Review")
	p.choose("Write the doc now, or re-open a phase?", enter)
	r := p.finish(done)
	if r.err != nil {
		t.Fatalf("Run: %v\nscreen:\n%s", r.err, p.screen())
	}
	if r.res.Stopped != "" {
		t.Errorf("Stopped = %q, want finished", r.res.Stopped)
	}

	check := func(what string, got, want any) {
		t.Helper()
		if !equal(got, want) {
			t.Errorf("%s = %#v, want %#v", what, got, want)
		}
	}
	check("title", doc.Title, "URL shortener")
	check("slug", doc.Slug, "url-shortener")
	check("summary", doc.Summary, "Teams need short links.")
	check("authors", doc.Authors, []string{"Ada Lovelace"})
	check("status", doc.Status, design.StatusReview)
	check("created", doc.Created, "2026-12-02")
	check("functional", doc.Requirements.Functional, []design.Requirement{
		{Text: "Users should be able to create a short URL"}, {Text: "Users should be able to open a short URL"}})
	check("out of scope", doc.Requirements.OutOfScope, []string{"Analytics"})
	check("non-functional", doc.Requirements.NonFunctional, []design.NonFunctional{
		{Quality: "latency", Requirement: "p99 redirect < 100 ms"}, {Quality: "durability", Requirement: "no lost links"}})
	if c := doc.Capacity; c == nil {
		t.Error("no capacity")
	} else {
		var got []string
		for _, in := range c.Inputs() {
			got = append(got, in.Key+"="+in.Value.Raw)
		}
		check("capacity", got, []string{"dau=100M", "reads_per_user=10", "writes_per_user=0.1", "read_size=1KB",
			"write_size=500B", "peak_factor=3", "retention=5y", "replication=3", "cache_fraction=0.2", "server_rps=1000"})
	}
	check("entities", len(doc.Entities), 2)
	if len(doc.Entities) == 2 {
		url, user := doc.Entities[0], doc.Entities[1]
		check("URL", url.Name+": "+url.Description+" in "+url.Store, "URL: A short code mapped to a long URL in URL DB")
		check("URL fields", url.Fields, []design.Field{{Name: "code", Type: "string", Note: "primary key"}})
		check("URL relations", url.Relations, []design.Relation{{To: "User", Kind: "n-1", Label: "created by"}})
		check("User", user.Name+": "+user.Description+" in "+user.Store, "User: A person who creates links in URL DB")
		check("User fields and relations", len(user.Fields)+len(user.Relations), 0)
	}
	check("api", doc.API.Style+" "+doc.API.Realtime, "rest none")
	check("endpoints", doc.API.Endpoints, []design.Endpoint{{Method: "POST", Path: "/urls", Summary: "Create a short URL", Auth: "bearer"}})
	check("flow", doc.DataFlow, []design.Step{{From: "Client", To: "URL Service", Action: "POST /urls"}, {From: "URL Service", To: "URL DB", Action: "INSERT code"}})
	check("components", doc.HighLevelDesign.Components, []design.Component{
		{Name: "URL DB", Kind: "database", Technology: "PostgreSQL", Responsibility: "Stores URLs"},
		{Name: "Client", Kind: "client", Technology: "Browser", Responsibility: "Calls the API"},
		{Name: "URL Service", Kind: "service", Technology: "Go", Responsibility: "Creates and resolves codes", Serves: []int{1, 2}},
	})
	check("connections (implied by the flow)", doc.HighLevelDesign.Connections, []design.Connection{
		{From: "Client", To: "URL Service", Label: "POST /urls"}, {From: "URL Service", To: "URL DB", Label: "INSERT code"}})
	check("notes", doc.HighLevelDesign.Notes, "")
	check("deep dives", doc.DeepDives, []design.DeepDive{{Concept: "scaling", Title: "Unique codes",
		Problem: "collisions between pods", Solution: "counter blocks", Tradeoffs: "gaps in the code space"}})
	if err := design.Validate(doc); err != nil {
		t.Errorf("the interview left a doc that does not validate: %v", err)
	}
}

// TestPtyInterrupt presses Ctrl-C in the middle of the requirements: Run
// stops with ErrInterrupted and keeps every answer given.
func TestPtyInterrupt(t *testing.T) {
	doc := &design.Doc{}
	p, done := newRun(t, doc)
	p.line("Title of the design", "URL shortener"+enter)
	p.line("Problem statement", "Teams need short links."+enter)
	p.line("Authors (comma-separated)", enter)
	p.choose("Status", enter)
	p.prefilled("FR1 (empty to finish)", "Users should be able to ", "create a short URL"+enter)
	p.prefilled("FR2 (empty to finish)", "Users should be able to ", "open a sh"+ctrlC)
	r := p.finish(done)
	if !errors.Is(r.err, ErrInterrupted) {
		t.Fatalf("Run = %v, want ErrInterrupted\nscreen:\n%s", r.err, p.screen())
	}
	if r.res.Stopped != "requirements" {
		t.Errorf("Stopped = %q, want requirements", r.res.Stopped)
	}
	if doc.Title != "URL shortener" || doc.Slug != "url-shortener" || doc.Summary != "Teams need short links." ||
		!equal(doc.Authors, []string{"Ada Lovelace"}) || doc.Status != design.StatusDraft {
		t.Errorf("the title phase was not kept: %q %q %q %q %q", doc.Title, doc.Slug, doc.Summary, doc.Authors, doc.Status)
	}
	if want := []design.Requirement{{Text: "Users should be able to create a short URL"}}; !equal(doc.Requirements.Functional, want) {
		t.Errorf("functional = %#v, want %#v (the line being typed is dropped)", doc.Requirements.Functional, want)
	}
}

// TestPtyInterruptSelect presses Ctrl-C on a select, which reads keys one
// by one rather than lines.
func TestPtyInterruptSelect(t *testing.T) {
	doc := &design.Doc{Title: "URL shortener"}
	p, done := newRun(t, doc, "api")
	p.choose("API style", down+ctrlC)
	r := p.finish(done)
	if !errors.Is(r.err, ErrInterrupted) {
		t.Fatalf("Run = %v, want ErrInterrupted\nscreen:\n%s", r.err, p.screen())
	}
	if r.res.Stopped != "api" || doc.API.Style != "" {
		t.Errorf("Stopped = %q, style %q; want api, none chosen", r.res.Stopped, doc.API.Style)
	}
}
