package interview

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/AlecAivazis/survey/v2/terminal"
)

// Survey is the Prompter for a person at a terminal, built on
// github.com/AlecAivazis/survey/v2.
type Survey struct {
	In  terminal.FileReader
	Out terminal.FileWriter
	Err io.Writer
	// Color false prints the questions without escape codes for colour.
	Color bool
}

func (s *Survey) opts(extra ...survey.AskOpt) []survey.AskOpt {
	// survey colours its templates unless told globally; without this,
	// --no-color would change only the icons.
	core.DisableColor = !s.Color
	o := []survey.AskOpt{
		survey.WithStdio(s.In, s.Out, s.Err),
		survey.WithHelpInput('?'),
		survey.WithShowCursor(true),
	}
	if !s.Color {
		o = append(o, survey.WithIcons(func(icons *survey.IconSet) {
			for _, ic := range []*survey.Icon{&icons.Error, &icons.Help, &icons.Question, &icons.HelpInput,
				&icons.SelectFocus, &icons.MarkedOption, &icons.UnmarkedOption} {
				ic.Format = "default"
			}
		}))
	}
	return append(o, extra...)
}

// textValidator adapts a string validator to survey's.
func textValidator(v func(string) error) survey.AskOpt {
	return survey.WithValidator(func(ans any) error {
		if v == nil {
			return nil
		}
		s, _ := ans.(string)
		return v(s)
	})
}

// interrupted maps survey's Ctrl-C and the end of input to ErrInterrupted.
func interrupted(err error) error {
	if errors.Is(err, terminal.InterruptErr) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return ErrInterrupted
	}
	return err
}

// Input implements Prompter. A prompt with Prefill starts with that text
// on the line, ready to be extended or edited.
func (s *Survey) Input(p Prompt) (string, error) {
	var ans string
	var q survey.Prompt = &survey.Input{Message: p.Message, Default: p.Default, Help: p.Help}
	if p.Prefill != "" {
		q = &prefilled{Input: survey.Input{Message: p.Message, Help: p.Help}, prefill: p.Prefill}
	}
	err := survey.AskOne(q, &ans, s.opts(textValidator(p.Validate))...)
	return ans, interrupted(err)
}

// Multiline implements Prompter. In a terminal a paragraph is one input
// line that wraps as it grows: survey's own multi-line prompt needs two
// empty lines to finish and, in v2.3.7, leaves a stale copy of the answer
// on screen. Longer text is better written in the answers file.
func (s *Survey) Multiline(p Prompt) (string, error) { return s.Input(p) }

// Confirm implements Prompter.
func (s *Survey) Confirm(q YesNo) (bool, error) {
	var ans bool
	err := survey.AskOne(&survey.Confirm{Message: q.Message, Default: q.Default, Help: q.Help}, &ans, s.opts()...)
	return ans, interrupted(err)
}

func describe(c Choice) func(string, int) string {
	if c.Describe == nil {
		return nil
	}
	return func(v string, _ int) string { return c.Describe(v) }
}

// pageSize shows every option of the short lists designdoc asks.
func pageSize(n int) int { return min(max(n, 1), 14) }

// Select implements Prompter.
func (s *Survey) Select(c Choice) (string, error) {
	var ans string
	q := &survey.Select{Message: c.Message, Options: c.Options, Help: c.Help, Description: describe(c), PageSize: pageSize(len(c.Options))}
	if slices.Contains(c.Options, c.Default) {
		q.Default = c.Default
	}
	err := survey.AskOne(q, &ans, s.opts()...)
	return ans, interrupted(err)
}

// MultiSelect implements Prompter.
func (s *Survey) MultiSelect(c Choice) ([]string, error) {
	var ans []string
	var defs []string
	for _, d := range c.Defaults {
		if slices.Contains(c.Options, d) {
			defs = append(defs, d)
		}
	}
	q := &survey.MultiSelect{Message: c.Message, Options: c.Options, Help: c.Help, Description: describe(c), PageSize: pageSize(len(c.Options))}
	if len(defs) > 0 {
		q.Default = defs
	}
	err := survey.AskOne(q, &ans, s.opts()...)
	return ans, interrupted(err)
}

// Say implements Prompter.
func (s *Survey) Say(text string) { _, _ = fmt.Fprintln(s.Out, text) }

// prefilled is survey's Input with text already on the line.
type prefilled struct {
	survey.Input
	prefill  string
	showHelp bool
}

// Prompt reads the line, starting from the pre-filled text. It follows
// survey.Input.Prompt, without suggestions.
func (p *prefilled) Prompt(config *survey.PromptConfig) (any, error) {
	for {
		err := p.Render(survey.InputQuestionTemplate, survey.InputTemplateData{Input: p.Input, Config: config, ShowHelp: p.showHelp})
		if err != nil {
			return "", err
		}
		rr := p.NewRuneReader()
		_ = rr.SetTermMode()
		line, err := rr.ReadLineWithDefault(0, []rune(p.prefill))
		_ = rr.RestoreTermMode()
		if err != nil {
			return "", err
		}
		p.NewCursor().Up(1)
		ans := string(line)
		if (ans == string(config.HelpInput) || ans == p.prefill+string(config.HelpInput)) && p.Help != "" {
			p.showHelp = true
			continue
		}
		p.AppendRenderedText(ans)
		return ans, nil
	}
}

// Cleanup shows the answer in place of the question, as survey.Input does.
func (p *prefilled) Cleanup(config *survey.PromptConfig, val any) error {
	ans, _ := val.(string)
	return p.Render(survey.InputQuestionTemplate, survey.InputTemplateData{Input: p.Input, ShowAnswer: true, Config: config, Answer: ans})
}
