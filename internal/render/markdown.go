package render

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// The Markdown helpers turn answer text into Markdown that renders as the
// user meant and stays lint-clean: HTML is escaped (only <br> is ever
// emitted, by us), bare URLs become autolinks, table cells never break
// their row, and a line of prose never turns into a heading or a fence.

// emptyCell marks a table cell with nothing in it, so tables never have
// blank cells that read as a rendering bug.
const emptyCell = "—"

// needsInline reports whether s has anything the inline escaper changes.
func needsInline(s string) bool {
	return strings.ContainsAny(s, "<>|`\r\n\t*_") || strings.Contains(s, "://")
}

// Inline renders one line of answer text for use inside a paragraph or a
// list item: newlines become spaces, HTML is escaped, bare URLs become
// autolinks, code spans are kept as written.
func Inline(s string) string {
	s = strings.TrimSpace(s)
	if !needsInline(s) {
		return s
	}
	s = joinLines(s, " ")
	return mapCode(s, escapePlain, func(code string) string { return code })
}

// Cell renders answer text for a Markdown table cell: like Inline, with
// line breaks kept as <br> and pipes escaped, including inside code spans
// (GitHub's table parser splits on them before it sees the span). Empty
// text becomes a dash.
func Cell(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return emptyCell
	}
	if !needsInline(s) {
		return s
	}
	s = joinLines(s, "\x00") // placeholder, turned into <br> after escaping
	out := mapCode(s, cellPlain, func(code string) string {
		// A line break inside a code span is a space, as CommonMark has it:
		// a <br> there would show as text.
		return escapePipes(strings.ReplaceAll(code, "\x00", " "))
	})
	return cellBreaks(out)
}

