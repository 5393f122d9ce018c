package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

// GuideOptions are the inputs of designdoc guide.
type GuideOptions struct {
	IO    *IO
	Topic string // "" lists the topics
	// Color styles the output for a terminal: set when stdout is one and
	// neither --no-color nor NO_COLOR says otherwise.
	Color bool
}

func newGuideCmd(io *IO, runF func(*GuideOptions) error) *cobra.Command {
	opts := &GuideOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "guide [TOPIC]",
		Short: "Read about the phases, qualities, concepts and technologies of a system design",
		Long: `Guide prints designdoc's notes on system design: the phases of the delivery
framework and the time each gets, the non-functional qualities with example
requirements, the core concepts of the deep dives, and when to pick each key
technology.

Without a topic it lists them all. A topic is named by its id or by an alias
(redis, kafka, s3, websockets, …); case does not matter. On a terminal the
text is styled; piped or redirected, it is plain Markdown.`,
		Example: `  designdoc guide                  # list the topics
  designdoc guide framework        # the phases and their time budget
  designdoc guide cap
  designdoc guide redis            # an alias of caches
  designdoc guide caches > caches.md`,
		Args:              maximumArgs(1, "at most one topic"),
		ValidArgsFunction: completeTopics,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Topic = args[0]
			}
			opts.Color = opts.IO.OutTerminal && colorAllowed(cmd)
			if runF != nil {
				return runF(opts)
			}
			return guideRun(opts)
		},
	}
	return cmd
}

func guideRun(opts *GuideOptions) error {
	if opts.Topic == "" {
		return guideList(opts)
	}
	t, err := knowledge.Lookup(opts.Topic)
	if err != nil {
		return fmt.Errorf("%w; run 'designdoc guide' to list the topics", err)
	}
	text := "# " + t.Title + "\n\n" + t.Body
	if opts.Color {
		text = styleMarkdown(text)
	}
	_, err = fmt.Fprint(opts.IO.Out, text)
	return err
}

// guideList prints the topics under their groups, ids and summaries in
// two columns aligned across all groups.
func guideList(opts *GuideOptions) error {
	topics := knowledge.Topics()
	width := 0
	for _, t := range topics {
		width = max(width, len(t.ID))
	}
	var b strings.Builder
	for i, g := range knowledge.Groups() {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(style(opts.Color, ansiBold, g) + "\n")
		for _, t := range topics {
			if t.Group != g {
				continue
			}
			pad := strings.Repeat(" ", width-len(t.ID))
			fmt.Fprintf(&b, "  %s%s  %s\n", style(opts.Color, ansiCyan, t.ID), pad, t.Summary)
		}
	}
	b.WriteString("\nRead one with 'designdoc guide TOPIC'; aliases such as redis, kafka or s3 work too.\n")
	_, err := fmt.Fprint(opts.IO.Out, b.String())
	return err
}

// colorAllowed reports whether --no-color and NO_COLOR leave colour on.
// The root decides IO.Color from stderr; the guide styles stdout, so it
// applies the same two switches to its own stream.
func colorAllowed(cmd *cobra.Command) bool {
	if f := cmd.Flag("no-color"); f != nil && f.Value.String() == "true" {
		return false
	}
	return os.Getenv("NO_COLOR") == ""
}

// completeTopics offers the topic ids, with their summaries, and the
// aliases that start with what has been typed.
func completeTopics(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	prefix := strings.ToLower(toComplete)
	var out []string
	for _, t := range knowledge.Topics() {
		if strings.HasPrefix(t.ID, prefix) {
			out = append(out, t.ID+"\t"+t.Summary)
		}
	}
	if prefix != "" {
		for _, t := range knowledge.Topics() {
			for _, a := range t.Aliases {
				if strings.HasPrefix(strings.ToLower(a), prefix) {
					out = append(out, a+"\t"+t.Title)
				}
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// ANSI styles, each with the code that ends only itself so that they nest.
type ansiStyle struct{ on, off string }

var (
	ansiBold      = ansiStyle{"\x1b[1m", "\x1b[22m"}
	ansiHeading   = ansiStyle{"\x1b[1;35m", "\x1b[22;39m"}
	ansiSubhead   = ansiStyle{"\x1b[1;36m", "\x1b[22;39m"}
	ansiCyan      = ansiStyle{"\x1b[36m", "\x1b[39m"}
	ansiDim       = ansiStyle{"\x1b[2m", "\x1b[22m"}
	ansiCodeBlock = ansiStyle{"\x1b[33m", "\x1b[39m"}
)

func style(on bool, s ansiStyle, text string) string {
	if !on || text == "" {
		return text
	}
	return s.on + text + s.off
}

// styleMarkdown renders the guide's Markdown for a terminal: headings
// bold and coloured, list bullets as "•", **bold** bold, `code` cyan,
// fenced blocks indented and coloured, table rules dimmed. Lines are not
// wrapped; the topics are written to fit 80 columns.
func styleMarkdown(md string) string {
	var b strings.Builder
	inFence := false
	for _, line := range strings.SplitAfter(md, "\n") {
		text, nl := strings.CutSuffix(line, "\n")
		end := ""
		if nl {
			end = "\n"
		}
		if strings.HasPrefix(text, "```") {
			inFence = !inFence
			continue
		}
		if inFence {
			b.WriteString("    " + style(true, ansiCodeBlock, text) + end)
			continue
		}
		b.WriteString(styleLine(text) + end)
	}
	return b.String()
}

func styleLine(line string) string {
	trimmed := strings.TrimLeft(line, " ")
	indent := line[:len(line)-len(trimmed)]
	switch {
	case strings.HasPrefix(line, "# "):
		return style(true, ansiHeading, strings.TrimPrefix(line, "# "))
	case strings.HasPrefix(line, "#"):
		h := strings.TrimLeft(line, "#")
		if strings.HasPrefix(h, " ") {
			return style(true, ansiSubhead, strings.TrimSpace(h))
		}
	case strings.HasPrefix(trimmed, "- "), strings.HasPrefix(trimmed, "* "):
		return indent + "• " + styleInline(trimmed[2:])
	case strings.HasPrefix(trimmed, "|") && strings.Trim(trimmed, "|-: ") == "":
		return style(true, ansiDim, line)
	}
	return styleInline(line)
}

// styleInline styles **bold** and `code` spans that open and close on
// the line; an unmatched marker is printed as it is.
func styleInline(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "`"):
			if code, rest, ok := strings.Cut(s[1:], "`"); ok && code != "" {
				b.WriteString(style(true, ansiCyan, code))
				s = rest
				continue
			}
		case strings.HasPrefix(s, "**"):
			if inner, rest, ok := strings.Cut(s[2:], "**"); ok && inner != "" {
				b.WriteString(style(true, ansiBold, styleInline(inner)))
				s = rest
				continue
			}
		}
		i := strings.IndexAny(s[1:], "`*")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i+1])
		s = s[i+1:]
	}
	return b.String()
}
