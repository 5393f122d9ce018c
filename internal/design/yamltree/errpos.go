package yamltree

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// yaml.v3 reports an error as text with at most a line number, and that
// number is computed inconsistently (see v3Line): grammar errors give the
// 0-based line of the enclosing construct's start, scanner errors the
// 1-based one, errors on line 1 give none, and encoding errors and unknown
// aliases never give one. locateV3Error finds the position of the mistake
// with what this package knows better:
//
//   - encoding problems (invalid UTF-8 or UTF-16, control characters): the
//     bytes are scanned as yaml.v3's reader scans them, so the position is
//     exact;
//   - an unknown alias: the first "*name" not preceded by its "&name";
//   - nesting beyond yaml.v3's own depth limit: a light scan of brackets
//     and indentation finds the collection past MaxDepth;
//   - mistakes the fast parser is sure of (fastError), when yaml.v3's
//     message is one the fast parser expected for them;
//   - otherwise the line yaml.v3 gives, corrected, and on it (or after it)
//     the position found by probing yaml.v3 with prefixes of the input
//     for the errors where that is reliable (see locator.probe), or by a
//     look at the text for a few others;
//   - failing all that, the corrected line at its first non-blank
//     character (approximateError).

// locateV3Error turns yaml.v3's error message v3msg for src into a
// *SyntaxError at the position of the mistake. fe is what the fast parser
// found certainly wrong, or nil.
func locateV3Error(src, v3msg string, fe *fastError) *SyntaxError {
	line, msg := splitV3Message(v3msg)
	text := textOf(src)
	switch {
	case readerMessages[msg]:
		if e := encodingError(src); e != nil {
			return e
		}
	case strings.HasPrefix(msg, "unknown anchor '") && strings.HasSuffix(msg, "' referenced"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		if off, ok := findUnknownAlias(text, name); ok {
			l, c := position(text[:off])
			return &SyntaxError{Line: l, Column: c, Msg: msg}
		}
	case strings.HasPrefix(msg, "exceeded max depth of "):
		if off, ok := findDeepNesting(text); ok {
			return depthError(position(text[:off]))
		}
	}
	if fe != nil && fe.explains(msg, line) {
		if fe.tab && msg == msgCannotStart {
			msg = msgTab
		} else if fe.context != "" {
			msg += " " + fe.context
		}
		return &SyntaxError{Line: fe.line, Column: fe.col, Msg: msg}
	}
	l := locator{src: src, text: text, v3msg: v3msg, msg: msg, n: line, budget: probeBudget}
	if off, ok := l.find(); ok {
		off = min(max(off, 0), len(text))
		if msg == msgCannotStart && off < len(text) && text[off] == '\t' {
			msg = msgTab
		}
		ln, col := position(text[:off])
		return &SyntaxError{Line: ln, Column: col, Msg: msg}
	}
	return approximateError(text, msg, line)
}

// msgTab replaces yaml.v3's "found character that cannot start any token"
// when the character is a tab, which says nothing about the usual cause:
// an editor indenting with a tab.
const msgTab = "found a tab character where YAML expects spaces or a token (tabs cannot indent YAML)"

// splitV3Message splits "yaml: line N: problem" into N (0 when absent) and
// the problem.
func splitV3Message(s string) (line int, msg string) {
	msg = strings.TrimPrefix(s, "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil && n > 0 {
				return n, rest[i+2:]
			}
		}
	}
	return 0, msg
}

// parserMessages are the problems yaml.v3's parser (as opposed to its
// scanner) reports. Their line number is the 0-based line of the context
// mark (or, without one on a later line, of the problem mark).
var parserMessages = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
	"found undefined tag handle":             true,
	msgNodeContent:                           true,
	msgNoEntry:                               true,
	msgNoKey:                                 true,
	msgFlowSeqUnended:                        true,
	msgFlowMapUnended:                        true,
}

