package yamltree

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// probeBudget bounds how many bytes of input yaml.v3 re-reads while
// probing for the position of one error: about half a second. Errors deep
// in very large documents get an approximate position instead. (A
// variable so that tests can show what that is.)
var probeBudget = 8 << 20

// locator finds the position of a yaml.v3 error that neither the fast
// parser nor the dedicated scans explain, from yaml.v3's line number n and
// message msg (v3msg is the whole error text).
type locator struct {
	src, text  string // the input, and its characters (see textOf)
	v3msg, msg string
	n          int
	budget     int
	closeFlow  bool // probe closes the flow collections prefixes leave open
}

// Scanner errors whose problem is the token yaml.v3 numbers the line of.
var sameLineMessages = map[string]bool{
	msgValuesNotHere:  true,
	msgEntriesNotHere: true,
	msgKeysNotHere:    true,
	msgCannotStart:    true,
}

// Scanner errors noticed inside or after the token yaml.v3 numbers the
// line of, where cutting the input short does not produce the same error
// early (see probe).
var laterLineMessages = map[string]bool{
	msgTabIndent:      true,
	msgTabBlockScalar: true,
	msgUnknownEscape:  true,
	msgNoColon:        true,
	"did not find expected comment or line break":    true,
	"did not find expected whitespace or line break": true,
	"found unexpected non-alphabetical character":    true,
	"could not find expected directive name":         true,
	"found unknown directive name":                   true,
	"did not find expected whitespace":               true,
	"did not find the expected '>'":                  true,
	"found an indentation indicator equal to 0":      true,
	"did not find expected version number":           true,
	"did not find expected digit or '.' character":   true,
	msgHexEscape:  true,
	msgEscapeCode: true,
}

// Errors in escapes, which yaml.v3 places after the escape letter.
const (
	msgHexEscape  = "did not find expected hexdecimal number"
	msgEscapeCode = "found invalid Unicode character escape code"
)

// Grammar errors of block collections and documents: the problem is a
// token at or after the start of the line after the one yaml.v3 numbers.
var blockGrammarMessages = map[string]bool{
	msgNoKey:      true,
	msgNoEntry:    true,
	msgNoDocStart: true,
}

// windowMin is the size of input before an error from which locating it
// in a window of the input is worth trying (see inWindow).
const windowMin = 64 << 10

// find returns the offset in l.text of the mistake, if it can tell.
func (l *locator) find() (int, bool) {
	if off, ok := l.inWindow(); ok {
		return off, true
	}
	return l.findHere()
}

// inWindow locates an error deep in a large input within the part of the
// input that starts at the top-level node the error is in: probing re-reads
// the input up to the error many times, and the window makes that cheap.
// The window is used only if yaml.v3 fails on it with the same message on
// the same line, which it does unless the error depends on what comes
// before (an alias, a construct spanning the window's start).
func (l *locator) inWindow() (int, bool) {
	bom := l.bom()
	if bom < 0 {
		return 0, false
	}
	// From the line yaml.v3 means (see approximateError), which has the
	// problem or the start of the construct it is in.
	line := max(l.n, 1)
	if parserMessages[l.msg] {
		line = l.n + 1
	}
	ts := lineStart(l.text, line)
	if ts < windowMin {
		return 0, false
	}
	// Back to the nearest line that starts a top-level node.
	w, skipped := ts, 0
	for {
		if c := l.text[w]; c != ' ' && c != '\t' && c != '#' && c != '\n' && c != '\r' && c != '%' &&
			!strings.HasPrefix(l.text[w:], "---") && !strings.HasPrefix(l.text[w:], "...") {
			break
		}
		if w == 0 {
			return 0, false
		}
		w = strings.LastIndexAny(l.text[:w-1], "\r\n") + 1
		skipped++
	}
	if w < windowMin {
		return 0, false
	}
	sub := locator{src: l.src[bom+w:], text: l.text[w:], budget: l.budget - (len(l.src) - w)}
	l.budget = sub.budget
	if sub.budget < 0 {
		return 0, false
	}
	sub.v3msg = v3Fail(sub.src)
	n, msg := splitV3Message(sub.v3msg)
	// The window's line number, counted in the whole input, must be
	// yaml.v3's. first is the number yaml.v3 gives a mark on the window's
	// first line; a context mark there makes the window's number come from
	// the problem mark instead.
	before := line - 1 - skipped // lines before the window
	first := before + 1
	if parserMessages[msg] {
		first = before
	}
	abs := n + before
	if n == 0 {
		abs = first
	}
	if msg != l.msg || (abs != l.n && l.n != first) {
		return 0, false
	}
	sub.msg, sub.n = msg, n
	off, ok := sub.findHere()
	l.budget = sub.budget
	return w + off, ok
}

