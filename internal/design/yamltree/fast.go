package yamltree

import (
	"strings"
	"unicode/utf8"
)

// The fast path parses the YAML that answers files are written in (block
// mappings and sequences, single-line plain and quoted scalars, single-line
// flow collections, comments) an order of magnitude faster than yaml.v3 and
// with a fraction of the memory. Whenever the input leaves that subset,
// parseFast says so and Parse falls back to yaml.v3, so acceptance stays
// exactly yaml.v3's. Every tree it does build must equal the converted
// yaml.v3 tree exactly; the differential tests and FuzzParse check that.
//
// The fast parser also knows some mistakes for certain: an unclosed quote or
// bracket, a key at a bad indentation, a tab indenting a line, and so on
// (see fastError). It then still hands the document to yaml.v3, which
// decides whether the document is wrong and with which message; the fast
// parser only contributes the exact position of the mistake, which yaml.v3
// does not report.
//
// The rules below mirror yaml.v3's scanner for that subset, and refuse
// anything whose handling there is subtle.

// maxSimpleKey bounds a key's length: yaml.v3 refuses an implicit key
// longer than 1024 characters, so longer ones go to the slow path.
const maxSimpleKey = 1000

// fastError is a mistake the fast parser is sure of, at line:col. Which
// message yaml.v3 gives for it is not always certain, so it lists the
// messages it expects (with the lines yaml.v3 derives its line number from);
// locateV3Error uses the position only if yaml.v3's error is one of them.
type fastError struct {
	line, col int
	expect    []v3Expect
	// context names the construct the mistake is in, as libyaml words it
	// ("while scanning a quoted scalar"), when the position is its start
	// rather than the place the problem was noticed.
	context string
	tab     bool // the mistake is a tab character
}

// v3Expect is a yaml.v3 message that would describe a mistake. ctx and prob
// are the 1-based lines of the context and problem marks yaml.v3 computes
// its line number from (ctx is 1 when there is no context mark); 0 means
// unknown, and then any line number is accepted.
type v3Expect struct {
	msg       string
	ctx, prob int
}

// Messages of yaml.v3 the fast parser predicts.
const (
	msgCannotStart     = "found character that cannot start any token"
	msgTabIndent       = "found a tab character that violates indentation"
	msgTabBlockScalar  = "found a tab character where an indentation space is expected"
	msgValuesNotHere   = "mapping values are not allowed in this context"
	msgEntriesNotHere  = "block sequence entries are not allowed in this context"
	msgKeysNotHere     = "mapping keys are not allowed in this context"
	msgNoColon         = "could not find expected ':'"
	msgNoKey           = "did not find expected key"
	msgNoEntry         = "did not find expected '-' indicator"
	msgNoDocStart      = "did not find expected <document start>"
	msgNodeContent     = "did not find expected node content"
	msgEndOfStream     = "found unexpected end of stream"
	msgDocIndicator    = "found unexpected document indicator"
	msgUnknownEscape   = "found unknown escape character"
	msgAnchorName      = "did not find expected alphabetic or numeric character"
	msgFlowSeqUnended  = "did not find expected ',' or ']'"
	msgFlowMapUnended  = "did not find expected ',' or '}'"
	contextQuoted      = "while scanning a quoted scalar"
	contextQuotedParse = "while parsing a quoted scalar"
)

// parseFast parses src if it lies in the fast subset. ok=false means "use
// yaml.v3", not necessarily that src is invalid; ferr is set when the fast
// parser is sure src is invalid, and says where. The tree's strings are
// substrings of src, or copies when strs is set.
func parseFast(src string, strs *interner) (root *Node, ok bool, ferr *fastError) {
	start := 0
	// yaml.v3 skips a leading byte order mark without counting a column.
	if strings.HasPrefix(src, "\ufeff") {
		start = 3
	}
	if !fastValid(src[start:]) {
		return nil, false, nil
	}
	p := fastParser{src: src, pos: start, lineStart: start, line: 1, flowStart: -1, strs: strs}
	root, ok = p.document()
	if !ok {
		return nil, false, p.err
	}
	return root, true, nil
}

// fastValid reports whether s has only characters the fast path handles
// without thinking: printable characters, tabs, LF and CR LF line breaks.
// Lone CRs, the other YAML line breaks (NEL, LS, PS), byte order marks and
// anything yaml.v3 rejects (invalid UTF-8, control characters) send the
// document to yaml.v3.
func fastValid(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c-0x20 < 0x7f-0x20 || c == '\n' || c == '\t' {
			i++
			continue
		}
		if c == '\r' {
			if i+1 < len(s) && s[i+1] == '\n' {
				i += 2
				continue
			}
			return false
		}
		if c < utf8.RuneSelf {
			return false // other C0 controls, DEL
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		// yaml.v3 accepts U+00A0-U+D7FF, U+E000-U+FFFD and beyond U+FFFF;
		// U+FEFF is a byte order mark to it.
		if r < 0xa0 || (r > 0xd7ff && r < 0xe000) || r == 0xfeff || r == 0xfffe || r == 0xffff ||
			r == 0x2028 || r == 0x2029 || (r == utf8.RuneError && size == 1) {
			return false
		}
		i += size
	}
	return true
}

