package knowledge

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// Problem is one classic system-design interview question of the
// practice bank, with what a strong answer reaches in each phase.
type Problem struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	// Difficulty is easy, medium or hard.
	Difficulty string   `yaml:"difficulty"`
	Aliases    []string `yaml:"aliases"`
	// Prompt is the question as an interviewer states it.
	Prompt string `yaml:"prompt"`
	// Hints are nudges per practice phase (see ProblemPhases).
	Hints map[string][]string `yaml:"hints"`
	// Functional are the capabilities a strong candidate settles on; each
	// counts as reached when a functional requirement names one of its
	// Match terms.
	Functional []Term `yaml:"functional"`
	// NonFunctional are the qualities that matter most for this problem.
	NonFunctional []Quality `yaml:"non_functional"`
	// Capacity are the figures worth estimating, in words.
	Capacity []string `yaml:"capacity"`
	// Realtime says whether the problem needs a push channel to clients.
	Realtime bool `yaml:"realtime"`
	// Entities are the core entities a strong answer names.
	Entities []Term `yaml:"entities"`
	// Concepts and Technologies are what a strong answer names anywhere.
	Concepts     []Term `yaml:"concepts"`
	Technologies []Term `yaml:"technologies"`
}

// Term is something an answer is expected to name, and the words that
// count as naming it: "websocket", "WebSockets" and "ws" all name the
// same channel.
type Term struct {
	Name  string   `yaml:"name"`
	Match []string `yaml:"match"`
	// Topic is the guide topic that explains it (designdoc guide TOPIC),
	// "" for none.
	Topic string `yaml:"topic"`
}

// Quality is a non-functional requirement a strong answer states.
type Quality struct {
	Quality string `yaml:"quality"` // one of design.Qualities
	Text    string `yaml:"text"`
}

// ProblemPhases are the phases of a practice run, in order, as the hints
// of a problem are keyed. Requirements covers the title, the functional
// and non-functional requirements and the capacity estimate.
var ProblemPhases = []string{"requirements", "entities", "api", "data_flow", "high_level_design", "deep_dives"}

// Difficulties are the levels a problem can have, easiest first.
var Difficulties = []string{"easy", "medium", "hard"}

// qualities mirrors design.Qualities; knowledge imports nothing of ours.
var problemQualities = []string{"cap", "availability", "scalability", "latency", "throughput",
	"durability", "consistency", "security", "fault-tolerance", "compliance", "environment", "other"}

//go:embed problems/*.yaml
var problemFiles embed.FS

// problemBank is the parsed problems, in id order.
type problemBank struct {
	problems []Problem
	byName   map[string]int
}

var loadProblems = sync.OnceValue(func() *problemBank {
	b, err := parseProblems(problemFiles, "problems")
	if err != nil {
		// Embedded data, not input: TestEmbeddedProblems catches this.
		panic(fmt.Sprintf("knowledge: embedded problems: %v", err))
	}
	return b
})

// Problems returns every problem of the bank, in id order. The result is
// a copy the caller may change.
func Problems() []Problem {
	b := loadProblems()
	out := make([]Problem, len(b.problems))
	for i, p := range b.problems {
		out[i] = p.clone()
	}
	return out
}

// ProblemIDs returns the ids of the bank, in order.
func ProblemIDs() []string {
	b := loadProblems()
	ids := make([]string, len(b.problems))
	for i, p := range b.problems {
		ids[i] = p.ID
	}
	return ids
}

// LookupProblem finds a problem by id or alias, compared the way Lookup
// compares topic names. On a miss the error is a *ProblemNotFoundError
// with suggestions.
func LookupProblem(name string) (Problem, error) {
	b := loadProblems()
	if i, ok := b.byName[normalize(name)]; ok {
		return b.problems[i].clone(), nil
	}
	return Problem{}, &ProblemNotFoundError{Name: name, Suggestions: b.suggest(name)}
}

// ProblemNotFoundError is returned by LookupProblem.
type ProblemNotFoundError struct {
	Name        string
	Suggestions []string // at most three ids, closest first
}

func (e *ProblemNotFoundError) Error() string {
	msg := fmt.Sprintf("unknown problem %q", e.Name)
	if len(e.Suggestions) == 0 {
		return msg
	}
	return msg + " (did you mean " + orList(e.Suggestions) + "?)"
}

