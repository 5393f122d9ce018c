package interview

import (
	"fmt"
	"slices"
	"strings"
)

// Script is a Prompter that answers from a list, for tests and for
// running the flow without a person. Each answer is a string (Input,
// Multiline, Select), a bool (Confirm) or a []string (MultiSelect); an
// empty string takes the question's default, as Enter does. An answer a
// validator rejects is logged and the next answer is tried, the way a
// person types again. When the answers run out the script interrupts.
type Script struct {
	Answers []any
	// Log records every question asked ("? message"), every rejection
	// ("! message") and everything said, in order.
	Log []string
	// Asked counts the questions asked.
	Asked int
}

// NewScript returns a Script with the given answers.
func NewScript(answers ...any) *Script { return &Script{Answers: answers} }

func (s *Script) next(kind, message string) (any, error) {
	s.Asked++
	s.Log = append(s.Log, "? "+message)
	if len(s.Answers) == 0 {
		return nil, ErrInterrupted
	}
	a := s.Answers[0]
	s.Answers = s.Answers[1:]
	return a, nil
}

func (s *Script) text(p Prompt) (string, error) {
	for {
		a, err := s.next("input", p.Message)
		if err != nil {
			return "", err
		}
		v, ok := a.(string)
		if !ok {
			return "", fmt.Errorf("script: %q wants text, the script has %T %v", p.Message, a, a)
		}
		if v == "" {
			v = p.Default
		}
		if p.Validate != nil {
			if err := p.Validate(v); err != nil {
				s.Log = append(s.Log, "! "+err.Error())
				continue
			}
		}
		return v, nil
	}
}

// Input implements Prompter.
func (s *Script) Input(p Prompt) (string, error) { return s.text(p) }

// Multiline implements Prompter.
func (s *Script) Multiline(p Prompt) (string, error) { return s.text(p) }

// Confirm implements Prompter.
func (s *Script) Confirm(q YesNo) (bool, error) {
	a, err := s.next("confirm", q.Message)
	if err != nil {
		return false, err
	}
	switch v := a.(type) {
	case bool:
		return v, nil
	case string:
		if v == "" {
			return q.Default, nil
		}
	}
	return false, fmt.Errorf("script: %q wants a bool, the script has %T %v", q.Message, a, a)
}

// Select implements Prompter.
func (s *Script) Select(c Choice) (string, error) {
	a, err := s.next("select", c.Message)
	if err != nil {
		return "", err
	}
	v, ok := a.(string)
	if !ok {
		return "", fmt.Errorf("script: %q wants one option, the script has %T %v", c.Message, a, a)
	}
	if v == "" {
		v = c.Default
		if v == "" && len(c.Options) > 0 {
			v = c.Options[0]
		}
	}
	if !slices.Contains(c.Options, v) {
		return "", fmt.Errorf("script: %q has no option %q (options: %s)", c.Message, v, strings.Join(c.Options, ", "))
	}
	return v, nil
}

// MultiSelect implements Prompter.
func (s *Script) MultiSelect(c Choice) ([]string, error) {
	a, err := s.next("multiselect", c.Message)
	if err != nil {
		return nil, err
	}
	if v, ok := a.(string); ok && v == "" {
		return slices.Clone(c.Defaults), nil
	}
	v, ok := a.([]string)
	if !ok {
		return nil, fmt.Errorf("script: %q wants a list of options, the script has %T %v", c.Message, a, a)
	}
	for _, o := range v {
		if !slices.Contains(c.Options, o) {
			return nil, fmt.Errorf("script: %q has no option %q (options: %s)", c.Message, o, strings.Join(c.Options, ", "))
		}
	}
	return v, nil
}

// Say implements Prompter.
func (s *Script) Say(text string) { s.Log = append(s.Log, text) }
