package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/interview"
	"github.com/designdoc-cli/designdoc/internal/practice"
)

// TestPracticeFlags checks flag parsing apart from behaviour.
func TestPracticeFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want PracticeOptions
	}{
		{nil, PracticeOptions{Minutes: 45}},
		{[]string{"--list"}, PracticeOptions{List: true, Minutes: 45}},
		{[]string{"--problem", "chat", "--minutes", "30", "--no-timer", "-o", "out", "--force"},
			PracticeOptions{Problem: "chat", Minutes: 30, NoTimer: true, Output: "out", Force: true}},
		{[]string{"--seed", "0"}, PracticeOptions{SeedSet: true, Minutes: 45}},
		{[]string{"--answers", "a.yaml", "--no-input"}, PracticeOptions{Answers: "a.yaml", NoInput: true, Minutes: 45}},
	} {
		io, _, _ := testIO()
		var got *PracticeOptions
		cmd := newPracticeCmd(io, func(o *PracticeOptions) error { got = o; return nil })
		cmd.SetArgs(tc.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%q: %v", tc.args, err)
		}
		got.IO = nil
		if *got != tc.want {
			t.Errorf("%q: options = %+v, want %+v", tc.args, *got, tc.want)
		}
	}
}

// person answers from a script and takes a minute over every question.
type person struct {
	interview.Prompter
	clock *practice.ManualClock
}

func (p *person) Input(q interview.Prompt) (string, error) {
	p.clock.Advance(time.Minute)
	return p.Prompter.Input(q)
}
func (p *person) Multiline(q interview.Prompt) (string, error) {
	p.clock.Advance(time.Minute)
	return p.Prompter.Multiline(q)
}
func (p *person) Confirm(q interview.YesNo) (bool, error) {
	p.clock.Advance(time.Minute)
	return p.Prompter.Confirm(q)
}
func (p *person) Select(c interview.Choice) (string, error) {
	p.clock.Advance(time.Minute)
	return p.Prompter.Select(c)
}
func (p *person) MultiSelect(c interview.Choice) ([]string, error) {
	p.clock.Advance(time.Minute)
	return p.Prompter.MultiSelect(c)
}

// practiceAnswers answer every phase after the title, which the problem
// gives.
var practiceAnswers = []any{
	"Users should be able to create a short URL", "Users should be able to open a short URL", "", "",
	[]string{"latency"}, "p99 redirect < 100 ms",
	false,
	"ShortURL", "A code mapped to a long URL", "+ new…", "URL DB", "", "code", "", "base62 primary key", "", "", "",
	"", "", "/urls", "", "Create a short URL", "", "", "", "",
	false,
	"", "Stores codes", []string{"FR1 Users should be able to create a short URL"},
	"URL Service", "", "Go", "Creates codes and redirects with a 302",
	[]string{"FR1 Users should be able to create a short URL", "FR2 Users should be able to open a short URL"}, "",
	"URL Service", "URL DB", "reads and writes", "", "",
	"",
}

func practiceOpts(t *testing.T, dir string, answers ...any) (*PracticeOptions, *interview.Script) {
	t.Helper()
	io, _, _ := testIO()
	s := interview.NewScript(answers...)
	clock := practice.NewManualClock(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC))
	return &PracticeOptions{IO: io, Problem: "url-shortener", Minutes: 45, Output: dir,
		Prompter: &person{Prompter: s, clock: clock}, Env: fixedEnv, Clock: clock}, s
}

func TestPracticeRun(t *testing.T) {
	dir := t.TempDir()
	opts, s := practiceOpts(t, dir, practiceAnswers...)
	if err := practiceRun(opts); err != nil {
		t.Fatalf("practice: %v\n%s", err, strings.Join(s.Log, "\n"))
	}
	log := strings.Join(s.Log, "\n")
	for _, want := range []string{
		"Practice: URL shortener (url-shortener, easy)",
		"45 minutes: Requirements 5:00, Core entities 2:00, API 5:00, Data flow 5:00,\nHigh-level design 15:00, Deep dives 10:00, 3:00 spare.",
		"? [Requirements 5:00 left] FR1 (empty to finish)",
		"⏰ Requirements is over its time: 6:00 of 5:00 used.",
		"? [High-level design 15:00 left] Technology of URL DB",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the run lacks %q:\n%s", want, log)
		}
	}
	if len(s.Answers) != 0 {
		t.Errorf("%d answers left: %v\n%s", len(s.Answers), s.Answers, log)
	}
	doc, err := design.Load(filepath.Join(dir, "url-shortener.designdoc.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "URL shortener" || !strings.HasPrefix(doc.Summary, "Design a service like bit.ly.") || doc.Rendered == nil {
		t.Errorf("answers = %q, %q, rendered %v", doc.Title, doc.Summary, doc.Rendered)
	}
	if _, err := os.Stat(filepath.Join(dir, "url-shortener.md")); err != nil {
		t.Error(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "url-shortener.score.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sc struct {
		TimeScored bool `json:"time_scored"`
		Total      int  `json:"total"`
		Phases     []struct {
			UsedSeconds *int `json:"used_seconds"`
		} `json:"phases"`
	}
	if err := json.Unmarshal(data, &sc); err != nil {
		t.Fatal(err)
	}
	if !sc.TimeScored || sc.Total <= 0 || sc.Total >= 100 || sc.Phases[0].UsedSeconds == nil || *sc.Phases[0].UsedSeconds != 7*60 {
		t.Errorf("scorecard: time scored %v, total %d, requirements %v", sc.TimeScored, sc.Total, sc.Phases[0].UsedSeconds)
	}
	out := opts.IO.Out.(interface{ String() string }).String()
	if !strings.Contains(out, "Scorecard: URL shortener") || !strings.Contains(out, "Score: ") {
		t.Errorf("stdout = %q", out)
	}

	// A second run refuses to overwrite the first run's files.
	again, _ := practiceOpts(t, dir, practiceAnswers...)
	if err := practiceRun(again); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second run: %v, want a refusal", err)
	}
}