// readerMessages are yaml.v3's encoding problems.
var readerMessages = map[string]bool{
	"invalid leading UTF-8 octet":        true,
	"incomplete UTF-8 octet sequence":    true,
	"invalid trailing UTF-8 octet":       true,
	"invalid length of a UTF-8 sequence": true,
	"invalid Unicode character":          true,
	"control characters are not allowed": true,
	"incomplete UTF-16 character":        true,
	"unexpected low surrogate area":      true,
	"incomplete UTF-16 surrogate pair":   true,
	"expected low surrogate area":        true,
}

// v3Line is the line number yaml.v3 prints (0 for none) for an error
// whose context and problem marks are on the 1-based lines ctx and prob
// (ctx 1 also when there is no context mark), or -1 if that cannot be
// told because a line is unknown (0). yaml.v3 uses the context mark's
// 0-based line unless it is 0, then the problem mark's; scanner errors add
// one to it.
func v3Line(parserErr bool, ctx, prob int) int {
	if ctx == 0 {
		return -1
	}
	line := ctx
	if ctx == 1 {
		if prob == 0 {
			return -1
		}
		line = prob
	}
	switch {
	case line == 1:
		return 0
	case parserErr:
		return line - 1
	}
	return line
}

// explains reports whether yaml.v3's error (msg, with line number line)
// is one the fast parser expected for its mistake.
func (fe *fastError) explains(msg string, line int) bool {
	for _, e := range fe.expect {
		if e.msg != msg {
			continue
		}
		if want := v3Line(parserMessages[msg], e.ctx, e.prob); want < 0 || want == line {
			return true
		}
	}
	return false
}

// approximateError places an error from yaml.v3's line number n alone.
// Grammar errors number the 0-based line of the construct they were
// parsing, scanner errors the 1-based line of the token they were
// scanning, and a mistake on line 1 gets no number. So the line reported is
// n+1 for grammar errors, n for scanner errors and 1 without a number;
// it is the line where yaml.v3 was (at the start of the enclosing
// construct for grammar errors), which may be before the mistake.
//
// Only the line is known, so the column given is that of the first
// non-blank character on it. This is an approximation; approximateCases
// in the tests lists inputs that get one.
func approximateError(text, msg string, n int) *SyntaxError {
	want := 1
	if n > 0 {
		want = n
		if parserMessages[msg] {
			want = n + 1
		}
	}
	// Go to the start of line want, or of the last line with characters.
	line, start := 1, 0
	for line < want {
		next := nextLine(text, start)
		if next >= len(text) {
			break
		}
		line, start = line+1, next
	}
	col := 1
	for _, r := range text[start:eol(text, start)] {
		if r != ' ' && r != '\t' {
			return &SyntaxError{Line: line, Column: col, Msg: msg}
		}
		col++
	}
	return &SyntaxError{Line: line, Column: 1, Msg: msg} // a blank line
}

// textOf returns the characters of src as yaml.v3 reads them, as UTF-8
// without a leading byte order mark: positions counted in it are yaml.v3's.
func textOf(src string) string {
	if len(src) >= 2 && (src[0] == 0xfe && src[1] == 0xff || src[0] == 0xff && src[1] == 0xfe) {
		big := src[0] == 0xfe
		units := make([]uint16, 0, len(src)/2)
		for i := 2; i+1 < len(src); i += 2 {
			if big {
				units = append(units, uint16(src[i])<<8|uint16(src[i+1]))
			} else {
				units = append(units, uint16(src[i+1])<<8|uint16(src[i]))
			}
		}
		return string(utf16.Decode(units))
	}
	return strings.TrimPrefix(src, "\ufeff")
}

// position returns the 1-based line and column just after text, counting
// as yaml.v3 does: CR LF is one line break, CR, LF, NEL, LS and PS each
// end a line, and every other character is one column.
func position(text string) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch r {
		case '\r':
			if i < len(text) && text[i] == '\n' {
				i++
			}
			fallthrough
		case '\n', 0x85, 0x2028, 0x2029:
			line, col = line+1, 1
		default:
			col++
		}
	}
	return line, col
}

