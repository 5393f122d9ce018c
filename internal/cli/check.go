package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/check"
	"github.com/designdoc-cli/designdoc/internal/design"
)

// CheckOptions are the inputs of designdoc check.
type CheckOptions struct {
	IO      *IO
	File    string // answers file or Markdown doc
	Format  string // text or json
	Strict  bool
	Disable []string
	Explain string
	// Color styles text output: stdout is a terminal and colour is not
	// turned off.
	Color bool
}

func newCheckCmd(io *IO, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "check ANSWERS|DOC.md",
		Short: "Lint a design: the comments a reviewer would make, first",
		Long: `Check runs the design linter over an answers file: required sections, how
requirements are phrased and measured, requirements no component serves,
search indexes with no sync path, queues with no dead-letter handling,
caches with no TTL, capacity inputs that contradict each other, and more.
Each finding has a rule ID, the file:line:col to fix and a hint.

Given a Markdown doc (a name ending in .md) without its answers file, check
lints the doc's structure instead: missing phase sections, empty headings,
ragged tables, empty Mermaid diagrams, leftover guidance comments.

A doc in status review or accepted must have no placeholders and no
unresolved open questions (DD013); a draft may.

Exit status: 1 when there are errors (or warnings, with --strict), 2 when
the file cannot be read or loaded, 0 otherwise. designdoc check --explain
ID says what a rule looks for and why.`,
		Example: `  designdoc check url-shortener.designdoc.yaml
  designdoc check url-shortener.designdoc.yaml --strict --disable DD005,DD019
  designdoc check answers.yaml --format json | jq '.[] | select(.severity == "error")'
  designdoc check docs/0007-url-shortener.md
  designdoc check --explain DD007`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.Explain != "" {
				return maximumArgs(0, "no file with --explain")(cmd, args)
			}
			return exactArgs(1, "an answers file or a Markdown doc")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				opts.File = args[0]
			}
			opts.Color = opts.IO.OutTerminal && colorAllowed(cmd)
			if opts.Format != "text" && opts.Format != "json" {
				return &usageError{err: fmt.Errorf("--format %q: use text or json", opts.Format), cmd: cmd.CommandPath()}
			}
			if err := check.CheckIDs(opts.Disable); err != nil {
				return &usageError{err: fmt.Errorf("--disable: %w", err), cmd: cmd.CommandPath()}
			}
			if runF != nil {
				return runF(opts)
			}
			return checkRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output `FORMAT`: text or json")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "fail on warnings too")
	cmd.Flags().StringSliceVar(&opts.Disable, "disable", nil, "rule `IDS` not to run, e.g. DD005,DD019 (repeatable)")
	cmd.Flags().StringVar(&opts.Explain, "explain", "", "explain rule `ID` and exit")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml", "json", "md"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return cmd
}

func checkRun(opts *CheckOptions) error {
	if opts.Explain != "" {
		return checkExplain(opts)
	}
	findings, err := checkFile(opts.File, check.Options{Disable: opts.Disable, RequiredSections: lintOptions().RequiredSections})
	if err != nil {
		return err
	}
	var out []byte
	if opts.Format == "json" {
		out, err = checkJSON(findings)
		if err != nil {
			return err
		}
	} else {
		out = checkText(opts.File, findings, opts.Color)
	}
	if _, err := opts.IO.Out.Write(out); err != nil {
		return err
	}
	if check.Failed(findings, opts.Strict) {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// checkFile lints an answers file, or a Markdown doc by its name.
func checkFile(path string, opts check.Options) ([]check.Finding, error) {
	data, err := design.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if check.IsMarkdown(path) {
		return check.RunMarkdown(data, path, opts), nil
	}
	doc, err := parseAnswers(path, data)
	if err != nil {
		return nil, err
	}
	return check.Run(doc, path, opts), nil
}

func checkJSON(findings []check.Finding) ([]byte, error) {
	if findings == nil {
		findings = []check.Finding{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(findings); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

var severityStyle = map[check.Severity]ansiStyle{
	check.Error:   {"\x1b[1;31m", "\x1b[22;39m"},
	check.Warning: {"\x1b[1;33m", "\x1b[22;39m"},
	check.Info:    {"\x1b[1;36m", "\x1b[22;39m"},
}

// checkText groups findings by severity, worst first, and ends with a
// summary line.
func checkText(file string, findings []check.Finding, color bool) []byte {
	var b strings.Builder
	for _, sev := range []check.Severity{check.Error, check.Warning, check.Info} {
		first := true
		for _, f := range findings {
			if f.Severity != sev {
				continue
			}
			if first {
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				heading := map[check.Severity]string{check.Error: "Errors", check.Warning: "Warnings", check.Info: "Info"}[sev]
				b.WriteString(style(color, severityStyle[sev], heading) + "\n")
				first = false
			}
			fmt.Fprintf(&b, "  %s: %s %s\n", f.Location(), style(color, severityStyle[sev], f.Rule), f.Message)
			if f.Hint != "" {
				fmt.Fprintf(&b, "      %s %s\n", style(color, ansiDim, "fix:"), f.Hint)
			}
		}
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	if s := check.Summary(findings); s != "" {
		fmt.Fprintf(&b, "%s: %s (designdoc check --explain ID for a rule)\n", file, s)
	} else {
		fmt.Fprintf(&b, "%s: no findings\n", file)
	}
	return []byte(b.String())
}

func checkExplain(opts *CheckOptions) error {
	r, ok := check.Lookup(opts.Explain)
	if !ok {
		return &check.UnknownRuleError{ID: opts.Explain}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s  %s\n\n", style(opts.Color, ansiBold, r.ID), style(opts.Color, severityStyle[r.Severity], r.Severity.String()), r.Title)
	b.WriteString(r.Explain + "\n")
	if r.Input == check.Markdown {
		b.WriteString("\nRuns on a Markdown doc checked without its answers file.\n")
	}
	if r.Topic != "" {
		fmt.Fprintf(&b, "\nMore: designdoc guide %s\n", r.Topic)
	}
	_, err := fmt.Fprint(opts.IO.Out, b.String())
	return err
}