type fastParser struct {
	src       string
	pos       int // next byte to read
	lineStart int // offset of the current line
	line      int // 1-based number of the current line
	// ind is the indentation of the content line p.pos is on, set by
	// nextContent; -1 at the end of the input. tab is set when that line's
	// first character after its spaces is a tab (then p.pos is at the tab).
	ind int
	tab bool
	// comment is set once a comment was skipped after the last node: a
	// plain scalar cannot continue past one.
	comment bool
	// flowStart is the offset of the outermost open flow collection, or -1.
	flowStart int
	err       *fastError // a mistake the parser is sure of
	strs      *interner  // copies the tree's strings, or nil
	a         arena
	kids      []*Node // children of the collections being built, as a stack
	piece     bool    // parsing a piece of a sequence cut up by entriesInParallel
}

// scope is the block collection a node sits in (or the document). It
// decides what yaml.v3 says about content it does not expect there.
type scope struct {
	kind Kind // Mapping, Sequence, or 0 for the document
	line int  // line of the collection's first token (its context mark)
}

// unexpected is yaml.v3's grammar error for a token at line that does not
// fit in the scope.
func (sc scope) unexpected(line int) v3Expect {
	switch sc.kind {
	case Mapping:
		return v3Expect{msgNoKey, sc.line, line}
	case Sequence:
		return v3Expect{msgNoEntry, sc.line, line}
	}
	return v3Expect{msgNoDocStart, 1, line}
}

// col returns the 1-based column of offset pos on the current line, in
// runes as yaml.v3 counts.
func (p *fastParser) col(pos int) int {
	return 1 + utf8.RuneCountInString(p.src[p.lineStart:pos])
}

// lineCol returns the line and column of offset pos, which may be on a
// later line than the current one.
func (p *fastParser) lineCol(pos int) (line, col int) {
	line, ls := p.line, p.lineStart
	for {
		i := strings.IndexByte(p.src[ls:pos], '\n')
		if i < 0 {
			break
		}
		ls += i + 1
		line++
	}
	return line, 1 + utf8.RuneCountInString(p.src[ls:pos])
}

// fail records a mistake at offset pos and makes the caller fall back.
func (p *fastParser) fail(pos int, context string, expect ...v3Expect) (*Node, bool) {
	line, col := p.lineCol(pos)
	p.err = &fastError{line: line, col: col, expect: expect, context: context}
	return nil, false
}

// failTab records a tab at offset pos yaml.v3 rejects.
func (p *fastParser) failTab(pos int, expect ...v3Expect) (*Node, bool) {
	p.fail(pos, "", expect...)
	p.err.tab = true
	return nil, false
}

// str returns s, a substring of the input, for the tree.
func (p *fastParser) str(s string) string {
	if p.strs == nil {
		return s
	}
	return p.strs.str(s)
}

// strBytes returns a string built in b for the tree.
func (p *fastParser) strBytes(b []byte) string {
	if p.strs == nil {
		return string(b)
	}
	return p.strs.bytes(b)
}

func (p *fastParser) newNode(kind Kind, pos int) *Node {
	n := p.a.node()
	n.Kind = kind
	n.Line = p.line
	n.Column = p.col(pos)
	return n
}

// finish gives n the children pushed since base.
func (p *fastParser) finish(n *Node, base int) {
	n.Content = p.a.content(p.kids[base:])
	clear(p.kids[base:])
	p.kids = p.kids[:base]
}

// atBreak reports whether pos is at the end of a line or of the input.
func (p *fastParser) atBreak(pos int) bool {
	return pos >= len(p.src) || p.src[pos] == '\n' || p.src[pos] == '\r'
}

// atBlankz reports whether pos is at a space, a line break or the end.
func (p *fastParser) atBlankz(pos int) bool {
	return pos >= len(p.src) || p.src[pos] == ' ' || p.src[pos] == '\n' || p.src[pos] == '\r'
}

// atBlankzTab is atBlankz counting a tab as blank too, as yaml.v3 does.
func (p *fastParser) atBlankzTab(pos int) bool {
	return p.atBlankz(pos) || p.src[pos] == '\t'
}

func (p *fastParser) skipSpaces() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
}

// endLine consumes trailing spaces, an optional comment and the line break
// after a value. It fails if anything else is left on the line.
func (p *fastParser) endLine() bool {
	p.skipSpaces()
	if p.pos < len(p.src) && p.src[p.pos] == '#' {
		if p.src[p.pos-1] != ' ' {
			return false // a '#' glued to a value: let yaml.v3 decide
		}
		p.comment = true
		if i := strings.IndexByte(p.src[p.pos:], '\n'); i >= 0 {
			p.pos += i
		} else {
			p.pos = len(p.src)
		}
		if p.pos > 0 && p.src[p.pos-1] == '\r' {
			p.pos--
		}
	}
	return p.newline()
}

