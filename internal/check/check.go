// Package check is designdoc's design linter: the comments a senior
// reviewer leaves on every design doc, as rules with stable IDs that run
// over an answers file (or, without one, over a doc's Markdown) and report
// findings with the place to fix and how.
package check

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// Severity is how much a finding matters.
type Severity int

// The severities, least first. Errors fail designdoc check; warnings fail
// it with --strict; infos never do.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// MarshalText writes the severity as its name, in JSON too.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// plural is the severity's name for a count of n findings.
func (s Severity) plural(n int) string {
	name := s.String()
	if n == 1 || s == Info {
		return strconv.Itoa(n) + " " + name
	}
	return strconv.Itoa(n) + " " + name + "s"
}

// Finding is one thing a rule found. Line and Column are 1-based and 0
// when the place is not known (a section that is missing altogether).
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
}

// Location is file:line:col, or as much of it as is known.
func (f Finding) Location() string {
	switch {
	case f.Line <= 0:
		return f.File
	case f.Column <= 0:
		return f.File + ":" + strconv.Itoa(f.Line)
	}
	return f.File + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
}

// Input says what a rule reads.
type Input int

// The inputs rules run over.
const (
	Answers  Input = iota // an answers file
	Markdown              // a doc's Markdown, when there is no answers file
)

// Rule is one check of the registry.
type Rule struct {
	ID       string // stable: DD001, never reused
	Severity Severity
	Title    string // one line: what the rule finds
	// Explain is the longer text of designdoc check --explain: why a
	// reviewer cares and what a good answer looks like.
	Explain string
	// Topic is the designdoc guide topic that goes deeper, "" for none.
	Topic string
	Input Input

	answers  func(*run)
	markdown func(*mdRun)
}

// Options tune a run.
type Options struct {
	// Disable lists rule IDs not to run.
	Disable []string
	// RequiredSections is the team's list of sections DD001 requires
	// (top-level keys such as entities, or dotted paths such as
	// api.endpoints); nil means the default list.
	RequiredSections []string
}

// DefaultRequiredSections are what DD001 requires without a team config.
var DefaultRequiredSections = []string{"requirements.functional", "entities", "api.endpoints", "high_level_design.components"}

// Rules returns the registry, in ID order.
func Rules() []Rule { return slices.Clone(registry) }

// Lookup finds a rule by ID, in any case.
func Lookup(id string) (Rule, bool) {
	id = strings.ToUpper(strings.TrimSpace(id))
	for _, r := range registry {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// UnknownRuleError is a rule ID the registry does not have.
type UnknownRuleError struct{ ID string }

func (e *UnknownRuleError) Error() string {
	ids := make([]string, len(registry))
	for i, r := range registry {
		ids[i] = r.ID
	}
	if s := design.Suggest(strings.ToUpper(e.ID), ids); s != "" {
		return fmt.Sprintf("no rule %q (did you mean %s?)", e.ID, s)
	}
	return fmt.Sprintf("no rule %q; the rules are %s to %s (designdoc check --explain ID)", e.ID, ids[0], ids[len(ids)-1])
}

// CheckIDs returns an error for the first ID that names no rule.
func CheckIDs(ids []string) error {
	for _, id := range ids {
		if _, ok := Lookup(id); !ok {
			return &UnknownRuleError{ID: id}
		}
	}
	return nil
}

func (o Options) enabled(id string) bool {
	for _, d := range o.Disable {
		if strings.EqualFold(strings.TrimSpace(d), id) {
			return false
		}
	}
	return true
}

// Run lints an answers file already loaded; file names it in findings.
// The findings are sorted by place, then rule.
func Run(doc *design.Doc, file string, opts Options) []Finding {
	r := &run{doc: doc, file: file, opts: opts}
	for _, rule := range registry {
		if rule.answers != nil && opts.enabled(rule.ID) {
			r.rule = rule
			rule.answers(r)
		}
	}
	sortFindings(r.findings)
	return r.findings
}

// run is one rule pass over an answers file.
type run struct {
	doc      *design.Doc
	file     string
	opts     Options
	rule     Rule
	findings []Finding

	all       []passage  // the doc's passages, collected on first use
	collected bool       // all holds them
	texts     *textIndex // where components are named, built on first use
}

// report adds a finding of the current rule at p.
func (r *run) report(p design.Pos, hint, format string, args ...any) {
	if r.rule.Topic != "" {
		hint += "; more in designdoc guide " + r.rule.Topic
	}
	r.reportAs(r.rule.ID, r.rule.Severity, p, hint, format, args...)
}

func (r *run) reportAs(id string, sev Severity, p design.Pos, hint, format string, args ...any) {
	r.findings = append(r.findings, Finding{
		Rule: id, Severity: sev, Message: fmt.Sprintf(format, args...), Hint: hint,
		File: r.file, Line: p.Line, Column: p.Column,
	})
}

// key is where a top-level key was written, else the zero Pos.
func (r *run) key(name string) design.Pos { return r.doc.Keys[name] }

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), strings.Compare(a.Rule, b.Rule))
	})
}

// Count tallies findings by severity.
func Count(findings []Finding) (errors, warnings, infos int) {
	for _, f := range findings {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		default:
			infos++
		}
	}
	return errors, warnings, infos
}

// Summary is a one-line count of findings, worst first, such as
// "1 error, 3 warnings, 1 info"; "" when there are none.
func Summary(findings []Finding) string {
	e, w, i := Count(findings)
	var parts []string
	for _, c := range []struct {
		sev Severity
		n   int
	}{{Error, e}, {Warning, w}, {Info, i}} {
		if c.n > 0 {
			parts = append(parts, c.sev.plural(c.n))
		}
	}
	return strings.Join(parts, ", ")
}

// Failed reports whether findings fail a check: any error, or with strict
// any warning.
func Failed(findings []Finding, strict bool) bool {
	e, w, _ := Count(findings)
	return e > 0 || strict && w > 0
}

func posAt(line int) design.Pos {
	if line <= 0 {
		return design.Pos{}
	}
	return design.Pos{Line: line, Column: 1}
}

// RulesTable is the registry as a Markdown table, for the README.
func RulesTable() string {
	var b strings.Builder
	b.WriteString("| id | severity | finds | more |\n| --- | --- | --- | --- |\n")
	for _, r := range registry {
		title := r.Title
		if r.Input == Markdown {
			title += " (DOC.md)"
		}
		more := "—" // an empty cell reads as a mistake, and markdownlint's MD060 flags "|  |"
		if r.Topic != "" {
			more = "`designdoc guide " + r.Topic + "`"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.ID, r.Severity, strings.ReplaceAll(title, "|", `\|`), more)
	}
	return b.String()
}