// findHere is find without a window.
func (l *locator) findHere() (int, bool) {
	switch {
	case sameLineMessages[l.msg]:
		return l.probe(max(l.n, 1), false, false)
	case laterLineMessages[l.msg]:
		off, ok := l.probe(max(l.n, 1), true, false)
		switch l.msg {
		case msgUnknownEscape:
			return off, ok // the escape, inside a quoted scalar
		case msgHexEscape, msgEscapeCode:
			// yaml.v3 places these at the escape's first digit.
			for ok && off > 0 && l.text[off] != '\\' {
				off--
			}
			return off + 2, ok
		case msgNoColon:
			return l.tokenStart(off, keyLine), ok
		}
		return l.tokenStart(off, 0), ok
	case blockGrammarMessages[l.msg]:
		off, ok := l.probe(l.n+1, true, false)
		return l.tokenStart(off, keyColon), ok
	case l.msg == "found undefined tag handle":
		// At the tag, which ends with the handle's second '!'.
		off, ok := l.probe(l.n+1, true, false)
		for ok && off > 0 && l.text[off-1] != ' ' && l.text[off-1] != '\t' && l.text[off] != '\n' {
			if l.text[off] == '!' && strings.IndexByte(" \t[{,-?:", l.text[off-1]) >= 0 {
				break
			}
			off--
		}
		return off, ok
	case l.msg == msgFlowSeqUnended || l.msg == msgFlowMapUnended:
		return l.flowBracket()
	case l.msg == msgNodeContent:
		return l.nodeContent()
	case l.msg == msgEndOfStream:
		return findUnclosedQuote(l.text)
	case l.msg == msgDocIndicator:
		return l.documentIndicator()
	case l.msg == msgAnchorName:
		return l.badAnchorName()
	}
	return 0, false
}

// bom is the length of the byte order mark that src has and l.text does
// not, or -1 when the two cannot be matched by offset (UTF-16 input).
func (l *locator) bom() int {
	if d := len(l.src) - len(l.text); d == 0 || (d == 3 && strings.HasPrefix(l.src, "\ufeff")) {
		return d
	}
	return -1
}

// probe finds the problem by running yaml.v3 on prefixes of the input.
// yaml.v3 reads its input as a stream and fails at the first problem, so
// a prefix that ends just after the problem's first character fails with
// the same error, and, for the messages probe is used for, a shorter prefix
// does not: cut short, the input simply ends, which closes open block
// collections without complaint. Flow collections do complain when cut
// short, with the very messages of the mistakes inside them, so with
// closeFlow each prefix gets the brackets it leaves open closed (see
// fails). (Quoted scalars and anchors cut short complain too;
// their errors are located otherwise.) The smallest failing prefix is
// found by bisection, first within line ln, then, when later is set,
// beyond it.
func (l *locator) probe(ln int, later, closeFlow bool) (int, bool) {
	bom := l.bom()
	if bom < 0 {
		return 0, false
	}
	ts := lineStart(l.text, ln)
	if ts < 0 {
		return 0, false
	}
	l.closeFlow = closeFlow
	lo, hi := bom+ts, bom+eol(l.text, ts)
	if k, ok := l.smallest(lo, hi); ok {
		return l.charBefore(k, bom), true
	}
	if !later {
		return 0, false
	}
	for step := 256; hi < len(l.src); step *= 2 {
		k := min(hi+step, len(l.src))
		if k, ok := l.smallest(hi, k); ok {
			return l.charBefore(k, bom), true
		}
		if l.budget <= 0 {
			return 0, false
		}
		hi = k
	}
	return 0, false
}