// newline consumes the line break at p.pos (or accepts the end of input).
func (p *fastParser) newline() bool {
	switch {
	case p.pos >= len(p.src):
		return true
	case p.src[p.pos] == '\r':
		p.pos++ // fastValid guarantees a '\n' follows
		fallthrough
	case p.src[p.pos] == '\n':
		p.pos++
		p.line++
		p.lineStart = p.pos
		return true
	}
	return false
}

// nextContent moves from the start of a line to the first line with
// content, skipping blank and comment lines, and sets p.ind and p.tab. It
// fails on document markers and directives.
func (p *fastParser) nextContent() bool {
	p.tab = false
	lineComment := false // a comment line was skipped
	for {
		if p.pos >= len(p.src) {
			p.ind = -1
			return true
		}
		i := p.pos
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		if i < len(p.src) && p.src[i] == '\t' {
			if lineComment {
				// yaml.v3 reads the lines after a comment line looking
				// for more comments, and then takes tabs for blanks.
				return false
			}
			p.tab = true
			p.ind = i - p.lineStart
			p.pos = i
			return true
		}
		if p.atBreak(i) || p.src[i] == '#' {
			if i < len(p.src) && p.src[i] == '#' {
				p.comment = true
				lineComment = true
			}
			if j := strings.IndexByte(p.src[i:], '\n'); j >= 0 {
				p.pos = i + j + 1
				p.line++
				p.lineStart = p.pos
				continue
			}
			p.pos = len(p.src)
			p.ind = -1
			return true
		}
		if i == p.pos && (strings.HasPrefix(p.src[i:], "---") || strings.HasPrefix(p.src[i:], "...") || p.src[i] == '%') {
			return false
		}
		p.ind = i - p.lineStart
		p.pos = i
		return true
	}
}

// document parses the whole input.
func (p *fastParser) document() (*Node, bool) {
	if !p.nextContent() {
		return nil, false
	}
	if p.ind < 0 {
		return nil, true // only blank lines and comments: no document
	}
	if p.tab {
		return p.failTab(p.pos, v3Expect{msgCannotStart, p.line, p.line})
	}
	root, ok := p.blockNode(-1, 1, scope{})
	if !ok {
		return nil, false
	}
	if p.ind >= 0 {
		// The root collection ended at a line indented less than it.
		return p.junk(p.pos, scope{}, true)
	}
	return root, true
}

// isEntry reports whether a block sequence entry ("- " or a lone "-")
// starts at pos.
func (p *fastParser) isEntry(pos int) bool {
	return pos < len(p.src) && p.src[pos] == '-' && p.atBlankz(pos+1)
}

// badStart reports (and records) a mistake yaml.v3 makes at the start of a
// token at pos: a reserved indicator, or an alias or anchor without a
// valid name.
func (p *fastParser) badStart(pos int) bool {
	switch p.src[pos] {
	case '@', '`':
	case '%':
		if pos == p.lineStart {
			return false // a directive
		}
	case '*', '&':
		j := pos + 1
		for j < len(p.src) && isAnchorChar(p.src[j]) {
			j++
		}
		if j > pos+1 && (p.atBlankzTab(j) || strings.IndexByte("?:,]}%@`", p.src[j]) >= 0) {
			return false
		}
		context := "while scanning an anchor"
		if p.src[pos] == '*' {
			context = "while scanning an alias"
		}
		p.fail(j, context, v3Expect{msgAnchorName, p.line, p.line})
		return true
	default:
		return false
	}
	p.fail(pos, "", v3Expect{msgCannotStart, p.line, p.line})
	return true
}

// isAnchorChar reports whether c may be part of an anchor or alias name in
// yaml.v3.
func isAnchorChar(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-'
}

// junk records the mistake of a token at pos where the scope expects none:
// on the line of a complete node, or (lineStart) at the start of a line
// indented where no collection is.
func (p *fastParser) junk(pos int, sc scope, lineStart bool) (*Node, bool) {
	switch c := p.src[pos]; c {
	case '#', '\t':
		return nil, false // a comment glued to a value, or a tab: yaml.v3 decides
	case '@', '`', '%':
		return p.fail(pos, "", v3Expect{msgCannotStart, p.line, p.line})
	case '-', '?', ':':
		if !lineStart && p.atBlankzTab(pos+1) {
			msg := msgEntriesNotHere
			switch c {
			case '?':
				msg = msgKeysNotHere
			case ':':
				msg = msgValuesNotHere
			}
			return p.fail(pos, "", v3Expect{msg, p.line, p.line})
		}
	}
	return p.fail(pos, "", sc.unexpected(p.line))
}