// cellBreaks turns Cell's \x00 marks into <br>. A * or _ beside one gets
// a space between, as the line break was: beside the tag's < or > it
// would be beside punctuation, and could open or close emphasis that the
// answer does not have (&lt;*<br>0* would read as emphasis).
func cellBreaks(s string) string {
	if !strings.ContainsRune(s, 0) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		if s[i] != 0 {
			b.WriteByte(s[i])
			continue
		}
		if i > 0 && (s[i-1] == '*' || s[i-1] == '_') {
			b.WriteByte(' ')
		}
		b.WriteString("<br>")
		if i+1 < len(s) && (s[i+1] == '*' || s[i+1] == '_') {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// cellPlain escapes text outside code spans for a table cell. A pipe ends
// a bare URL there (some renderers keep the backslash of an escaped pipe
// inside an autolink, which would change the link): while escaping, it is
// cellPipe, which URLs do not hold and emphasis reads as punctuation.
func cellPlain(p string) string {
	if !strings.Contains(p, "|") || strings.ContainsRune(p, cellPipe) {
		return escapePipes(escapePlain(p))
	}
	p = escapePlain(strings.ReplaceAll(p, "|", string(cellPipe)))
	return escapePipes(strings.ReplaceAll(p, string(cellPipe), "|"))
}

const cellPipe = '\x01'

// CodeCell renders text as inline code inside a table cell.
func CodeCell(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return emptyCell
	}
	return escapePipes(Code(s))
}

// escapePipes escapes every pipe for a table cell. A backslash right
// before a pipe is doubled first, or it would escape our backslash and
// let the pipe split the row.
func escapePipes(s string) string {
	if !strings.Contains(s, "|") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	run := 0 // backslashes just written
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '|' {
			b.WriteString(strings.Repeat(`\`, run))
			b.WriteString(`\|`)
			run = 0
			continue
		}
		b.WriteByte(c)
		if c == '\\' {
			run++
		} else {
			run = 0
		}
	}
	return b.String()
}

// joinLines trims each line and joins the non-empty ones with sep.
func joinLines(s, sep string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\t", " ")
	if !strings.Contains(s, "\n") {
		return s
	}
	parts := strings.Split(s, "\n")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// Code renders text as an inline code span, choosing a fence longer than
// any run of backticks inside it.
func Code(s string) string {
	s = joinLines(strings.TrimSpace(s), " ")
	if s == "" {
		return emptyCell
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

func longestRun(s string, c byte) int {
	best, cur := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			cur++
			best = max(best, cur)
		} else {
			cur = 0
		}
	}
	return best
}

// mapCode splits s into code spans (by CommonMark's rule: a run of n
// backticks closes at the next run of exactly n) and the text between,
// applying plain to text and code to whole spans, delimiters included.
// An unmatched backtick run, or one escaped by a backslash, is plain
// text. It is linear in len(s): each
// run's closer is found from a table built in one pass from the right.
func mapCode(s string, plain, code func(string) string) string {
	if !strings.Contains(s, "`") {
		return plain(s)
	}
	type run struct{ start, n int }
	var runs []run
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		n := runAt(s, i)
		runs = append(runs, run{i, n})
		i += n
	}
	next := make([]int, len(runs)) // index of the next run of the same length, or -1
	last := map[int]int{}
	for k := len(runs) - 1; k >= 0; k-- {
		next[k] = -1
		if j, ok := last[runs[k].n]; ok {
			next[k] = j
		}
		last[runs[k].n] = k
	}
	type span struct{ start, end int }
	var spans []span
	for k := 0; k < len(runs); k++ {
		r := runs[k]
		if len(spans) > 0 && r.start < spans[len(spans)-1].end || next[k] < 0 || escapedAt(s, r.start) {
			continue
		}
		c := runs[next[k]]
		spans = append(spans, span{r.start, c.start + c.n})
		k = next[k]
	}
	if len(spans) == 0 {
		return plain(s)
	}
	// The text is escaped as one, each span a codeMark, so that emphasis
	// and lone delimiters read as CommonMark reads them beside a span.
	if !strings.ContainsRune(s, codeMark) {
		var m strings.Builder
		m.Grow(len(s))
		start := 0
		for _, sp := range spans {
			m.WriteString(s[start:sp.start])
			m.WriteRune(codeMark)
			start = sp.end
		}
		m.WriteString(s[start:])
		if marked := plain(m.String()); strings.Count(marked, string(codeMark)) == len(spans) {
			var b strings.Builder
			b.Grow(len(marked) + 16)
			k := 0
			for {
				i := strings.IndexRune(marked, codeMark)
				if i < 0 {
					break
				}
				b.WriteString(marked[:i])
				b.WriteString(code(s[spans[k].start:spans[k].end]))
				k++
				marked = marked[i+utf8.RuneLen(codeMark):]
			}
			b.WriteString(marked)
			return b.String()
		}
	}
	// Text that holds a codeMark of its own: each piece alone.
	var b strings.Builder
	b.Grow(len(s) + 16)
	start := 0
	for _, sp := range spans {
		b.WriteString(plain(s[start:sp.start]))
		b.WriteString(code(s[sp.start:sp.end]))
		start = sp.end
	}
	b.WriteString(plain(s[start:]))
	return b.String()
}

// codeMark stands in for a code span while the text around it is
// escaped; emphasis reads it as punctuation, as it reads a backtick. A
// private-use character, like urlMark.
const codeMark = '\uE001'

// escapedAt reports whether s[i] follows an odd number of backslashes:
// outside a code span it is then a literal character.
func escapedAt(s string, i int) bool {
	n := 0
	for i-n > 0 && s[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// runAt counts the backticks starting at s[i].
func runAt(s string, i int) int { return runOf(s[i:], '`') }

// runOf counts the leading bytes of s equal to c.
func runOf(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// inlineToken finds, in order of preference: an autolink the user wrote,
// the target of a Markdown link, a bare URL, or an angle bracket.
// A URL ends at a space or an ASCII control character, as CommonMark's
// autolinks and link destinations do (\s alone would let \v in); the
// \x00 that Cell uses to mark line breaks is one. So does a code span's
// codeMark end one, and for a bare URL the \x01 Cell puts for a pipe.
var inlineToken = lazyre.New(`<https?://[^\x00\x02-\x20\x7f<>\x{E001}]+>|\]\(https?://[^\x00\x02-\x20\x7f()\x{E001}]*(?:\([^\x00\x02-\x20\x7f()\x{E001}]*\)[^\x00\x02-\x20\x7f()\x{E001}]*)*\)|https?://[^\x00-\x20\x7f<>\x{E001}]+|[<>]`)

// urlMark stands in for an autolink or a link target while emphasis is
// made consistent around it, so that nothing inside a URL is ever read as
// emphasis. A private-use character: answers do not hold it (if one does,
// emphasis is left as written).
const urlMark = '\uE000'

// escapePlain escapes HTML, turns bare URLs into autolinks, makes emphasis
// consistent and escapes stray backticks in text that holds no code span.
func escapePlain(s string) string {
	s = escapeStrayTicks(s)
	if !strings.ContainsAny(s, "<>") && !strings.Contains(s, "://") {
		if strings.ContainsAny(s, "*_") {
			s = normalizeEmphasis(s)
		}
		return s
	}
	var kept []string // autolinks and link targets, in order
	var mb strings.Builder
	mb.Grow(len(s) + 8)
	last := 0
	for _, loc := range inlineToken.FindAllStringIndex(s, -1) {
		m := s[loc[0]:loc[1]]
		mb.WriteString(s[last:loc[0]])
		last = loc[1]
		switch {
		case m == "<":
			mb.WriteString("&lt;")
			continue
		case m == ">":
			mb.WriteString("&gt;")
			continue
		case m[0] == '<' || m[0] == ']':
			kept = append(kept, m)
			mb.WriteRune(urlMark)
			continue
		}
		// A bare URL is a link where GitHub makes one: not inside a word.
		url, tail := trimURL(m)
		if before := runeBefore(s, loc[0]); url == "" || !(isSpaceAt(before) || strings.ContainsRune("*_~(", before)) {
			mb.WriteString(m)
			continue
		}
		kept = append(kept, "<"+url+">")
		mb.WriteRune(urlMark)
		mb.WriteString(tail)
	}
	mb.WriteString(s[last:])
	marked := mb.String()
	if strings.ContainsAny(marked, "*_") && !strings.ContainsRune(s, urlMark) {
		marked = normalizeEmphasis(marked)
	}
	if len(kept) == 0 {
		return marked
	}
	var b strings.Builder
	b.Grow(len(marked) + 16)
	for _, r := range marked {
		if r == urlMark && len(kept) > 0 {
			b.WriteString(kept[0])
			kept = kept[1:]
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeStrayTicks escapes each backtick of text outside code spans (one
// mapCode found no closer for), so that it cannot open a
// code span with a backtick further along the line — in the next table
// cell's neighbour, the next name — and swallow the text between. A
// backtick the author escaped stays as written.
func escapeStrayTicks(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	backslashes := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '`' && backslashes%2 == 0 {
			b.WriteString("\\`")
		} else {
			b.WriteByte(c)
		}
		if c == '\\' {
			backslashes++
		} else {
			backslashes = 0
		}
	}
	return b.String()
}

// normalizeEmphasis writes emphasis with asterisks only (**strong**,
// *em*), the style the templates use, so a doc never mixes styles; and it
// escapes runs of * or _ that stand alone between spaces, which could
// otherwise pair up into emphasis with spaces inside it (and which
// linters flag). It follows CommonMark's flanking rules, with Unicode
// white space and punctuation: an underscore pair becomes asterisks only
// where CommonMark reads it as emphasis and the asterisks would be read
// the same, so snake_case, é_a_é and 日本_語_ stay as written.
func normalizeEmphasis(s string) string {
	b := []byte(s) // underscores become asterisks in place
	for _, p := range underscorePairs(s) {
		o, c := p.open, p.close
		// Neither asterisk may join a run of them, and an asterisk inside
		// would pair with the new ones. (A lone asterisk before the pair
		// can still pair with the new opener: *000!_!_ reads as *000!*
		// then !*. Keeping the underscores instead would mix emphasis
		// styles, which markdownlint rejects; see oracleApplies.)
		if o.start > 0 && s[o.start-1] == '*' || c.start+c.n < len(s) && s[c.start+c.n] == '*' ||
			strings.Contains(s[o.start+o.n:c.start], "*") {
			continue
		}
		for j := 0; j < o.n; j++ {
			b[o.start+j], b[c.start+j] = '*', '*'
		}
	}
	s = string(b)
	var out strings.Builder
	out.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		c := s[i]
		if c != '*' && c != '_' {
			out.WriteByte(c)
			i++
			continue
		}
		j := i + runOf(s[i:], c) // CommonMark's runs are of one character
		if isSpaceAt(runeBefore(s, i)) && isSpaceAt(runeAfter(s, j)) {
			for k := i; k < j; k++ {
				out.WriteByte('\\')
				out.WriteByte(s[k])
			}
		} else {
			out.WriteString(s[i:j])
		}
		i = j
	}
	return out.String()
}

// delimRun is a run of n underscores at start.
type delimRun struct{ start, n int }

// emphasisPair is an opening and a closing run that CommonMark makes one
// emphasis (n 1) or strong emphasis (n 2) of, each run wholly used by it.
type emphasisPair struct{ open, close delimRun }

// underscorePairs finds the underscore runs of s that CommonMark pairs
// into emphasis, with its algorithm for processing emphasis: each closer,
// in order, takes the nearest opener it may pair with (the rule of 3
// included), one or two underscores from each, and openers between them
// are dropped. Only pairs that use both runs whole are reported: a run
// split between emphases (__a_ b_, ___c___) keeps its underscores.
// openersBottom, as in the spec, keeps the search linear.
func underscorePairs(s string) []emphasisPair {
	type delim struct {
		delimRun
		left              int // underscores not yet used
		canOpen, canClose bool
	}
	var runs []delim
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				i++ // an escaped character is no delimiter
			}
		case '_':
			n := runOf(s[i:], '_')
			canOpen, canClose := underscoreFlanks(s, i, n)
			runs = append(runs, delim{delimRun{i, n}, n, canOpen, canClose})
			i += n - 1
		}
	}
	var (
		stack   []int // runs that may still open, oldest first
		bottom  [6]int
		matched []struct{ o, c, n int }
	)
	for i := range runs {
		c := &runs[i]
		if c.canClose {
			for c.left > 0 {
				key := c.n % 3
				if c.canOpen {
					key += 3
				}
				found := -1
				for j := len(stack) - 1; j >= bottom[key]; j-- {
					o := &runs[stack[j]]
					if (o.canClose || c.canOpen) && (o.n+c.n)%3 == 0 && c.n%3 != 0 {
						continue // the rule of 3
					}
					found = j
					break
				}
				if found < 0 {
					bottom[key] = len(stack)
					break
				}
				o := &runs[stack[found]]
				use := 1
				if o.left >= 2 && c.left >= 2 {
					use = 2
				}
				o.left, c.left = o.left-use, c.left-use
				matched = append(matched, struct{ o, c, n int }{stack[found], i, use})
				stack = stack[:found+1] // the openers between are dropped
				if o.left == 0 {
					stack = stack[:found]
				}
				for k := range bottom {
					bottom[k] = min(bottom[k], len(stack))
				}
			}
		}
		if c.canOpen && c.left > 0 {
			stack = append(stack, i)
		}
	}
	var pairs []emphasisPair
	for _, m := range matched {
		// A pair that takes a whole run is the only one that run is in.
		o, c := runs[m.o], runs[m.c]
		if o.n == m.n && c.n == m.n {
			pairs = append(pairs, emphasisPair{o.delimRun, c.delimRun})
		}
	}
	return pairs
}

// underscoreFlanks applies CommonMark's rules for a run of n underscores
// at s[i:]: whether it may open and whether it may close emphasis. Inside
// a word it does neither; next to punctuation it may do both.
func underscoreFlanks(s string, i, n int) (canOpen, canClose bool) {
	before, after := runeBefore(s, i), runeAfter(s, i+n)
	bSpace, aSpace := isSpaceAt(before), isSpaceAt(after)
	bPunct, aPunct := isPunctRune(before), isPunctRune(after)
	left := !aSpace && (!aPunct || bSpace || bPunct)
	right := !bSpace && (!bPunct || aSpace || aPunct)
	return left && (!right || bPunct), right && (!left || aPunct)
}

// noRune stands for the start or end of the text, which CommonMark
// treats as white space.
const noRune = -1

func runeBefore(s string, i int) rune {
	if i == 0 {
		return noRune
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func runeAfter(s string, i int) rune {
	if i >= len(s) {
		return noRune
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// isSpaceAt reports Unicode white space, the start or end of the text, or
// the \x00 that marks a line break in a table cell (see Cell).
func isSpaceAt(r rune) bool { return r == noRune || r == 0 || unicode.IsSpace(r) }

// isPunctRune is CommonMark's punctuation: Unicode punctuation and
// symbols; urlMark stands for an autolink's < or a link's ).
func isPunctRune(r rune) bool {
	return r == urlMark || r == codeMark || r == cellPipe || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// trimURL splits trailing punctuation, and closing parentheses that do not
// close one opened inside the URL, off a bare URL.
func trimURL(u string) (url, tail string) {
	end := len(u)
	for end > 0 {
		c := u[end-1]
		if strings.IndexByte(".,;:!?'\"*_~", c) >= 0 {
			end--
			continue
		}
		if c == ')' && strings.Count(u[:end], "(") < strings.Count(u[:end], ")") {
			end--
			continue
		}
		break
	}
	if !strings.Contains(u[:end], "://") || strings.HasSuffix(u[:end], "://") {
		return "", u
	}
	return u[:end], u[end:]
}

// Heading renders text for use after a heading's #s: one line, escaped,
// without the trailing punctuation Markdown linters reject or the trailing
// #s Markdown would drop.
func Heading(s string) string {
	s = joinLines(strings.TrimSpace(s), " ")
	s = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune(".,;:!。，；：！", r) || unicode.IsSpace(r) })
	s = Inline(s)
	// A run of #s at the end, after a space, would be read as a closing
	// sequence and dropped.
	if hashes := len(s) - len(strings.TrimRight(s, "#")); hashes > 0 && (hashes == len(s) || s[len(s)-hashes-1] == ' ') {
		s = s[:len(s)-1] + `\#`
	}
	if s == "" {
		return "Untitled"
	}
	return s
}

// Anchor returns the fragment GitHub gives a heading with this text:
// lower-case, punctuation dropped, spaces as hyphens.
func Anchor(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

var (
	listItem   = lazyre.New(`^( *)([-*+]|\d{1,9}[.)])( +)(.*)$`)
	bareMarker = lazyre.New(`^([-*+]|\d{1,9}[.)])$`)
	// A link reference definition ([label]: url) would vanish from the doc.
	linkDefinition = lazyre.New(`^\[[^\]]*\]:`)
	// A paragraph that is only emphasis reads as a heading to linters.
	emphasisOnly = lazyre.New(`^(\*{1,3})([^*\s](?:.*[^*\s])?)(\*{1,3})$`)
	fenceStart   = lazyre.New("^ *(```|~~~)")
	setextLine   = lazyre.New(`^ *(=+|-+|\*+|_+)[ =*_-]*$`)
)

// Text renders answer prose as Markdown paragraphs and lists: blank lines
// are kept as paragraph breaks (never more than one), lists get the blank
// lines and the "-" markers, indentation and numbering linters expect, and
// a line is never read as a heading, fence, rule, quote or code block.
func Text(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\t", "    ")
	s = strings.Trim(s, "\n")
	if strings.TrimSpace(s) == "" {
		return ""
	}
	var out []string
	var lists listState
	prevKind := lineBlank
	var cont []string // continuation lines of the last list item
	flush := func() {
		if len(cont) > 0 {
			out[len(out)-1] += " " + strings.Join(cont, " ")
			cont = cont[:0]
		}
	}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			flush()
			if prevKind != lineBlank {
				out = append(out, "")
			}
			prevKind = lineBlank
			continue
		}
		if m := listItem.FindStringSubmatch(line); m != nil && Inline(m[4]) != "" {
			flush()
			if prevKind == lineText {
				out = append(out, "")
			}
			if prevKind != lineList {
				lists.reset()
			}
			item, newList := lists.item(len(m[1]), m[2], escapeLineStart(Inline(m[4])))
			if newList && prevKind == lineList {
				// A list of the other kind starts here: Markdown needs a blank
				// line between the two.
				out = append(out, "")
			}
			out = append(out, item)
			prevKind = lineList
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if prevKind == lineList && indent > 0 {
			// A continuation of the list item above: keep it inside the item.
			cont = append(cont, Inline(line))
			continue
		}
		flush()
		if prevKind == lineList {
			out = append(out, "")
			lists.reset()
		}
		out = append(out, escapeLineStart(Inline(line)))
		prevKind = lineText
	}
	flush()
	// A one-line paragraph that is all emphasis and does not end in
	// punctuation is what linters take for a heading: drop the markers.
	for i, line := range out {
		if (i == 0 || out[i-1] == "") && (i == len(out)-1 || out[i+1] == "") {
			if m := emphasisOnly.FindStringSubmatch(line); m != nil && m[1] == m[3] && !strings.ContainsAny(m[2][len(m[2])-1:], ".,;:!?") {
				out[i] = escapeLineStart(m[2])
			}
		}
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

const (
	lineBlank = iota
	lineText
	lineList
)

// escapeLineStart stops text at the start of a line from being read as a
// block: a heading, fence, thematic break, setext underline, list or quote.
func escapeLineStart(s string) string {
	switch {
	case s == "":
		return s
	case s[0] == '#', s[0] == '+', s[0] == '=', s[0] == '|':
		return `\` + s
	case strings.IndexByte(" [`~-*_0123456789", s[0]) < 0:
		return s // every expression below starts with one of these
	case linkDefinition.MatchString(s):
		return `\` + s
	case fenceStart.MatchString(s) && !backtickSpanLine(s), setextLine.MatchString(s):
		return `\` + s
	case bareMarker.MatchString(s):
		// An empty list item marker: keep it literal.
		return s[:len(s)-1] + `\` + s[len(s)-1:]
	case listItem.MatchString(s):
		// "1. " or "- " left over (e.g. an item marker with nothing after
		// it): keep it literal.
		m := listItem.FindStringSubmatchIndex(s)
		markerEnd := m[5]
		return s[:markerEnd-1] + `\` + s[markerEnd-1:]
	}
	return s
}

// backtickSpanLine reports a line that starts with a run of backticks
// that has more backticks after it: a code span, never a fence (a
// backtick fence's info string holds no backtick), which a backslash would
// break.
func backtickSpanLine(s string) bool {
	t := strings.TrimLeft(s, " ")
	return strings.HasPrefix(t, "`") && strings.Contains(t[runOf(t, '`'):], "`")
}

// listState renumbers ordered lists and re-indents nested items so every
// list reads the way linters expect: "-" bullets, two spaces per level
// under a bullet, the marker's width under a number, 1. 2. 3. numbering.
type listState struct {
	levels []listLevel
}

type listLevel struct {
	srcIndent int    // indentation as written
	indent    string // indentation as rendered
	ordered   bool
	next      int // next number, for ordered lists
	width     int // rendered marker width plus its space
}

func (l *listState) reset() { l.levels = l.levels[:0] }

// item renders one list item. newList reports that it starts a new
// top-level list of another kind right after the previous one.
func (l *listState) item(srcIndent int, marker, text string) (line string, newList bool) {
	ordered := marker[0] >= '0' && marker[0] <= '9'
	hadTop := len(l.levels) > 0
	topOrdered := hadTop && l.levels[0].ordered
	defer func() {
		// Whatever happened in between, a top-level item of the other kind
		// than the list before it starts a new list.
		newList = hadTop && len(l.levels) == 1 && topOrdered != ordered
	}()
	// Pop levels indented deeper than this item.
	for len(l.levels) > 0 && l.levels[len(l.levels)-1].srcIndent > srcIndent {
		l.levels = l.levels[:len(l.levels)-1]
	}
	if n := len(l.levels); n == 0 || l.levels[n-1].srcIndent < srcIndent {
		indent := ""
		if n > 0 {
			parent := l.levels[n-1]
			indent = parent.indent + strings.Repeat(" ", parent.width)
		}
		l.levels = append(l.levels, listLevel{srcIndent: srcIndent, indent: indent, ordered: ordered, next: 1})
	}
	top := &l.levels[len(l.levels)-1]
	if top.ordered != ordered {
		// A different kind of list at the same level starts a new list.
		*top = listLevel{srcIndent: srcIndent, indent: top.indent, ordered: ordered, next: 1}
	}
	var m string
	if ordered {
		m = strconv.Itoa(top.next) + "."
		top.next++
	} else {
		m = "-"
	}
	top.width = len(m) + 1
	return top.indent + m + " " + text, newList
}

// ListItem renders answer text as the content of a list item: one line,
// escaped, and never itself read as a nested list, heading or quote.
func ListItem(s string) string { return escapeLineStart(Inline(s)) }

// Normalize tidies a whole rendered document: no trailing spaces, never
// two blank lines in a row outside fenced code, no blank lines at the
// start, exactly one newline at the end. It works in place: the result
// shares doc's memory (lines only ever get shorter, so writing never
// overtakes reading).
func Normalize(doc []byte) []byte {
	out := doc[:0]
	blank := true // at the start, as if after a blank line: drop leading blanks
	var fence []byte
	for len(doc) > 0 {
		var line []byte
		if i := bytes.IndexByte(doc, '\n'); i < 0 {
			line, doc = doc, nil
		} else {
			line, doc = doc[:i], doc[i+1:]
		}
		if fence == nil {
			line = trimRightSpace(line)
		}
		trimmed := bytes.TrimLeft(line, " ")
		switch {
		case fence != nil:
			if bytes.HasPrefix(trimmed, fence) && len(bytes.TrimSpace(bytes.TrimLeft(trimmed, string(fence[:1])))) == 0 {
				fence = nil
			}
		case bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")):
			fence = append([]byte(nil), trimmed[:runOf(string(trimmed), trimmed[0])]...) // a copy: the buffer is rewritten in place
		case len(line) == 0:
			if blank {
				continue
			}
			blank = true
			out = append(out, '\n')
			continue
		}
		blank = false
		out = append(out, line...)
		out = append(out, '\n')
	}
	for len(out) > 1 && out[len(out)-1] == '\n' && out[len(out)-2] == '\n' {
		out = out[:len(out)-1]
	}
	return out
}

func trimRightSpace(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
