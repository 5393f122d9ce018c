package design

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// This file decides how one string is written in YAML so that it reads
// back as exactly that string: plain when that is unambiguous, a block
// scalar for readable multi-line text, double-quoted otherwise. The rules
// are stricter than YAML's: a string is left plain only when every YAML
// reader (1.1 or 1.2, flow or block) takes it as that text.

// plainScalar reports whether s can be written unquoted. In flow context
// ({...} and [...]) the flow indicators are excluded too, and ? and :,
// which end a plain scalar there for yaml.v3. literal allows values that
// YAML would resolve to a number or a date, for fields the loader reads as
// text anyway and that are clearer unquoted (capacity inputs, created,
// number).
func plainScalar(s string, flow, literal bool) bool {
	if s == "" || !printableLine(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(first) || unicode.IsSpace(last) || last == ':' {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`<=~+.\\", first) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}:?") {
		return false
	}
	if !literal && resolvesToNonString(s) {
		return false
	}
	return true
}

// printableLine reports whether s is one line of characters a plain or
// block scalar may hold as they are: printable, no tabs, no line or
// paragraph separators, no byte-order mark.
func printableLine(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r != ' ' && !unicode.IsPrint(r) || r == '\uFEFF' {
			return false
		}
	}
	return true
}

// resolvesToNonString reports plain scalars that some YAML reader takes
// for a boolean, null, number or timestamp (YAML 1.1 reads more of them
// than 1.2: yes, on, 0o17, 1_000, 1:30, 2026-11-23).
func resolvesToNonString(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return true
	}
	return numberLike.MatchString(s) || timestampLike.MatchString(s)
}

var (
	numberLike    = lazyre.New(`^[-+]?(\.?[0-9][0-9_]*([.:][0-9_]*)*([eE][-+]?[0-9]+)?|0[xXoObB][0-9a-fA-F_]+|\.(inf|Inf|INF|nan|NaN|NAN))$`)
	timestampLike = lazyre.New(`^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t]|$)`)
)

// doubleQuoted writes s as a double-quoted YAML scalar, escaping every
// character that is not printable as it is. Invalid UTF-8 cannot be
// written and becomes U+FFFD.
func doubleQuoted(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r == ' ' || unicode.IsPrint(r) && r != '\uFEFF' {
				b.WriteRune(r)
				continue
			}
			if r > 0xFFFF {
				b.WriteString(`\U` + hex(r, 8))
			} else {
				b.WriteString(`\u` + hex(r, 4))
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hex(r rune, width int) string {
	h := strconv.FormatInt(int64(r), 16)
	return strings.Repeat("0", width-len(h)) + h
}

// inlineScalar writes s on one line: plain when safe, else double-quoted.
func inlineScalar(s string, flow, literal bool) string {
	if plainScalar(s, flow, literal) {
		return s
	}
	return doubleQuoted(s)
}

// literalLines splits multi-line text for a literal block scalar, and
// returns the chomping indicator that keeps its end: "|-" for none, "|"
// for one final line break. ok is false for text a literal block cannot
// hold exactly (leading or trailing white space on a line, characters
// that need escapes, a first line that is empty, several final breaks),
// which is then double-quoted.
func literalLines(s string) (lines []string, indicator string, ok bool) {
	if !strings.Contains(s, "\n") {
		return nil, "", false
	}
	indicator = "|-"
	if strings.HasSuffix(s, "\n") {
		s = s[:len(s)-1]
		indicator = "|"
		if strings.HasSuffix(s, "\n") || s == "" {
			return nil, "", false
		}
	}
	lines = strings.Split(s, "\n")
	if lines[0] == "" {
		return nil, "", false
	}
	for _, l := range lines {
		if l == "" {
			continue
		}
		if !printableLine(l) || l[0] == ' ' || l[len(l)-1] == ' ' {
			return nil, "", false
		}
	}
	return lines, indicator, true
}

// foldedLines wraps one long line of text for a folded block scalar at
// spaces, with lines at most width bytes where the words allow, and
// returns the indicator that keeps its end: ">-", or ">" for text that
// ends in one line break. ok is false when the text cannot be folded back
// exactly: several lines, leading or trailing white space, characters
// that need escapes, or no single space to break at.
func foldedLines(s string, width int) (lines []string, indicator string, ok bool) {
	indicator = ">-"
	if strings.HasSuffix(s, "\n") {
		s = s[:len(s)-1]
		indicator = ">"
	}
	if strings.Contains(s, "\n") || !printableLine(s) || s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return nil, "", false
	}
	for len(s) > width {
		// Break at the last single space (a space between two other
		// characters) within width, else at the first one after it.
		cut := -1
		for i := 1; i < len(s)-1; i++ {
			if s[i] != ' ' || s[i-1] == ' ' || s[i+1] == ' ' {
				continue
			}
			if i > width && cut >= 0 {
				break
			}
			cut = i
			if i > width {
				break
			}
		}
		if cut < 0 {
			break
		}
		lines = append(lines, s[:cut])
		s = s[cut+1:]
	}
	lines = append(lines, s)
	return lines, indicator, len(lines) > 1
}