// lineAfter checks the content line nextContent found after a node that
// ended its line, in a collection indented parent. A plain scalar
// (plain) may continue on more indented lines; anything else more
// indented than parent is a mistake, and so is a tab indenting a line.
// nodeLine is the line the node started on.
func (p *fastParser) lineAfter(plain bool, parent int, sc scope, nodeLine int) bool {
	if p.ind < 0 {
		return true
	}
	if plain && !p.comment {
		if p.ind > parent {
			return p.continuation(parent, nodeLine)
		}
		if p.tab {
			p.failTab(p.pos, v3Expect{msgTabIndent, nodeLine, p.line})
			return false
		}
		return true
	}
	if p.tab {
		p.failTab(p.pos, v3Expect{msgCannotStart, p.line, p.line})
		return false
	}
	if p.ind > parent {
		p.junk(p.pos, sc, true)
		return false
	}
	return true
}

// continuation looks at the lines continuing a plain scalar in a block
// collection indented parent, from the current line. The fast path does
// not build multi-line scalars, so it always falls back; but a ": " on a
// continuation line is certainly a mistake (yaml.v3 does not allow a key
// there), and so is a tab in the indentation.
func (p *fastParser) continuation(parent, scalarLine int) bool {
	s := p.src
	i, line := p.lineStart, p.line
	for i < len(s) {
		ls := i
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			if s[i] == '\t' && i-ls <= parent {
				p.failTab(i, v3Expect{msgTabIndent, scalarLine, line})
				return false
			}
			i++
		}
		if i >= len(s) {
			return false
		}
		if s[i] != '\n' && s[i] != '\r' {
			if i-ls <= parent || s[i] == '#' {
				return false // the scalar ends before this line
			}
			for i < len(s) && s[i] != '\n' && s[i] != '\r' {
				switch s[i] {
				case ':':
					if p.atBlankzTab(i + 1) {
						p.fail(i, "", v3Expect{msgValuesNotHere, line, line})
						return false
					}
				case ' ', '\t':
					if i+1 < len(s) && s[i+1] == '#' {
						return false
					}
				}
				i++
			}
		}
		if i < len(s) && s[i] == '\r' {
			i++
		}
		i++ // '\n'
		line++
	}
	return false
}

// blockNode parses the node that starts at p.pos, the first content of a
// line, inside a block collection indented parent (-1 for the document)
// whose scope is sc. depth is the nesting level the node would have as a
// collection. On return p.pos is at the next content line, whose
// indentation is in p.ind.
func (p *fastParser) blockNode(parent, depth int, sc scope) (*Node, bool) {
	if p.isEntry(p.pos) {
		return p.blockSequence(p.ind, depth, false, sc)
	}
	return p.inlineNode(parent, p.ind, depth, true, sc)
}

// inlineNode parses a node at p.pos, at column indent, that is either a
// scalar or flow collection ending its line, or the first key of a block
// mapping at that column when mapOK.
func (p *fastParser) inlineNode(parent, indent, depth int, mapOK bool, sc scope) (*Node, bool) {
	start := p.pos
	var n *Node
	var ok bool
	switch c := p.src[start]; c {
	case '[', '{':
		p.flowStart = start
		n, ok = p.flow(depth)
		p.flowStart = -1
	case '"', '\'':
		n, ok = p.quoted()
	case '|', '>':
		if parent < 0 {
			return nil, false
		}
		return p.blockScalar(parent, sc)
	default:
		if p.badStart(start) {
			return nil, false
		}
		n, ok = p.plain(false)
	}
	if !ok {
		return nil, false
	}
	// A ':' after the node makes it a key.
	colon := p.pos
	for colon < len(p.src) && p.src[colon] == ' ' {
		colon++
	}
	if colon < len(p.src) && p.src[colon] == ':' && p.atBlankzTab(colon+1) {
		if !mapOK {
			// "key: value: x": a mapping cannot start on a key's line.
			return p.fail(colon, "", v3Expect{msgValuesNotHere, p.line, p.line})
		}
		if colon == p.pos && n.Kind == Scalar && p.atBlankz(colon+1) && p.pos-start <= maxSimpleKey {
			return p.blockMapping(n, indent, depth)
		}
		return nil, false
	}
	if parent < 0 && n.Kind == Scalar {
		return nil, false // a scalar document may continue on any line; rare
	}
	p.comment = false
	if !p.endLine() {
		return p.junk(p.pos, sc, false)
	}
	if !p.nextContent() || !p.lineAfter(n.Kind == Scalar && n.Plain, parent, sc, n.Line) {
		return nil, false
	}
	return n, true
}