// smallest returns the smallest prefix length in (lo, hi] for which
// yaml.v3 fails with the same error, if the prefix of length hi does.
func (l *locator) smallest(lo, hi int) (int, bool) {
	if !l.fails(hi) {
		return 0, false
	}
	for hi-lo > 1 {
		m := lo + (hi-lo)/2
		for m < hi && !utf8.RuneStart(l.src[m]) {
			m++ // a prefix ending inside a character is an encoding error
		}
		if m >= hi {
			break
		}
		if l.fails(m) {
			hi = m
		} else if l.budget <= 0 {
			return 0, false
		} else {
			lo = m
		}
	}
	return hi, true
}

// fails reports whether yaml.v3 fails on the first k bytes of the input
// (with its flow collections closed, if l.closeFlow) with the error being
// located, within the budget. A prefix that ends inside a quoted scalar is
// cut before the scalar instead (unless the error is inside one): yaml.v3
// may scan a token ahead of the one it fails at, and a quoted scalar cut
// short is an error of its own.
func (l *locator) fails(k int) bool {
	bom := len(l.src) - len(l.text)
	open, quote := flowStack(l.text, k-bom)
	if quote >= 0 && l.msg != msgUnknownEscape && l.msg != msgHexEscape && l.msg != msgEscapeCode {
		k = bom + quote
		open, _ = flowStack(l.text, quote)
	}
	if k > l.budget {
		l.budget = 0
		return false
	}
	l.budget -= k
	prefix := l.src[:k]
	if l.closeFlow && len(open) > 0 {
		b := []byte(prefix + " ")
		for i := len(open) - 1; i >= 0; i-- {
			if l.text[open[i]] == '[' {
				b = append(b, ']')
			} else {
				b = append(b, '}')
			}
		}
		prefix = string(b)
	}
	return v3Fail(prefix) == l.v3msg
}

// charBefore returns the l.text offset of the character that ends at src
// offset k.
func (l *locator) charBefore(k, bom int) int {
	_, size := utf8.DecodeLastRuneInString(l.src[:k])
	return k - size - bom
}

// v3Fail returns the error yaml.v3 gives for src as decodeV3 runs it, or ""
// when there is none.
func v3Fail(src string) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	dec := yaml.NewDecoder(strings.NewReader(src))
	for range 2 {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return ""
			}
			return err.Error()
		}
	}
	return ""
}

// lineStart returns the offset of the 1-based line ln in text, or -1.
func lineStart(text string, ln int) int {
	i := 0
	for ; ln > 1; ln-- {
		i = nextLine(text, i)
		if i >= len(text) {
			return -1
		}
	}
	return i
}

// flowBracket places an error about a flow collection. yaml.v3's message
// names the collection (its context mark is the opening bracket), and the
// problem may be lines later, for example at the end of the input for a
// bracket never closed. yaml.v3 is run once more with a line prepended,
// which makes its message give the bracket's line in every case. A
// problem on that line is found by probing (with the prefixes' brackets
// closed); otherwise the problem was noticed later, and the bracket is
// what to fix: the innermost one of the kind the message names that is
// still open at the end of its line.
func (l *locator) flowBracket() (int, bool) {
	bom := l.bom()
	if bom < 0 || len(l.src)+1 > l.budget {
		return 0, false
	}
	l.budget -= len(l.src) + 1
	n, msg := splitV3Message(v3Fail(l.src[:bom] + "\n" + l.src[bom:]))
	if msg != l.msg || n < 1 {
		return 0, false
	}
	if off, ok := l.probe(n, false, true); ok {
		return off, true
	}
	ts := lineStart(l.text, n)
	if ts < 0 {
		return 0, false
	}
	want := byte('[')
	if l.msg == msgFlowMapUnended {
		want = '{'
	}
	open, _ := flowStack(l.text, eol(l.text, ts))
	for k := len(open) - 1; k >= 0 && open[k] >= ts; k-- {
		if l.text[open[k]] == want {
			return open[k], true
		}
	}
	return 0, false
}