func orList(names []string) string {
	quoted := make([]string, len(names))
	for i, s := range names {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}

// suggest offers ids close to name: a typo of an id or alias, a prefix of
// one, or a word of one ("shortener" for url-shortener).
func (b *problemBank) suggest(name string) []string {
	q := normalize(name)
	if q == "" {
		return nil
	}
	limit := max(utf8.RuneCountInString(q)/3, 1)
	type hit struct{ id, score, order int }
	var hits []hit
	for i, p := range b.problems {
		best := -1
		for _, n := range append([]string{p.ID}, p.Aliases...) {
			n = normalize(n)
			score := -1
			switch d := design.Distance(q, n); {
			case d <= limit:
				score = d
			case utf8.RuneCountInString(q) >= 3 && strings.HasPrefix(n, q):
				score = 1
			case utf8.RuneCountInString(q) >= 4 && strings.Contains(n, q):
				score = 2
			}
			if score >= 0 && (best < 0 || score < best) {
				best = score
			}
		}
		if best >= 0 {
			hits = append(hits, hit{i, best, i})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			return a.score - b.score
		}
		return a.order - b.order
	})
	var out []string
	for _, h := range hits[:min(len(hits), maxSuggestions)] {
		out = append(out, b.problems[h.id].ID)
	}
	return out
}

// parseProblems reads every dir/ID.yaml file of fsys.
func parseProblems(fsys fs.FS, dir string) (*problemBank, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	b := &problemBank{byName: map[string]int{}}
	var errs []error
	for _, e := range entries { // sorted by name, so by id
		if e.IsDir() || path.Ext(e.Name()) != ".yaml" {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p, err := parseProblem(e.Name(), data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		i := len(b.problems)
		b.problems = append(b.problems, p)
		for _, n := range append([]string{p.ID}, p.Aliases...) {
			key := normalize(n)
			if j, dup := b.byName[key]; dup {
				errs = append(errs, fmt.Errorf("%s: name %q is already used by problem %s", p.ID, n, b.problems[j].ID))
				continue
			}
			b.byName[key] = i
		}
	}
	if len(b.problems) == 0 {
		errs = append(errs, fmt.Errorf("no problems in %s", dir))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return b, nil
}

// parseProblem decodes one problem strictly and checks it is complete.
func parseProblem(file string, data []byte) (Problem, error) {
	var p Problem
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil {
		return Problem{}, fmt.Errorf("%s: %w", file, err)
	}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	p.Prompt = strings.TrimSpace(p.Prompt)
	if p.ID != strings.TrimSuffix(file, ".yaml") || normalize(p.ID) != p.ID {
		fail("id %q does not match the file name, or is not lower-case words joined by hyphens", p.ID)
	}
	for _, f := range []struct{ name, value string }{{"title", p.Title}, {"prompt", p.Prompt}} {
		if strings.TrimSpace(f.value) == "" {
			fail("%s is missing or empty", f.name)
		}
	}
	if !slices.Contains(Difficulties, p.Difficulty) {
		fail("difficulty %q is not one of %s", p.Difficulty, strings.Join(Difficulties, ", "))
	}
	for phase, hints := range p.Hints {
		if !slices.Contains(ProblemPhases, phase) {
			fail("hints for unknown phase %q (want one of %s)", phase, strings.Join(ProblemPhases, ", "))
		}
		if len(hints) == 0 {
			fail("hints.%s is empty", phase)
		}
	}
	for _, q := range p.NonFunctional {
		if !slices.Contains(problemQualities, q.Quality) || strings.TrimSpace(q.Text) == "" {
			fail("non_functional: quality %q needs to be one of %s, with a text", q.Quality, strings.Join(problemQualities, ", "))
		}
	}
	for _, l := range []struct {
		name  string
		terms []Term
		min   int
	}{{"functional", p.Functional, 3}, {"entities", p.Entities, 2}, {"concepts", p.Concepts, 3}, {"technologies", p.Technologies, 2}} {
		if len(l.terms) < l.min {
			fail("%s has %d items, want at least %d", l.name, len(l.terms), l.min)
		}
		for _, t := range l.terms {
			if strings.TrimSpace(t.Name) == "" || len(t.Match) == 0 {
				fail("%s: %q needs a name and at least one match", l.name, t.Name)
			}
			for _, m := range t.Match {
				if strings.TrimSpace(m) == "" {
					fail("%s: %q has an empty match", l.name, t.Name)
				}
			}
		}
	}
	if len(p.NonFunctional) < 2 || len(p.Capacity) < 2 || len(p.Hints) == 0 {
		fail("want at least 2 non_functional, 2 capacity figures and some hints")
	}
	if len(errs) > 0 {
		return Problem{}, fmt.Errorf("%s: %s", file, strings.Join(errs, "; "))
	}
	return p, nil
}

func (p Problem) clone() Problem {
	p.Aliases = slices.Clone(p.Aliases)
	hints := make(map[string][]string, len(p.Hints))
	for k, v := range p.Hints {
		hints[k] = slices.Clone(v)
	}
	p.Hints = hints
	p.Functional = cloneTerms(p.Functional)
	p.NonFunctional = slices.Clone(p.NonFunctional)
	p.Capacity = slices.Clone(p.Capacity)
	p.Entities = cloneTerms(p.Entities)
	p.Concepts = cloneTerms(p.Concepts)
	p.Technologies = cloneTerms(p.Technologies)
	return p
}

func cloneTerms(ts []Term) []Term {
	out := slices.Clone(ts)
	for i := range out {
		out[i].Match = slices.Clone(out[i].Match)
	}
	return out
}