// blockMapping parses a block mapping at column indent whose first key has
// been read, with p.pos at the ':' after it.
func (p *fastParser) blockMapping(key *Node, indent, depth int) (*Node, bool) {
	if depth > MaxDepth {
		return nil, false
	}
	m := p.a.node()
	m.Kind = Mapping
	m.Line, m.Column = key.Line, key.Column
	sc := scope{Mapping, m.Line}
	base := len(p.kids)
	for {
		p.kids = append(p.kids, key)
		colon := p.pos
		p.pos++ // ':'
		val, ok := p.value(indent, colon, depth+1, sc)
		if !ok {
			return nil, false
		}
		p.kids = append(p.kids, val)
		if p.ind < indent {
			break
		}
		if p.ind > indent || p.isEntry(p.pos) {
			// A line between this mapping's column and a nested
			// collection's, or an entry where a key belongs.
			return p.junk(p.pos, sc, true)
		}
		start := p.pos
		if p.badStart(start) {
			return nil, false
		}
		switch p.src[start] {
		case '"', '\'':
			key, ok = p.quoted()
		default:
			key, ok = p.plain(false)
		}
		if !ok {
			return nil, false
		}
		colon = p.pos
		for colon < len(p.src) && p.src[colon] == ' ' {
			colon++
		}
		if colon >= len(p.src) || p.src[colon] != ':' || !p.atBlankzTab(colon+1) {
			// A key at the mapping's column must be followed by ':' on its
			// line; a plain scalar runs to the end of the line or a comment.
			if key.Plain || p.atBreak(colon) || p.src[colon] == '#' {
				return p.fail(start, "while scanning a simple key", v3Expect{msgNoColon, key.Line, 0})
			}
			return nil, false
		}
		if colon != p.pos || !p.atBlankz(colon+1) || p.pos-start > maxSimpleKey {
			return nil, false
		}
	}
	p.finish(m, base)
	return m, true
}

// value parses a mapping value after the ':' at offset colon, for a
// mapping at column indent with scope sc.
func (p *fastParser) value(indent, colon, depth int, sc scope) (*Node, bool) {
	p.skipSpaces()
	if p.atBreak(p.pos) || p.src[p.pos] == '#' {
		// yaml.v3 places an empty value just after the ':'.
		line, col := p.line, p.col(colon)+1
		if !p.endLine() || !p.nextContent() {
			return nil, false
		}
		if p.tab {
			return p.failTab(p.pos, v3Expect{msgCannotStart, p.line, p.line})
		}
		switch {
		case p.ind > indent:
			return p.blockNode(indent, depth, sc)
		case p.ind == indent && p.isEntry(p.pos):
			return p.blockSequence(indent, depth, true, sc)
		}
		return p.null(line, col), true
	}
	if p.isEntry(p.pos) {
		// "key: - x": a sequence cannot start on a key's line.
		return p.fail(p.pos, "", v3Expect{msgEntriesNotHere, p.line, p.line})
	}
	return p.inlineNode(indent, indent, depth, false, sc)
}

func (p *fastParser) null(line, col int) *Node {
	n := p.a.node()
	n.Kind = Scalar
	n.Plain = true
	n.Line, n.Column = line, col
	return n
}

// blockSequence parses a block sequence whose entries start at column
// indent; p.pos is at the first '-'. An indentless sequence ("key:\n- a")
// shares its column with the mapping it is a value of, whose scope is
// parent.
func (p *fastParser) blockSequence(indent, depth int, indentless bool, parent scope) (*Node, bool) {
	if depth > MaxDepth {
		return nil, false
	}
	s := p.newNode(Sequence, p.pos)
	sc := scope{Sequence, s.Line}
	if indentless {
		// yaml.v3 ends an indentless sequence at anything but an entry
		// and lets the mapping complain.
		sc = parent
	}
	base := len(p.kids)
	if indentless || !p.entriesInParallel(indent, depth, sc) {
		if !p.entries(indent, depth, indentless, sc) {
			return nil, false
		}
	}
	p.finish(s, base)
	return s, true
}

// entries parses the entries of a block sequence at column indent, from
// the '-' at p.pos, onto p.kids.
func (p *fastParser) entries(indent, depth int, indentless bool, sc scope) bool {
	for {
		dash := p.pos
		p.pos++ // '-'
		item, ok := p.entry(indent, dash, depth+1, sc)
		if !ok {
			return false
		}
		p.kids = append(p.kids, item)
		if p.ind < indent || (p.ind == indent && indentless && !p.isEntry(p.pos)) {
			return true
		}
		if p.ind > indent {
			p.junk(p.pos, sc, true)
			return false
		}
		if !p.isEntry(p.pos) {
			// Content at the sequence's column that is not an entry: a
			// key, or a scalar yaml.v3 takes for a key missing its ':'.
			// After an empty entry it may be the entry's value: yaml.v3
			// accepts a block scalar there.
			empty := item.Kind == Scalar && item.Plain && item.Value == "" && item.Line < p.line
			if p.badStart(p.pos) || (empty && (p.src[p.pos] == '|' || p.src[p.pos] == '>')) {
				return false
			}
			p.fail(p.pos, "", sc.unexpected(p.line), v3Expect{msgNoColon, p.line, 0}, v3Expect{msgNodeContent, 0, 0})
			return false
		}
	}
}

