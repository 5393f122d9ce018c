// Package interview is the question flow of designdoc new, edit and
// practice: it walks a person through every phase of a system design and
// fills a design.Doc with the answers. It talks to the person only through
// a Prompter, so the same flow runs in a terminal (Survey) and in tests
// (Script).
package interview

import "errors"

// ErrInterrupted is returned by a Prompter when the person pressed Ctrl-C
// or the input ended. The answers given so far are kept.
var ErrInterrupted = errors.New("interview interrupted")

// Prompt is a question with a free-text answer.
type Prompt struct {
	Message string
	// Default is the answer when the person just presses Enter.
	Default string
	// Prefill is text already on the input line, which the person can
	// edit or extend ("Users should be able to ").
	Prefill string
	// Help is shown when the person types "?".
	Help string
	// Validate rejects an answer with a message saying what is wrong; the
	// question is then asked again.
	Validate func(string) error
}

// Choice is a question answered by picking one or several options.
type Choice struct {
	Message string
	Options []string
	// Describe returns a short description shown beside an option, or "".
	Describe func(option string) string
	// Default is the option highlighted first (Select).
	Default string
	// Defaults are the options ticked first (MultiSelect).
	Defaults []string
	Help     string
}

// YesNo is a yes-or-no question.
type YesNo struct {
	Message string
	Default bool
	Help    string
}

// Prompter asks one question at a time. Every method returns
// ErrInterrupted when the person interrupts.
type Prompter interface {
	Input(Prompt) (string, error)
	Multiline(Prompt) (string, error)
	Confirm(YesNo) (bool, error)
	Select(Choice) (string, error)
	MultiSelect(Choice) ([]string, error)
	// Say shows information that is not a question: a phase heading, a
	// summary, a hint.
	Say(text string)
}
