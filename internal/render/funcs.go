package render

import (
	"strconv"
	"strings"
	"text/template"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// helpers are designdoc's own template functions, added to sprig's.
func helpers() template.FuncMap {
	return template.FuncMap{
		"cell":      Cell,
		"codecell":  CodeCell,
		"code":      Code,
		"inline":    Inline,
		"strong":    Strong,
		"phrase":    Phrase,
		"listitem":  ListItem,
		"text":      Text,
		"heading":   Heading,
		"anchor":    Anchor,
		"display":   Display,
		"codeblock": CodeBlock,
		"cells":     cells,
		"frlist":    frList,
		"comment":   commentText,
	}
}

// CodeBlock renders text as a fenced code block with a fence no line of
// the text can close.
func CodeBlock(lang, s string) string {
	s = strings.Trim(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	fence := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	if lang == "" {
		lang = "text"
	}
	return fence + lang + "\n" + s + "\n" + fence
}

// cells renders a list of names as one table cell, comma-separated.
func cells(items []string) string {
	if len(items) == 0 {
		return emptyCell
	}
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = Cell(s)
	}
	return strings.Join(out, ", ")
}

// frList renders requirement numbers as FR IDs: [1 3] → "FR1, FR3".
func frList(ns []int) string {
	if len(ns) == 0 {
		return emptyCell
	}
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = design.FRID(n)
	}
	return strings.Join(out, ", ")
}

func itoa(n int) string { return strconv.Itoa(n) }

// commentText makes text safe inside an HTML comment: one line, and no
// "--" that could end the comment early.
func commentText(s string) string {
	s = joinLines(s, " ")
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return strings.TrimSuffix(s, "-")
}