// entry parses a block sequence entry after the '-' at offset dash, in a
// sequence with scope sc.
func (p *fastParser) entry(indent, dash, depth int, sc scope) (*Node, bool) {
	p.skipSpaces()
	if p.pos < len(p.src) && p.src[p.pos] == '\t' {
		// After "- " a tab cannot separate; yaml.v3 refuses it.
		return p.failTab(p.pos, v3Expect{msgCannotStart, p.line, p.line})
	}
	if p.atBreak(p.pos) || p.src[p.pos] == '#' {
		// yaml.v3 places an empty entry just after the '-'.
		line, col := p.line, p.col(dash)+1
		if !p.endLine() || !p.nextContent() {
			return nil, false
		}
		if p.tab {
			return p.failTab(p.pos, v3Expect{msgCannotStart, p.line, p.line})
		}
		if p.ind > indent {
			return p.blockNode(indent, depth, sc)
		}
		return p.null(line, col), true
	}
	// Compact forms: "- - x" and "- key: value" open a collection at
	// this column; "- " is ASCII, so bytes and runes agree.
	col := p.pos - p.lineStart
	if p.isEntry(p.pos) {
		return p.blockSequence(col, depth, false, sc)
	}
	return p.inlineNode(indent, col, depth, true, sc)
}

// plain scans a single-line plain scalar at p.pos. In block context it
// ends at ": ", " #" or the end of the line; in flow context also at ",",
// "]" and "}". Scalars yaml.v3 might read differently (a start that is an
// indicator, '?' or ':' inside flow, a tab, a continuation line) are
// refused.
func (p *fastParser) plain(flow bool) (*Node, bool) {
	start := p.pos
	s := p.src
	if start >= len(s) {
		return nil, false
	}
	switch c := s[start]; {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= utf8.RuneSelf:
	case strings.IndexByte("$()+./;<=\\^_~", c) >= 0:
	case c == '-':
		// "-1" is a scalar, "- " an entry.
		if p.atBlankz(start+1) || (flow && strings.IndexByte(",[]{}", s[start+1]) >= 0) {
			return nil, false
		}
	default:
		return nil, false
	}
	i := start
	end := start // end of the last non-space character
	for i < len(s) {
		c := s[i]
		switch c {
		case '\n', '\r':
			goto done
		case '\t':
			return nil, false
		case ' ':
			if i+1 < len(s) && s[i+1] == '#' {
				goto done
			}
			i++
			continue
		case ':':
			if p.atBlankz(i + 1) {
				goto done
			}
			if flow {
				return nil, false
			}
		case ',', '[', ']', '{', '}':
			if flow {
				goto done
			}
		case '?':
			if flow {
				return nil, false
			}
		}
		i++
		end = i
	}
done:
	n := p.newNode(Scalar, start)
	n.Plain = true
	n.Value = p.str(s[start:end])
	p.pos = end
	if flow {
		p.skipSpaces()
	}
	return n, true
}

// quoted scans a single-line single- or double-quoted scalar at p.pos and
// the spaces after it. Escapes other than the common ones, tabs and line
// breaks are refused.
func (p *fastParser) quoted() (*Node, bool) {
	start := p.pos
	s := p.src
	q := s[start]
	i := start + 1
	var b []byte // the value, once an escape forces a copy
	lit := i     // start of the literal run not yet copied to b
	for {
		if i >= len(s) {
			return p.unclosedQuote(start)
		}
		c := s[i]
		switch {
		case c == '\n' || c == '\r':
			return p.unclosedQuote(start)
		case c == '\t':
			// Tabs are rare in answers: leave them to yaml.v3, unless the
			// scalar is unclosed anyway.
			return p.unclosedQuote(start)
		case c == q && q == '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				b = append(b, s[lit:i+1]...)
				i += 2
				lit = i
				continue
			}
		case c == q:
		case c == '\\' && q == '"':
			if i+1 >= len(s) {
				return p.unclosedQuote(start)
			}
			b = append(b, s[lit:i]...)
			var r rune
			switch s[i+1] {
			case '"', '\\': // yaml.v3 v3.0.1 has no \/
				b = append(b, s[i+1])
				i += 2
			case 'n':
				b = append(b, '\n')
				i += 2
			case 't':
				b = append(b, '\t')
				i += 2
			case 'r':
				b = append(b, '\r')
				i += 2
			case 'b':
				b = append(b, '\b')
				i += 2
			case 'f':
				b = append(b, '\f')
				i += 2
			case '0':
				b = append(b, 0)
				i += 2
			case 'u':
				var ok bool
				if r, ok = hexRune(s[i+2:]); !ok || (r >= 0xd800 && r <= 0xdfff) {
					return nil, false
				}
				b = utf8.AppendRune(b, r)
				i += 6
			default:
				if !knownEscape(s[i+1]) {
					return p.fail(i, contextQuotedParse, v3Expect{msgUnknownEscape, p.line, p.line})
				}
				return nil, false
			}
			lit = i
			continue
		default:
			i++
			continue
		}
		break // closing quote at i
	}
	n := p.newNode(Scalar, start)
	if b == nil {
		n.Value = p.str(s[start+1 : i])
	} else {
		n.Value = p.strBytes(append(b, s[lit:i]...))
	}
	p.pos = i + 1
	after := p.pos
	p.skipSpaces()
	// A quoted scalar must be followed by a separator; "'a'b" is an error
	// yaml.v3 should report.
	if p.pos == after && !p.atBreak(p.pos) && strings.IndexByte(":,]}", s[p.pos]) < 0 {
		return nil, false
	}
	return n, true
}