// encodingError finds the first character yaml.v3's reader rejects in src,
// checking exactly what it checks, or returns nil.
func encodingError(src string) *SyntaxError {
	var text string // the characters before the problem
	var msg string
	value := -1 // the offending octet or character, when worth showing
	if len(src) >= 2 && (src[0] == 0xfe && src[1] == 0xff || src[0] == 0xff && src[1] == 0xfe) {
		big := src[0] == 0xfe
		unit := func(i int) rune {
			if big {
				return rune(src[i])<<8 | rune(src[i+1])
			}
			return rune(src[i+1])<<8 | rune(src[i])
		}
		i := 2
		for ; i < len(src) && msg == ""; i += 2 {
			if i+1 >= len(src) {
				msg = "incomplete UTF-16 character"
				break
			}
			r, width := unit(i), 2
			switch {
			case r&0xfc00 == 0xdc00:
				msg = "unexpected low surrogate area"
			case r&0xfc00 == 0xd800:
				switch {
				case i+3 >= len(src):
					msg = "incomplete UTF-16 surrogate pair"
				case unit(i+2)&0xfc00 != 0xdc00:
					msg = "expected low surrogate area"
				default:
					r, width = 0x10000+((r&0x3ff)<<10)+(unit(i+2)&0x3ff), 4
				}
			}
			if msg == "" && !readerAllows(r) {
				msg, value = "control characters are not allowed", int(r)
			}
			if msg != "" {
				break
			}
			i += width - 2
		}
		if msg == "" {
			return nil
		}
		text = textOf(src[:i])
	} else {
		start := 0
		if strings.HasPrefix(src, "\ufeff") {
			start = 3
		}
		i := start
		for ; i < len(src); i++ {
			c := src[i]
			if c < utf8.RuneSelf {
				if !readerAllows(rune(c)) {
					msg, value = "control characters are not allowed", int(c)
					break
				}
				continue
			}
			width := 0
			switch {
			case c&0xe0 == 0xc0:
				width = 2
			case c&0xf0 == 0xe0:
				width = 3
			case c&0xf8 == 0xf0:
				width = 4
			}
			if width == 0 {
				msg, value = "invalid leading UTF-8 octet", int(c)
				break
			}
			if i+width > len(src) {
				msg = "incomplete UTF-8 octet sequence"
				break
			}
			r := rune(c) & (0x7f >> width)
			for k := 1; k < width && msg == ""; k++ {
				if t := src[i+k]; t&0xc0 != 0x80 {
					msg, value = "invalid trailing UTF-8 octet", int(t)
				} else {
					r = r<<6 | rune(t&0x3f)
				}
			}
			switch {
			case msg != "":
			case width == 2 && r < 0x80, width == 3 && r < 0x800, width == 4 && r < 0x10000:
				msg = "invalid length of a UTF-8 sequence"
			case r >= 0xd800 && r <= 0xdfff, r > 0x10ffff:
				msg = "invalid Unicode character"
			case !readerAllows(r):
				msg, value = "control characters are not allowed", int(r)
			}
			if msg != "" {
				break
			}
			i += width - 1
		}
		if msg == "" {
			return nil
		}
		text = src[start:i]
	}
	switch {
	case msg == "control characters are not allowed":
		msg += fmt.Sprintf(" (found U+%04X)", value)
	case value >= 0:
		msg += fmt.Sprintf(" (byte 0x%02x)", value)
	}
	line, col := position(text)
	return &SyntaxError{Line: line, Column: col, Msg: msg}
}