// nodeContent places "did not find expected node content": yaml.v3 found
// a token where a node belongs, on the line after the one it numbers (its
// context mark is that token). Probing finds it, with the prefixes' flow
// collections closed, since cut short they would fail the same way. When
// the token is the end of the input inside a flow collection, the
// collection's bracket, never closed, is the mistake.
func (l *locator) nodeContent() (int, bool) {
	if off, ok := l.probe(l.n+1, false, true); ok {
		return l.tokenStart(off, keyColon), true
	}
	if ts := lineStart(l.text, l.n+1); ts < 0 || strings.TrimSpace(l.text[ts:]) == "" {
		if open, quote := flowStack(l.text, len(l.text)); quote < 0 && len(open) > 0 {
			return open[len(open)-1], true
		}
	}
	return 0, false
}

// How tokenStart treats keys.
const (
	keyColon = 1 // a ':' ends the key before it
	keyLine  = 2 // the error is about the key that starts the line
)

// tokenStart returns the start of the token that ends at off, where
// probing found an error: the smallest failing prefix ends at the
// character that completes the token. That is the closing quote of a
// quoted scalar, the last character of a document marker, or (with
// keyColon) the ':' after a key; yaml.v3 places the error at the token's
// start. With keyLine the error is at the key that starts the line.
func (l *locator) tokenStart(off, key int) int {
	open, quote := flowStack(l.text, off)
	if quote >= 0 {
		return quote
	}
	ls := off
	for ls > 0 && l.text[ls-1] != '\n' && l.text[ls-1] != '\r' {
		ls--
	}
	if c := l.text[off]; (c == '-' || c == '.') && off-ls < 3 &&
		(strings.HasPrefix(l.text[ls:], "---") || strings.HasPrefix(l.text[ls:], "...")) {
		return ls
	}
	k := ls
	switch {
	case key == keyColon && l.text[off] == ':' && len(open) > 0:
		// In a flow collection the key follows an indicator.
		for k = off; k > ls && strings.IndexByte("[{,", l.text[k-1]) < 0; k-- {
		}
	case key == keyColon && l.text[off] == ':':
	case key != keyLine:
		return off
	}
	// Skip blanks and any "- " or "? " before the key.
	for {
		for k < off && (l.text[k] == ' ' || l.text[k] == '\t') {
			k++
		}
		if k+1 < off && (l.text[k] == '-' || l.text[k] == '?') && l.text[k+1] == ' ' {
			k++
			continue
		}
		return k
	}
}

// quoteStarts reports whether the quote at text[i], on the line starting
// at ls, opens a quoted scalar: it is the first thing on the line or
// follows an indicator. Elsewhere it is part of a plain scalar ("it's",
// "a:'b'").
func quoteStarts(text string, ls, i int) bool {
	j := i
	for j > ls && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	switch {
	case j == ls:
		return true
	case strings.IndexByte("[]{},", text[j-1]) >= 0:
		return true
	case j == i:
		return false
	case strings.IndexByte(":-?", text[j-1]) >= 0:
		return true // indicators when a blank follows
	}
	// After an anchor or a tag.
	for j > ls && text[j-1] != ' ' && text[j-1] != '\t' {
		j--
	}
	return text[j] == '&' || text[j] == '!'
}

