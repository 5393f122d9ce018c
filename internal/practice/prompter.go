package practice

import (
	"fmt"
	"strings"
	"time"

	"github.com/designdoc-cli/designdoc/internal/interview"
)

// PrompterOptions shape what the timed prompter adds to each question.
type PrompterOptions struct {
	// ShowTime puts the running phase's time left in every question and
	// warns once when a phase, or the whole run, runs over. Off for
	// --no-timer; the timer keeps measuring either way.
	ShowTime bool
	// Hints are the problem's hints by timed phase, added to the help
	// ("?") of every question in that phase.
	Hints map[string][]string
}

// NewPrompter wraps p so that every question shows the time left in the
// running phase, "[API 3:12 left]", or how far over it is. The first
// question after a phase runs over is preceded by a warning (said once
// per phase); nothing moves on by itself: the person decides when to end
// a list or a phase.
func NewPrompter(p interview.Prompter, t *Timer, opts PrompterOptions) interview.Prompter {
	return &timedPrompter{p: p, t: t, opts: opts, warned: map[string]bool{}}
}

type timedPrompter struct {
	p           interview.Prompter
	t           *Timer
	opts        PrompterOptions
	warned      map[string]bool
	warnedTotal bool
}

// before runs ahead of every question: the overrun warnings, then the
// decorated message and help.
func (tp *timedPrompter) before(message, help string) (string, string) {
	phase := tp.t.Current()
	if hints := tp.opts.Hints[phase]; len(hints) > 0 {
		extra := "Hints for this problem: " + strings.Join(hints, " ")
		if help == "" {
			help = extra
		} else {
			help += "\n\n" + extra
		}
	}
	if !tp.opts.ShowTime || phase == "" {
		return message, help
	}
	plan := tp.t.Plan()
	budget, used := plan.Budget(phase), tp.t.Used(phase)
	if used > budget && !tp.warned[phase] {
		tp.warned[phase] = true
		tp.p.Say(fmt.Sprintf("⏰ %s is over its time: %s of %s used. Wrap up and move on when you are ready (an empty answer ends a list).",
			phaseTitle(phase), clockString(used), clockString(budget)))
	}
	if el := tp.t.Elapsed(); el > plan.Total && !tp.warnedTotal {
		tp.warnedTotal = true
		tp.p.Say(fmt.Sprintf("⏰ The %d minutes are up (%s used). Finish when you are ready; the scorecard counts the overrun.",
			plan.Minutes, clockString(el)))
	}
	return Badge(phase, budget, used) + " " + message, help
}

// Badge is the time shown before a question: "[API 3:12 left]" or
// "[API 0:45 over]".
func Badge(phase string, budget, used time.Duration) string {
	if used > budget {
		return fmt.Sprintf("[%s %s over]", phaseTitle(phase), clockString(used-budget))
	}
	return fmt.Sprintf("[%s %s left]", phaseTitle(phase), clockString(budget-used))
}

func (tp *timedPrompter) Input(q interview.Prompt) (string, error) {
	q.Message, q.Help = tp.before(q.Message, q.Help)
	return tp.p.Input(q)
}

func (tp *timedPrompter) Multiline(q interview.Prompt) (string, error) {
	q.Message, q.Help = tp.before(q.Message, q.Help)
	return tp.p.Multiline(q)
}

func (tp *timedPrompter) Confirm(q interview.YesNo) (bool, error) {
	q.Message, q.Help = tp.before(q.Message, q.Help)
	return tp.p.Confirm(q)
}

func (tp *timedPrompter) Select(c interview.Choice) (string, error) {
	c.Message, c.Help = tp.before(c.Message, c.Help)
	return tp.p.Select(c)
}

func (tp *timedPrompter) MultiSelect(c interview.Choice) ([]string, error) {
	c.Message, c.Help = tp.before(c.Message, c.Help)
	return tp.p.MultiSelect(c)
}

func (tp *timedPrompter) Say(text string) { tp.p.Say(text) }