// TestPracticeDryRun runs the whole interview and prints the scorecard,
// writing nothing.
func TestPracticeDryRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	opts, s := practiceOpts(t, dir, practiceAnswers...)
	opts.DryRun = true
	if err := practiceRun(opts); err != nil {
		t.Fatalf("practice: %v\n%s", err, strings.Join(s.Log, "\n"))
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("--dry-run made %s: %v", dir, err)
	}
	if out := opts.IO.Out.(interface{ String() string }).String(); !strings.Contains(out, "Scorecard: URL shortener") {
		t.Errorf("stdout = %q", out)
	}
	if got := opts.IO.Err.(interface{ String() string }).String(); !strings.Contains(got, "would write "+filepath.Join(dir, "url-shortener.designdoc.yaml")) {
		t.Errorf("stderr = %q", got)
	}
}

func TestPracticeInterrupted(t *testing.T) {
	dir := t.TempDir()
	opts, _ := practiceOpts(t, dir, "Users should be able to create a short URL")
	err := practiceRun(opts)
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != ExitInterrupted {
		t.Fatalf("err = %v, want exit 130", err)
	}
	doc, err := design.ParseDraft("p", mustRead(t, filepath.Join(dir, "url-shortener.designdoc.yaml")))
	if err != nil || len(doc.Requirements.Functional) != 1 {
		t.Errorf("the partial answers: %v, %v", doc, err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPracticeErrors(t *testing.T) {
	io, _, _ := testIO()
	for _, tc := range []struct {
		opts PracticeOptions
		want string
	}{
		{PracticeOptions{Minutes: 45, Problem: "url-shortner"}, `unknown problem "url-shortner" (did you mean "url-shortener"?); run 'designdoc practice --list'`},
		{PracticeOptions{Minutes: 45}, practiceNoTerminal},
		{PracticeOptions{Minutes: 2}, "--minutes 2: a practice run takes 5 to 600 minutes"},
		{PracticeOptions{Minutes: 45, NoInput: true}, "--no-input scores an answers file: pass --answers FILE"},
	} {
		o := tc.opts
		o.IO = io
		err := practiceRun(&o)
		if err == nil || err.Error() != tc.want && !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%+v: err = %v, want %q", tc.opts, err, tc.want)
		}
	}
}

func TestPracticeSeed(t *testing.T) {
	pick := func(seed int64) string {
		p, err := pickProblem(&PracticeOptions{Seed: seed, SeedSet: true}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	if a, b := pick(7), pick(7); a != b {
		t.Errorf("seed 7 picked %s, then %s", a, b)
	}
	seen := map[string]bool{}
	for seed := range int64(20) {
		seen[pick(seed)] = true
	}
	if len(seen) < 5 {
		t.Errorf("20 seeds picked only %v", seen)
	}
}

// TestPracticeScoreFile scores an example without asking: the problem
// comes from its slug, time is not scored, a scorecard is replaced.
func TestPracticeScoreFile(t *testing.T) {
	dir := t.TempDir()
	io, out, _ := testIO()
	opts := &PracticeOptions{IO: io, Minutes: 45, Answers: "../../examples/url-shortener.designdoc.yaml", NoInput: true, Output: dir}
	for range 2 {
		if err := practiceRun(opts); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(out.String(), "Score: 100/100") || !strings.Contains(out.String(), "time per phase within budget         not scored") {
		t.Errorf("stdout:\n%s", out)
	}
	path := filepath.Join(dir, "url-shortener.score.json")
	if err := os.WriteFile(path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := practiceRun(opts); err == nil || !strings.Contains(err.Error(), "is not a designdoc scorecard") {
		t.Errorf("err = %v, want a refusal", err)
	}
	opts.Answers = "../../examples/realtime-chat.designdoc.yaml"
	if err := practiceRun(opts); err == nil || !strings.Contains(err.Error(), "name it with --problem ID") {
		t.Errorf("err = %v, want --problem asked for", err)
	}
}
