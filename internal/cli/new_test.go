package cli

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/interview"
)

var fixedEnv = &Env{Today: func() string { return "2026-12-02" }, Author: func() string { return "Ada Lovelace" }}

// shortRun answers the first two phases and writes the doc.
func shortRun(title string) []any {
	return []any{title, "Links are too long.", "", "",
		"Users should be able to shorten a URL", "", "",
		writeDoc}
}

const writeDoc = "Write the doc"

// newOpts runs new into dir, asking the title and requirements phases of
// the script.
func newOpts(t *testing.T, dir string, answers ...any) (*NewOptions, *interview.Script) {
	t.Helper()
	io, _, _ := testIO()
	s := interview.NewScript(answers...)
	return &NewOptions{IO: io, Output: dir + string(filepath.Separator), Sections: []string{"title", "requirements"}, Prompter: s, Env: fixedEnv}, s
}

func stderrOf(o *NewOptions) string { return o.IO.Err.(interface{ String() string }).String() }

func TestNewWritesAnswersAndDoc(t *testing.T) {
	dir := t.TempDir()
	opts, s := newOpts(t, dir, shortRun("URL shortener")...)
	if err := newRun(opts); err != nil {
		t.Fatalf("new: %v\n%s", err, strings.Join(s.Log, "\n"))
	}
	answers := filepath.Join(dir, "url-shortener.designdoc.yaml")
	doc, err := design.Load(answers)
	if err != nil {
		t.Fatalf("the answers written do not load: %v", err)
	}
	if doc.Title != "URL shortener" || doc.Authors[0] != "Ada Lovelace" || doc.Created != "2026-12-02" || len(doc.Requirements.Functional) != 1 {
		t.Errorf("answers = %+v", doc)
	}
	if doc.Rendered == nil || doc.Rendered.Path != "url-shortener.md" {
		t.Errorf("the render was not recorded: %+v", doc.Rendered)
	}
	md, err := os.ReadFile(filepath.Join(dir, "url-shortener.md"))
	if err != nil || !strings.HasPrefix(string(md), "# URL shortener\n") {
		t.Errorf("doc = %.80q, %v", md, err)
	}
	if got := stderrOf(opts); !strings.Contains(got, "wrote "+answers+" and "+filepath.Join(dir, "url-shortener.md")) {
		t.Errorf("stderr = %q", got)
	}
}

func TestNewRefusesExistingFilesAtTheTitlePrompt(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "url-shortener.md"), []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts, s := newOpts(t, dir, shortRun("URL shortener")...)
	s.Answers = append([]any{"URL shortener"}, shortRun("Link shortener")...)
	if err := newRun(opts); err != nil {
		t.Fatalf("new: %v\n%s", err, strings.Join(s.Log, "\n"))
	}
	want := "! " + filepath.Join(dir, "url-shortener.md") + " already exists; choose another title or output (-o), or pass --force (a hand-edited doc is kept as .bak)"
	if !contains(s.Log, want) {
		t.Errorf("log lacks %q:\n%s", want, strings.Join(s.Log, "\n"))
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "url-shortener.md")); string(b) != "mine\n" {
		t.Errorf("an existing doc was changed: %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "link-shortener.md")); err != nil {
		t.Errorf("the second title was not written: %v", err)
	}
}

func TestNewInterruptedSavesAndResumes(t *testing.T) {
	dir := t.TempDir()
	// Stop after the first requirement.
	opts, _ := newOpts(t, dir, "URL shortener", "Links are too long.", "", "", "Users should be able to shorten a URL")
	err := newRun(opts)
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != ExitInterrupted {
		t.Fatalf("err = %v, want exit 130", err)
	}
	partial := filepath.Join(dir, "url-shortener.designdoc.yaml")
	data, err := os.ReadFile(partial)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), design.SchemaComment+"# designdoc-resume: requirements ") {
		t.Errorf("no resume marker:\n%s", data)
	}
	if got := stderrOf(opts); !strings.Contains(got, "resume with: designdoc new --answers "+partial) {
		t.Errorf("stderr = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "url-shortener.md")); err == nil {
		t.Error("an interrupted interview rendered the doc")
	}

	// Resume: the title is not asked again, FR2 is next.
	opts, s := newOpts(t, dir, "Users should be able to open a short URL", "", "", writeDoc)
	opts.Answers = partial
	if err := newRun(opts); err != nil {
		t.Fatalf("resume: %v\n%s", err, strings.Join(s.Log, "\n"))
	}
	if first := firstQuestion(s.Log); first != "? FR2 (empty to finish)" {
		t.Errorf("resume started at %q", first)
	}
	doc, err := design.Load(partial)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Requirements.Functional); n != 2 {
		t.Errorf("%d functional requirements after resuming, want 2", n)
	}
	data, _ = os.ReadFile(partial)
	if strings.Contains(string(data), "designdoc-resume") {
		t.Errorf("the finished answers keep the resume marker:\n%s", data)
	}
}