// readerAllows reports whether yaml.v3's reader accepts the character r.
func readerAllows(r rune) bool {
	switch {
	case r == 0x09, r == 0x0a, r == 0x0d, r >= 0x20 && r <= 0x7e, r == 0x85,
		r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}

// findUnknownAlias returns the offset in text of the first alias *name
// not preceded by an anchor &name. It skips comments, quoted scalars and
// block scalars roughly as yaml.v3 does; that is enough to tell an alias
// from text that looks like one.
func findUnknownAlias(text, name string) (int, bool) {
	anchored := false
	found := -1
	scanTokens(text, func(i int) bool {
		c := text[i]
		if c != '&' && c != '*' {
			return true
		}
		j := i + 1
		for j < len(text) && isAnchorChar(text[j]) {
			j++
		}
		if text[i+1:j] != name {
			return true
		}
		if c == '&' {
			anchored = true
			return true
		}
		if !anchored {
			found = i
			return false
		}
		return true
	})
	return found, found >= 0
}

// scanTokens calls fn with the offset of every character of text that
// starts a token (it follows a blank, a line start or a flow indicator),
// outside comments, quoted scalars (fn sees their opening quote) and block
// scalars, until fn returns false.
func scanTokens(text string, fn func(i int) bool) {
	blockIndent := -1 // while in a block scalar, its lines are indented more
	for i := 0; i < len(text); {
		ls := i
		ind := 0
		for i < len(text) && text[i] == ' ' {
			i++
			ind++
		}
		if blockIndent >= 0 {
			if i >= len(text) || text[i] == '\n' || text[i] == '\r' || ind > blockIndent {
				i = nextLine(text, i)
				continue
			}
			blockIndent = -1
		}
		keyCol := ind // column of the innermost node on the line
	line:
		for i < len(text) {
			c := text[i]
			if c == '\n' || c == '\r' {
				break
			}
			if (c == '\'' || c == '"') && quoteStarts(text, ls, i) {
				if !fn(i) {
					return
				}
				j := closingQuote(text, i)
				if j < 0 {
					return
				}
				i = j + 1
				continue
			}
			tokenStart := i == ls || strings.IndexByte(" \t[]{},'\"", text[i-1]) >= 0
			if !tokenStart {
				i++
				continue
			}
			switch c {
			case '#':
				break line
			case '|', '>':
				j := i + 1
				for j < len(text) && strings.IndexByte("0123456789+-", text[j]) >= 0 {
					j++
				}
				for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
					j++
				}
				if j >= len(text) || text[j] == '\n' || text[j] == '\r' || text[j] == '#' {
					blockIndent = keyCol
					break line
				}
			case '-':
				if i+1 >= len(text) || text[i+1] == ' ' {
					keyCol = i - ls + 2
				}
			}
			if !fn(i) {
				return
			}
			i++
		}
		i = nextLine(text, i)
	}
}

// eol returns the offset of the line break ending the line i is on (CR,
// LF, NEL, LS or PS), or len(text).
func eol(text string, i int) int {
	for ; i < len(text); i++ {
		switch text[i] {
		case '\n', '\r':
			return i
		case 0xc2: // NEL is C2 85
			if i+1 < len(text) && text[i+1] == 0x85 {
				return i
			}
		case 0xe2: // LS and PS are E2 80 A8 and E2 80 A9
			if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xa8 || text[i+2] == 0xa9) {
				return i
			}
		}
	}
	return len(text)
}

// nextLine returns the offset of the line after the one i is on, or
// len(text).
func nextLine(text string, i int) int {
	i = eol(text, i)
	switch {
	case i >= len(text):
		return i
	case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
		return i + 2
	case text[i] == '\n' || text[i] == '\r':
		return i + 1
	case text[i] == 0xc2:
		return i + 2
	}
	return i + 3
}

