package diagram

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mermaid reads its own entity syntax, #name; or #number;, in every kind
// of diagram before it parses anything (it swaps them for placeholders
// and decodes them after parsing), so an entity is the one escape that
// works everywhere: in quoted flowchart labels, in sequence aliases and
// messages, in ER aliases, labels and comments. What needs escaping was
// measured with mmdc (../shared/notes/mermaid-labels.md and the tests
// here); in short:
//
//   - " ends a quoted label; < and > are read as HTML; & starts an HTML
//     entity; # starts a comment in sequence diagrams and an entity
//     everywhere; ; ends a statement; a backtick starts Markdown; a
//     backslash or % ends an ER alias early.
//   - %%{ … }%% anywhere is a directive that Mermaid lifts out of the text
//     (and applies as configuration): a % next to another is escaped.
//   - $$ … $$ is KaTeX, which fails on bad LaTeX, and Mermaid looks for it
//     after decoding entities: a zero-width space goes between two $.
//   - In ER diagrams ~T~ is a generic type: in an alias it turns into
//     <T>, in a comment it swallows the lines up to the next quote; ~ is
//     escaped there.
//   - Mermaid drops the last ; of a line matching style.*:\S*#.*; (its
//     fix for CSS colours), which breaks the entity it ends: in a label
//     that says "style" or "classDef", colons are escaped too.
//   - A sequence text starting with "wrap:" or "nowrap:" loses that
//     prefix (it is a wrapping option), and mmdc's Markdown reader cuts a
//     block at a line ending in ":::": such colons are escaped.
//
// Everything else — brackets, braces, parentheses, pipes, arrows such as
// -->, unicode and emoji — is safe inside the quoted or free-text labels
// this package writes, and is kept as written.

// entities are the escapes written for single characters.
var entities = map[rune]string{
	'"':  "#quot;",
	'#':  "#35;",
	'<':  "#lt;",
	'>':  "#gt;",
	'&':  "#38;",
	';':  "#59;",
	'`':  "#96;",
	'\\': "#92;",
	'%':  "#37;",
	'~':  "#126;",
	':':  "#58;",
}

// zeroWidthSpace is written between two dollar signs.
const zeroWidthSpace = "\u200B"

// context says where a label goes, for the escapes only some places need.
type context int

const (
	flowLabel context = iota // quoted flowchart node, edge or subgraph label
	seqText                  // sequence participant alias or message
	erAlias                  // quoted ER entity alias
	erText                   // quoted ER relation label or attribute comment
)

// escape makes clean text (see clean) safe as a label in ctx. colons says
// to escape every colon: see needsColons.
func escape(s string, ctx context, colons bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		esc := false
		switch r {
		case '"', '#', '<', '>', '&', ';', '`', '\\':
			esc = true
		case '%':
			esc = ctx == erAlias || strings.HasPrefix(s[i+1:], "%") || strings.HasSuffix(s[:i], "%")
		case '~':
			esc = ctx == erAlias || ctx == erText
		case ':':
			esc = colons
		}
		switch {
		case esc:
			b.WriteString(entities[r])
		case r == '$' && next == '$':
			// Mermaid decodes entities before it looks for KaTeX, so only
			// a character in between keeps $$ from starting math.
			b.WriteString("$" + zeroWidthSpace)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// needsColons reports whether the colons of clean text s, in ctx, must be
// escaped. lineText is all the answer text on the same line of the
// diagram (Mermaid's style fix looks at whole lines).
func needsColons(s string, ctx context, lineText ...string) bool {
	if !strings.Contains(s, ":") {
		return false
	}
	for _, t := range append(lineText, s) {
		t = strings.ToLower(t)
		if strings.Contains(t, "style") || strings.Contains(t, "classdef") {
			return true
		}
	}
	switch ctx {
	case erText:
		return true
	case seqText:
		t := strings.ToLower(s)
		return strings.HasPrefix(t, ":") || strings.HasPrefix(t, "wrap:") || strings.HasPrefix(t, "nowrap:") ||
			strings.HasSuffix(t, ":")
	}
	return false
}

// clean turns answer text into one line: invalid UTF-8 replaced, control
// and line-separator characters and runs of white space made one space,
// trimmed.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// label cleans, wraps and escapes text for ctx: at most maxLines lines of
// about width characters, joined with <br> (which every diagram kind
// renders as a line break); text that does not fit ends in "…". Empty
// text gives fallback. lineText is the other answer text written on the
// same line of the diagram.
func label(s string, ctx context, width, maxLines int, fallback string, lineText ...string) string {
	s = clean(s)
	if s == "" {
		s = fallback
	}
	colons := needsColons(s, ctx, lineText...)
	lines := balancedWrap(s, width, maxLines)
	for i, l := range lines {
		lines[i] = escape(l, ctx, colons)
	}
	return strings.Join(lines, "<br>")
}

// balancedWrap wraps s like wrap, into as few lines as wrap would, but
// with lines of about the same length rather than a full line and a short
// one ("DynamoDB global table<br>(3 regions)", not "DynamoDB global table
// (3<br>regions)").
func balancedWrap(s string, width, maxLines int) []string {
	lines := wrap(s, width, maxLines)
	n := len(lines)
	if n < 2 || n >= maxLines && strings.HasSuffix(lines[n-1], "…") {
		return lines
	}
	total := chars(s)
	for w := (total + n - 1) / n; w < width; w++ {
		if try := wrap(s, w, n+1); len(try) == n {
			return try
		}
	}
	return lines
}

// wrap breaks a clean line into lines of at most width runes, at spaces
// where it can and inside a word where it must, never between a character
// and the marks or joiners that belong to it. Past maxLines the text is
// cut and the last line ends in "…".
func wrap(s string, width, maxLines int) []string {
	var lines []string
	for s != "" {
		if len(lines) == maxLines-1 || chars(s) <= width {
			if chars(s) > width {
				cut := breakAt(s, width-1)
				s = strings.TrimRight(s[:cut], " ") + "…"
			}
			lines = append(lines, s)
			break
		}
		cut := breakAt(s, width)
		line := s[:cut]
		if sp := strings.LastIndexByte(line, ' '); sp > 0 && chars(line[:sp]) >= width/3 {
			line, cut = line[:sp], sp
		}
		lines = append(lines, strings.TrimRight(line, " "))
		s = strings.TrimLeft(s[cut:], " ")
	}
	return lines
}

// breakAt returns the byte offset after the first n characters of s,
// where a character is a rune with the combining marks, variation
// selectors and skin-tone modifiers after it, and zero-width joiners with
// the rune each joins: no character is split from its marks and no emoji
// sequence is cut in two.
func breakAt(s string, n int) int {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		i += extend(s[i:])
	}
	return i
}

// extend returns the length of the marks and joined runes at the start of
// s that belong to the character before it.
func extend(s string) int {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u200D':
			i += size
			if i < len(s) {
				_, size = utf8.DecodeRuneInString(s[i:])
				i += size
			}
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Variation_Selector, r) ||
			r >= 0x1F3FB && r <= 0x1F3FF: // skin-tone modifiers
			i += size
		default:
			return i
		}
	}
	return i
}

// chars counts the characters of s, as breakAt does.
func chars(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		i += extend(s[i:])
	}
	return n
}