// knownEscape reports whether yaml.v3 accepts the escape \c in a
// double-quoted scalar (or c is a line break, an escaped line break).
func knownEscape(c byte) bool {
	return strings.IndexByte("0abt\tnvfre \"'\\N_LPxuU\r\n", c) >= 0
}

// unclosedQuote handles a quoted scalar at start that the fast path does
// not read: it does not end on its line, or it has a tab. That is valid
// YAML if a closing quote follows; if none does before the end of the input
// or a document marker, the scalar is certainly unclosed. Escapes yaml.v3
// does not know are found on the way.
func (p *fastParser) unclosedQuote(start int) (*Node, bool) {
	s := p.src
	q := s[start]
	for i := start + 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n':
			// yaml.v3 refuses a document marker inside a quoted scalar.
			if m := s[i+1:]; (strings.HasPrefix(m, "---") || strings.HasPrefix(m, "...")) && p.atBlankzTab(i+4) {
				line, _ := p.lineCol(start)
				return p.fail(i+1, contextQuoted, v3Expect{msgDocIndicator, line, 0})
			}
		case c == q && q == '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			return nil, false
		case c == q:
			return nil, false
		case c == '\\' && q == '"':
			if i+1 < len(s) && !knownEscape(s[i+1]) {
				line, _ := p.lineCol(start)
				return p.fail(i, contextQuotedParse, v3Expect{msgUnknownEscape, line, 0})
			}
			if i+1 < len(s) && s[i+1] != '\n' {
				i++ // an escaped line break is handled as a line break
			}
		}
	}
	line, _ := p.lineCol(start)
	return p.fail(start, contextQuoted, v3Expect{msgEndOfStream, line, 0})
}

// flow parses a single-line flow sequence or mapping at p.pos, and the
// spaces after it.
func (p *fastParser) flow(depth int) (*Node, bool) {
	if depth > MaxDepth {
		return nil, false
	}
	s := p.src
	n := p.newNode(Sequence, p.pos)
	closing := byte(']')
	if s[p.pos] == '{' {
		n.Kind = Mapping
		closing = '}'
	}
	n.Flow = true
	p.pos++
	p.skipSpaces()
	base := len(p.kids)
	if p.pos < len(s) && s[p.pos] == closing {
		p.pos++
		p.skipSpaces()
		return n, true
	}
	for {
		if p.flowLineEnds() {
			return p.unclosedFlow()
		}
		if n.Kind == Mapping {
			start := p.pos
			k, ok := p.flowScalar()
			if !ok {
				return nil, false
			}
			if p.flowLineEnds() {
				return p.unclosedFlow()
			}
			if s[p.pos] != ':' || !p.atBlankz(p.pos+1) || p.pos-start > maxSimpleKey {
				return nil, false
			}
			p.kids = append(p.kids, k)
			p.pos++
			p.skipSpaces()
			if p.flowLineEnds() {
				return p.unclosedFlow()
			}
		}
		var v *Node
		var ok bool
		if s[p.pos] == '[' || s[p.pos] == '{' {
			v, ok = p.flow(depth + 1)
		} else {
			v, ok = p.flowScalar()
		}
		if !ok {
			return nil, false
		}
		p.kids = append(p.kids, v)
		if p.flowLineEnds() {
			return p.unclosedFlow()
		}
		switch s[p.pos] {
		case ',':
			p.pos++
			p.skipSpaces()
			// A trailing comma is legal YAML, but rare: leave it to yaml.v3.
			if p.pos < len(s) && s[p.pos] == closing {
				return nil, false
			}
			continue
		case closing:
			p.pos++
			p.finish(n, base)
			p.skipSpaces()
			return n, true
		}
		return nil, false
	}
}

// flowLineEnds reports whether the line ends at p.pos, inside a flow
// collection.
func (p *fastParser) flowLineEnds() bool {
	return p.atBreak(p.pos) || (p.src[p.pos] == '#' && p.src[p.pos-1] == ' ')
}

// flowScalar parses a quoted or plain scalar inside a flow collection.
func (p *fastParser) flowScalar() (*Node, bool) {
	if c := p.src[p.pos]; c == '"' || c == '\'' {
		return p.quoted()
	}
	if p.badStart(p.pos) {
		return nil, false
	}
	return p.plain(true)
}

