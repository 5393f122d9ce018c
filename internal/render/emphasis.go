package render

import (
	"strings"
	"unicode"
)

// Strong renders answer text in bold, for names the templates set off
// (**Web Client** → **API Gateway**). It escapes like Inline, and more,
// because two bold names share a line: every * and every _ that is not
// inside a word is escaped, so none can pair with the ** around it or
// with one in the next name ("*1" would make ***1**); a backtick that
// opens no code span in the text is escaped, so it cannot open one that
// runs into the next name; a code span loses the spaces at its ends
// (markdownlint rejects "` x`"); a backslash at the end is doubled so it
// does not escape the closing **. Empty text is a dash.
func Strong(s string) string {
	s = joinLines(strings.TrimSpace(s), " ")
	if s == "" {
		return emptyCell
	}
	s = mapCode(s, strongPlain, strongCode)
	if trailing := len(s) - len(strings.TrimRight(s, `\`)); trailing%2 == 1 {
		s += `\`
	}
	return "**" + s + "**"
}

// Phrase renders answer text for the middle of a line that also holds
// names in bold: escaped like Strong (without the bold), and never read as
// a block at the start of a line.
func Phrase(s string) string {
	s = joinLines(strings.TrimSpace(s), " ")
	if s == "" {
		return ""
	}
	s = mapCode(s, strongPlain, strongCode)
	if trailing := len(s) - len(strings.TrimRight(s, `\`)); trailing%2 == 1 {
		s += `\`
	}
	return escapeLineStart(s)
}

// strongPlain escapes text outside code spans for Strong.
func strongPlain(p string) string {
	p = escapePlain(p)
	var b strings.Builder
	b.Grow(len(p) + 8)
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '<' && strings.HasPrefix(p[i:], "<http") {
			// An autolink escapePlain made: escapes mean nothing inside.
			if end := strings.IndexByte(p[i:], '>'); end > 0 {
				b.WriteString(p[i : i+end+1])
				i += end
				continue
			}
		}
		switch {
		case c == '\\' && i+1 < len(p) && p[i+1] == '`':
			// A backtick escapePlain escaped: an entity here, for the
			// reason below.
			b.WriteString("&#96;")
			i++
			continue
		case c == '\\' && i+1 < len(p):
			// Already an escape (Markdown's or ours): keep the pair.
			b.WriteByte(c)
			b.WriteByte(p[i+1])
			i++
			continue
		case c == '`':
			// An entity, not \`: inside a code span opened earlier on the
			// line a backslash is literal and the backtick would close it.
			b.WriteString("&#96;")
			continue
		case c == '*':
			b.WriteByte('\\')
		case c == '_' && !(isWordRune(runeBefore(p, i)) && isWordRune(runeAfter(p, i+1))):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// strongCode writes a code span for Strong without spaces at its ends.
func strongCode(span string) string {
	n := runOf(span, '`')
	inner := strings.TrimSpace(span[n : len(span)-n])
	if inner == "" {
		return strings.Repeat(`\`+"`", n)
	}
	return Code(inner)
}

// isWordRune reports whether r is a letter or a digit: an underscore
// between two never makes emphasis (between punctuation, as in 「_」, it
// can).
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
