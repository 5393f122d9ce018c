package practice

import (
	"fmt"
	"strings"
	"time"

	"github.com/designdoc-cli/designdoc/internal/check"
)

// Text is the scorecard as printed at the end of a run.
func (sc Scorecard) Text() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("Scorecard: %s (%s, %s), %d-minute run\n", sc.Problem.Title, sc.Problem.ID, sc.Problem.Difficulty, sc.Minutes)

	p("\nTime and coverage by phase\n")
	p("  %-20s %-17s %s\n", "phase", "used / budget", "coverage")
	var used, budget int
	known := false
	for _, ph := range sc.Phases {
		t := "? / " + clockString(time.Duration(ph.BudgetSeconds)*time.Second)
		if ph.UsedSeconds != nil {
			known = true
			used += *ph.UsedSeconds
			t = clockString(time.Duration(*ph.UsedSeconds)*time.Second) + " / " + clockString(time.Duration(ph.BudgetSeconds)*time.Second)
			if ph.Over {
				t += " over"
			}
		}
		budget += ph.BudgetSeconds
		p("  %-20s %-17s %3.0f%%\n", ph.Title, t, ph.Coverage*100)
	}
	if known {
		p("  %-20s %s / %s (%d min with the spare)\n", "all phases", clockString(time.Duration(used)*time.Second), clockString(time.Duration(budget)*time.Second), sc.Minutes)
	}

	p("\nCoverage\n")
	for _, ph := range sc.Phases {
		p("  %s (%.0f%%)\n", ph.Title, ph.Coverage*100)
		for _, it := range ph.Items {
			mark := "✓"
			if it.Fraction < 1 {
				mark = "✗"
			}
			switch {
			case it.Kind == "at_least":
				p("    %s %s: %d, want %d or more\n", mark, it.What, it.Got, it.Want)
			case it.Kind == "check":
				p("    %s %s\n", mark, it.What)
			default:
				p("    %s %d of %d %s\n", mark, it.Got, it.Want, it.What)
			}
			for _, m := range it.Missing {
				p("        missing: %s\n", m)
			}
		}
	}

	n := 0
	for _, c := range sc.Named {
		if c.Named {
			n++
		}
	}
	p("\nKey concepts and technologies named: %d of %d\n", n, len(sc.Named))
	for _, c := range sc.Named {
		if c.Named {
			p("  ✓ %s (%q)\n", c.Name, c.As)
		}
	}
	for _, c := range sc.Named {
		if !c.Named {
			more := ""
			if c.Topic != "" {
				more = ": designdoc guide " + c.Topic
			}
			p("  ✗ %s%s\n", c.Name, more)
		}
	}

	if len(sc.Findings) == 0 {
		p("\nLinter: no findings\n")
	} else {
		p("\nLinter: %s\n", check.Summary(sc.Findings))
		for _, f := range sc.Findings {
			p("  %s %s: %s\n", f.Rule, f.Severity, f.Message)
		}
	}

	p("\nScore: %d/%d\n", sc.Total, sc.OutOf)
	for _, part := range sc.Parts {
		if part.Weight == 0 {
			p("  %-36s not scored\n", part.Title)
			continue
		}
		p("  %-36s %2d × %3.0f%% = %4.1f\n", part.Title, part.Weight, part.Fraction*100, part.Points)
	}
	p("  (coverage shares its points among the phases: %s; each linter error costs %.0f%% of its part, each warning %.0f%%)\n",
		coverageShares(), errorCost*100, warningCost*100)
	for _, n := range sc.Notes {
		p("  note: %s\n", n)
	}
	return b.String()
}

func coverageShares() string {
	var parts []string
	for _, ph := range Phases {
		parts = append(parts, fmt.Sprintf("%s %d", strings.ToLower(ph.Title), CoverageWeights[ph.ID]))
	}
	return strings.Join(parts, ", ")
}