// flowStack returns the offsets of the flow collection brackets open at
// offset upto of text, found by a light scan that skips comments, quoted
// and block scalars roughly as yaml.v3 does, and the offset of the quoted
// scalar upto is in, or -1.
func flowStack(text string, upto int) (open []int, quote int) {
	blockIndent := -1 // while in a block scalar, its lines are indented more
	for i := 0; i < upto; {
		ls := i
		for i < upto && text[i] == ' ' {
			i++
		}
		if blockIndent >= 0 {
			if i >= upto || text[i] == '\n' || text[i] == '\r' || i-ls > blockIndent {
				i = nextLine(text, i)
				continue
			}
			blockIndent = -1
		}
		keyCol := i - ls
	line:
		for i < upto && text[i] != '\n' && text[i] != '\r' {
			c := text[i]
			tokenStart := i == ls || strings.IndexByte(" \t[{,", text[i-1]) >= 0 || (len(open) > 0 && strings.IndexByte(":]}", text[i-1]) >= 0)
			switch {
			case (c == '[' || c == '{') && (len(open) > 0 || tokenStart):
				open = append(open, i)
			case (c == ']' || c == '}') && len(open) > 0:
				open = open[:len(open)-1]
			case (c == '\'' || c == '"') && quoteStarts(text, ls, i):
				j := closingQuote(text, i)
				if j < 0 || j >= upto {
					return open, i
				}
				i = j
			case c == '#' && (i == ls || strings.IndexByte(" \t[]{},'\"", text[i-1]) >= 0):
				// yaml.v3 takes a '#' for a comment anywhere but inside a
				// plain scalar, where a blank must precede it.
				break line
			case (c == '|' || c == '>') && tokenStart && len(open) == 0:
				j := i + 1
				for j < upto && strings.IndexByte("0123456789+- \t", text[j]) >= 0 {
					j++
				}
				if j >= len(text) || text[j] == '\n' || text[j] == '\r' || text[j] == '#' {
					blockIndent = keyCol
					break line
				}
			case c == '-' && len(open) == 0 && (i+1 >= len(text) || text[i+1] == ' '):
				keyCol = i - ls + 2
			}
			i++
		}
		if i >= upto {
			break
		}
		i = nextLine(text, i)
	}
	return open, -1
}

// findUnclosedQuote returns the offset of the first quoted scalar in text
// that has no closing quote: where "found unexpected end of stream" starts.
func findUnclosedQuote(text string) (int, bool) {
	_, quote := flowStack(text, len(text))
	return quote, quote >= 0
}

// documentIndicator places "found unexpected document indicator": a
// document marker inside a quoted scalar, at or after the line yaml.v3
// numbers.
func (l *locator) documentIndicator() (int, bool) {
	i := lineStart(l.text, max(l.n, 1))
	for i >= 0 && i < len(l.text) {
		if m := l.text[i:]; (strings.HasPrefix(m, "---") || strings.HasPrefix(m, "...")) &&
			(len(m) == 3 || strings.IndexByte(" \t\r\n", m[3]) >= 0) {
			return i, true
		}
		i = nextLine(l.text, i)
	}
	return 0, false
}

// badAnchorName places "did not find expected alphabetic or numeric
// character": the character after an anchor or alias name that is empty
// or ends in a character yaml.v3 does not allow there.
func (l *locator) badAnchorName() (int, bool) {
	ts := lineStart(l.text, max(l.n, 1))
	if ts < 0 {
		return 0, false
	}
	te := eol(l.text, ts)
	for i := ts; i < te; i++ {
		if c := l.text[i]; (c != '&' && c != '*') || (i > ts && strings.IndexByte(" \t[]{},'\"", l.text[i-1]) < 0) {
			continue
		}
		j := i + 1
		for j < len(l.text) && isAnchorChar(l.text[j]) {
			j++
		}
		if j == i+1 || (j < te && strings.IndexByte(" \t?:,]}%@`", l.text[j]) < 0) {
			return j, true
		}
	}
	return 0, false
}