// unclosedFlow handles a flow collection that does not end on its line.
// That is valid YAML if it is closed further on. If no bracket opens or
// closes on the following lines and the collection is still open at the
// end of the input, the innermost collection open at the end of its first
// line is certainly unclosed, and every error yaml.v3 finds in the rest is
// noticed inside it. The scan skips quoted scalars and comments roughly as
// yaml.v3 does; yaml.v3's message confirms or overrules it.
func (p *fastParser) unclosedFlow() (*Node, bool) {
	s := p.src
	var open []int // offsets of the brackets not closed yet
	firstLine := true
	i := p.flowStart
	for i < len(s) {
		switch c := s[i]; c {
		case '[', '{', ']', '}':
			if !firstLine {
				return nil, false // the rest is not simple enough to be sure
			}
			if c == '[' || c == '{' {
				open = append(open, i)
			} else if open = open[:len(open)-1]; len(open) == 0 {
				return nil, false // closed after all
			}
		case '\'', '"':
			if prev := s[i-1]; strings.IndexByte(" \t\n[{,:", prev) < 0 {
				break // inside a plain scalar
			}
			j := closingQuote(s, i)
			if j < 0 {
				return nil, false // an unclosed quote is the first problem
			}
			i = j
		case '#':
			if prev := s[i-1]; prev != ' ' && prev != '\t' && prev != '\n' {
				break
			}
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				i = len(s)
				continue
			}
			i += j
			continue
		case '\n':
			firstLine = false
			// A document marker ends the collection for yaml.v3.
			if m := s[i+1:]; (strings.HasPrefix(m, "---") || strings.HasPrefix(m, "...")) && p.atBlankzTab(i+4) {
				i = len(s)
				continue
			}
		}
		i++
	}
	at := open[len(open)-1]
	line, _ := p.lineCol(at)
	if s[at] == '{' {
		return p.fail(at, "while parsing a flow mapping", v3Expect{msgFlowMapUnended, line, 0}, v3Expect{msgNodeContent, 0, 0})
	}
	return p.fail(at, "while parsing a flow sequence", v3Expect{msgFlowSeqUnended, line, 0}, v3Expect{msgNodeContent, 0, 0})
}

// closingQuote returns the offset of the quote closing the quoted scalar
// that opens at s[i], or -1.
func closingQuote(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case q:
			if q == '\'' && j+1 < len(s) && s[j+1] == '\'' {
				j++
				continue
			}
			return j
		case '\\':
			if q == '"' {
				j++
			}
		}
	}
	return -1
}

// blockScalar parses a literal (|) or folded (>) block scalar with an
// optional chomping indicator, in a block collection indented parent with
// scope sc. It refuses what needs yaml.v3's finer rules: indentation
// indicators, blank lines before the first content line, whitespace-only
// lines deeper than the content, more-indented lines in a folded scalar,
// tabs, a scalar without content and a last line without a line break.
func (p *fastParser) blockScalar(parent int, sc scope) (*Node, bool) {
	s := p.src
	n := p.newNode(Scalar, p.pos)
	literal := s[p.pos] == '|'
	p.pos++
	chomp := 0 // -1 strip, 0 clip, +1 keep
	if p.pos < len(s) && (s[p.pos] == '-' || s[p.pos] == '+') {
		chomp = 1
		if s[p.pos] == '-' {
			chomp = -1
		}
		p.pos++
	}
	if !p.atBlankz(p.pos) || !p.endLine() {
		return nil, false
	}
	indent := -1
	breaks := 0 // empty lines since the last content line
	var b []byte
	for p.pos < len(s) {
		sp := 0
		for p.pos+sp < len(s) && s[p.pos+sp] == ' ' {
			sp++
		}
		if (indent < 0 || sp < indent) && p.pos+sp < len(s) && s[p.pos+sp] == '\t' {
			// A tab where yaml.v3 is still reading the indentation.
			return p.failTab(p.pos+sp, v3Expect{msgTabBlockScalar, n.Line, p.line})
		}
		eol := strings.IndexByte(s[p.pos:], '\n')
		if eol < 0 {
			return nil, false // last line without a break
		}
		eol += p.pos
		end := eol
		if s[end-1] == '\r' && end-1 >= p.pos+sp {
			end--
		}
		if p.pos+sp == end { // an empty line
			if indent < 0 || sp > indent {
				return nil, false
			}
			breaks++
		} else {
			if indent < 0 {
				if sp <= parent {
					return nil, false
				}
				indent = sp
			}
			if sp < indent {
				break // the scalar ends before this line
			}
			if (!literal && sp > indent) || strings.IndexByte(s[p.pos+indent:end], '\t') >= 0 {
				return nil, false
			}
			switch {
			case b == nil:
			case literal || breaks > 0:
				for k := 0; k < breaks+1; k++ {
					if !literal && k == 0 {
						continue // folded: empty lines replace the joining break
					}
					b = append(b, '\n')
				}
			default:
				b = append(b, ' ')
			}
			if b == nil {
				b = make([]byte, 0, 2*(end-p.pos))
			}
			b = append(b, s[p.pos+indent:end]...)
			breaks = 0
		}
		p.pos = eol + 1
		p.line++
		p.lineStart = p.pos
	}
	if indent < 0 {
		return nil, false
	}
	switch chomp {
	case 0:
		b = append(b, '\n')
	case 1:
		for k := 0; k <= breaks; k++ {
			b = append(b, '\n')
		}
	}
	n.Value = p.strBytes(b)
	p.comment = false
	if !p.nextContent() || !p.lineAfter(false, parent, sc, n.Line) {
		return nil, false
	}
	return n, true
}