// findDeepNesting returns the offset in text of the first collection
// nested deeper than MaxDepth, found by a light scan: the columns of block
// collections (keys and "- " entries opening deeper than the enclosing
// one) and flow brackets, outside comments and quoted scalars. It serves
// documents yaml.v3 refuses for its own, much deeper, limit.
func findDeepNesting(text string) (int, bool) {
	var indents []int // columns of the open block collections
	flow := 0
	for i := 0; i < len(text); {
		ls := i
		for i < len(text) && text[i] == ' ' {
			i++
		}
		if flow == 0 {
			if i >= len(text) || text[i] == '\n' || text[i] == '\r' || text[i] == '#' {
				i = nextLine(text, i)
				continue
			}
			col := i - ls
			for len(indents) > 0 && indents[len(indents)-1] > col {
				indents = indents[:len(indents)-1]
			}
			// Block collections opening on this line: entries and a key.
			for {
				col := i - ls
				opens := len(indents) == 0 || indents[len(indents)-1] < col
				if text[i] == '-' && (i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '\r') {
					if opens {
						indents = append(indents, col)
						if len(indents) > MaxDepth {
							return i, true
						}
					}
					i++
					for i < len(text) && text[i] == ' ' {
						i++
					}
					if i >= len(text) {
						return 0, false
					}
					continue
				}
				if k := keyEnd(text, i); k > 0 {
					if opens {
						indents = append(indents, col)
						if len(indents) > MaxDepth {
							return i, true
						}
					}
					i = k
					for i < len(text) && text[i] == ' ' {
						i++
					}
					if i >= len(text) {
						return 0, false
					}
				}
				break
			}
		}
		// The rest of the line: flow collections.
		for i < len(text) && text[i] != '\n' && text[i] != '\r' {
			c := text[i]
			tokenStart := i == ls || strings.IndexByte(" \t[{,:", text[i-1]) >= 0
			switch {
			case (c == '[' || c == '{') && (flow > 0 || tokenStart):
				flow++
				if len(indents)+flow > MaxDepth {
					return i, true
				}
			case (c == ']' || c == '}') && flow > 0:
				flow--
			case (c == '\'' || c == '"') && quoteStarts(text, ls, i):
				j := closingQuote(text, i)
				if j < 0 {
					return 0, false
				}
				i = j
			case c == '#' && (i == ls || text[i-1] == ' ' || text[i-1] == '\t'):
				i = eol(text, i)
				continue
			}
			i++
		}
		i = nextLine(text, i)
	}
	return 0, false
}

// keyEnd returns the offset just after the ':' of a simple key starting at
// i (a plain or quoted scalar followed by ": " on its line), or 0.
func keyEnd(text string, i int) int {
	j := i
	if text[i] == '\'' || text[i] == '"' {
		j = closingQuote(text, i)
		if j < 0 || strings.ContainsAny(text[i:j], "\r\n") {
			return 0
		}
		j++
		for j < len(text) && text[j] == ' ' {
			j++
		}
		if j < len(text) && text[j] == ':' && (j+1 >= len(text) || strings.IndexByte(" \t\r\n", text[j+1]) >= 0) {
			return j + 1
		}
		return 0
	}
	if strings.IndexByte("[]{},#&*!|>'\"%@`?:-", text[i]) >= 0 && text[i] != '-' {
		return 0
	}
	for ; j < len(text) && text[j] != '\n' && text[j] != '\r'; j++ {
		switch text[j] {
		case ':':
			if j+1 >= len(text) || strings.IndexByte(" \t\r\n", text[j+1]) >= 0 {
				return j + 1
			}
		case '#':
			if text[j-1] == ' ' || text[j-1] == '\t' {
				return 0
			}
		}
	}
	return 0
}

// documentMarkerAfter returns the line of the first document start marker
// ("---" at the start of a line, followed by a blank or the line's end)
// after line after, or 0.
func documentMarkerAfter(text string, after int) int {
	line := 1
	for i := 0; i < len(text); {
		if line > after && strings.HasPrefix(text[i:], "---") && (i+3 >= len(text) || strings.IndexByte(" \t\r\n", text[i+3]) >= 0) {
			return line
		}
		i = nextLine(text, i)
		line++
	}
	return 0
}

func extraDocumentError(line, col int) *SyntaxError {
	if line < 1 || col < 1 {
		line, col = 1, 1
	}
	return &SyntaxError{Line: line, Column: col, Msg: "more than one YAML document (only one is allowed)"}
}