func TestNewInterruptedBeforeTitle(t *testing.T) {
	dir := t.TempDir()
	// Nothing answered: nothing saved.
	opts, _ := newOpts(t, dir)
	if err := newRun(opts); exitCode(err) != ExitInterrupted {
		t.Fatalf("err = %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
	// Requirements only, no title yet: designdoc-partial.yaml.
	opts, _ = newOpts(t, dir, "Users should be able to a")
	opts.Sections = []string{"requirements"}
	if err := newRun(opts); exitCode(err) != ExitInterrupted {
		t.Fatalf("err = %v", err)
	}
	partial := filepath.Join(dir, "designdoc-partial.yaml")
	if data, err := os.ReadFile(partial); err != nil || !strings.HasPrefix(string(data), design.SchemaComment+"# designdoc-resume: requirements") {
		t.Fatalf("partial: %q, %v", data, err)
	}
	// A second interruption never overwrites the first partial file.
	opts, _ = newOpts(t, dir, "Users should be able to b")
	opts.Sections = []string{"requirements"}
	_ = newRun(opts)
	if _, err := os.Stat(filepath.Join(dir, "designdoc-partial-2.yaml")); err != nil {
		t.Errorf("second partial: %v", err)
	}
	// Resuming the first one finishes it under its title and removes it.
	opts, s := newOpts(t, dir, "Shortener", "S.", "", "", "Users should be able to c", "", "", writeDoc)
	opts.Answers = partial
	if err := newRun(opts); err != nil {
		t.Fatalf("resume: %v\n%s", err, strings.Join(s.Log, "\n"))
	}
	if _, err := os.Stat(partial); err == nil {
		t.Error("the finished partial file is still there")
	}
	if _, err := os.Stat(filepath.Join(dir, "shortener.designdoc.yaml")); err != nil {
		t.Error(err)
	}
}

func TestNewWithoutTerminal(t *testing.T) {
	io, _, _ := testIO()
	err := newRun(&NewOptions{IO: io, Env: fixedEnv})
	if err == nil || err.Error() != noTerminal {
		t.Errorf("err = %v, want %q", err, noTerminal)
	}
	if exitCode(err) != ExitInput {
		t.Errorf("exit %d", exitCode(err))
	}
}

func TestNewFlags(t *testing.T) {
	io, _, _ := testIO()
	var got *NewOptions
	cmd := newNewCmd(io, func(o *NewOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"Feed", "--answers", "a.yaml", "--no-input", "-o", "docs/", "--template", "design",
		"--sections", "title,api", "--sections", "entities", "--set", "api.style=grpc", "--set", "title=a,b", "--force"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	got.IO = nil
	want := NewOptions{Title: "Feed", Answers: "a.yaml", NoInput: true, Output: "docs/", Template: "design",
		Sections: []string{"title", "api", "entities"}, Sets: []string{"api.style=grpc", "title=a,b"}, Force: true}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("options = %+v\nwant %+v", *got, want)
	}
}

func TestEditWithScript(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../examples/url-shortener.designdoc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	answers := filepath.Join(dir, "u.designdoc.yaml")
	if err := os.WriteFile(answers, src, 0o644); err != nil {
		t.Fatal(err)
	}
	io, _, _ := testIO()
	// Re-open the API: keep the style, switch realtime to SSE, keep every
	// endpoint, add none.
	orig, _ := design.Load(answers)
	script := []any{"", "sse"}
	for range orig.API.Endpoints {
		script = append(script, "")
	}
	script = append(script, "")
	s := interview.NewScript(script...)
	if err := editRun(&EditOptions{IO: io, Answers: answers, Section: "api", Prompter: s}); err != nil {
		t.Fatalf("edit: %v\n%s", err, strings.Join(s.Log, "\n"))
	}
	data, _ := os.ReadFile(answers)
	if !strings.Contains(string(data), "realtime: sse") {
		t.Errorf("realtime not saved")
	}
	if !strings.HasPrefix(string(data), string(src[:200])) {
		t.Errorf("the comments and keys before the api section changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "url-shortener.md")); err != nil {
		t.Errorf("doc not rendered: %v", err)
	}
}

func firstQuestion(log []string) string {
	for _, l := range log {
		if strings.HasPrefix(l, "? ") {
			return l
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}
