package yamltree

import (
	"strings"
	"unicode/utf8"
)

// The fast path parses the YAML that answers files are written in (block
// mappings and sequences, single-line plain and quoted scalars, single-line
// flow collections, comments) an order of magnitude faster than yaml.v3 and
// with a fraction of the memory. It never reports an error: whenever the
// input leaves that subset, or is wrong, parseFast says so and Parse falls
// back to yaml.v3, so acceptance, error messages and positions stay
// yaml.v3's. Every tree it does build must equal the converted yaml.v3
// tree exactly; the differential tests and FuzzParse check that.
//
// The rules below mirror yaml.v3's scanner (internal/libyaml/scannerc.go)
// for that subset, and refuse anything whose handling there is subtle.

// maxSimpleKey bounds a key's length: yaml.v3 refuses an implicit key
// longer than 1024 characters, so longer ones go to the slow path.
const maxSimpleKey = 1000

// parseFast parses data if it lies in the fast subset. ok=false means
// "use yaml.v3", not necessarily that data is invalid.
func parseFast(data []byte) (root *Node, ok bool) {
	src := string(data)
	start := 0
	// yaml.v3 skips a leading byte order mark without counting a column.
	if strings.HasPrefix(src, "\ufeff") {
		start = 3
	}
	if !fastValid(src[start:]) {
		return nil, false
	}
	p := fastParser{src: src, pos: start, lineStart: start, line: 1}
	if !p.nextContent() {
		return nil, false
	}
	if p.ind < 0 {
		return nil, true // only blank lines and comments: no document
	}
	root, ok = p.blockNode(-1, 1)
	if !ok || p.ind >= 0 {
		return nil, false
	}
	return root, true
}

// fastValid reports whether s has only characters the fast path handles
// without thinking: printable characters, LF and CR LF line breaks. Tabs,
// lone CRs, the other YAML line breaks (NEL, LS, PS), byte order marks and
// anything yaml.v3 rejects (invalid UTF-8, control characters) send the
// document to yaml.v3.
func fastValid(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c-0x20 < 0x7f-0x20 || c == '\n' {
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
			return false // tab, other C0 controls, DEL
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
	// nextContent; -1 at the end of the input.
	ind  int
	a    arena
	kids []*Node // children of the collections being built, as a stack
}

// col returns the 1-based column of offset pos on the current line, in
// runes as yaml.v3 counts.
func (p *fastParser) col(pos int) int {
	return 1 + utf8.RuneCountInString(p.src[p.lineStart:pos])
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
// content, skipping blank and comment lines, and sets p.ind. It fails on
// document markers and directives.
func (p *fastParser) nextContent() bool {
	for {
		if p.pos >= len(p.src) {
			p.ind = -1
			return true
		}
		i := p.pos
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		if p.atBreak(i) || p.src[i] == '#' {
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

// isEntry reports whether a block sequence entry ("- " or a lone "-")
// starts at pos.
func (p *fastParser) isEntry(pos int) bool {
	return pos < len(p.src) && p.src[pos] == '-' && p.atBlankz(pos+1)
}

// blockNode parses the node that starts at p.pos, the first content of a
// line, inside a block collection indented parent (-1 for the document).
// depth is the nesting level the node would have as a collection. On
// return p.pos is at the next content line, whose indentation is in p.ind.
func (p *fastParser) blockNode(parent, depth int) (*Node, bool) {
	if p.isEntry(p.pos) {
		return p.blockSequence(p.ind, depth, false)
	}
	return p.inlineNode(parent, p.ind, depth, true)
}

// inlineNode parses a node at p.pos, at column indent, that is either a
// scalar or flow collection ending its line, or the first key of a block
// mapping at that column when mapOK.
func (p *fastParser) inlineNode(parent, indent, depth int, mapOK bool) (*Node, bool) {
	start := p.pos
	var n *Node
	var ok bool
	switch c := p.src[start]; c {
	case '[', '{':
		if parent < 0 {
			return nil, false // a flow document may span lines; rare
		}
		n, ok = p.flow(depth)
	case '"', '\'':
		n, ok = p.quoted()
	case '|', '>':
		if parent < 0 {
			return nil, false
		}
		return p.blockScalar(parent)
	default:
		n, ok = p.plain(false)
	}
	if !ok {
		return nil, false
	}
	if p.pos < len(p.src) && p.src[p.pos] == ':' && p.atBlankz(p.pos+1) {
		if !mapOK || n.Kind != Scalar || p.pos-start > maxSimpleKey {
			return nil, false
		}
		return p.blockMapping(n, indent, depth)
	}
	if parent < 0 || !p.endLine() || !p.nextContent() {
		return nil, false
	}
	// A more indented line would continue a plain scalar or be an error.
	if p.ind > parent {
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
	base := len(p.kids)
	for {
		p.kids = append(p.kids, key)
		colon := p.pos
		p.pos++ // ':'
		val, ok := p.value(indent, colon, depth+1)
		if !ok {
			return nil, false
		}
		p.kids = append(p.kids, val)
		if p.ind < indent {
			break
		}
		if p.ind > indent || p.isEntry(p.pos) {
			return nil, false
		}
		start := p.pos
		switch p.src[start] {
		case '"', '\'':
			key, ok = p.quoted()
		default:
			key, ok = p.plain(false)
		}
		if !ok || p.pos >= len(p.src) || p.src[p.pos] != ':' || !p.atBlankz(p.pos+1) || p.pos-start > maxSimpleKey {
			return nil, false
		}
	}
	p.finish(m, base)
	return m, true
}

// value parses a mapping value after the ':' at offset colon, for a
// mapping at column indent.
func (p *fastParser) value(indent, colon, depth int) (*Node, bool) {
	p.skipSpaces()
	if p.atBreak(p.pos) || p.src[p.pos] == '#' {
		// yaml.v3 places an empty value just after the ':'.
		line, col := p.line, p.col(colon)+1
		if !p.endLine() || !p.nextContent() {
			return nil, false
		}
		switch {
		case p.ind > indent:
			return p.blockNode(indent, depth)
		case p.ind == indent && p.isEntry(p.pos):
			return p.blockSequence(indent, depth, true)
		}
		return p.null(line, col), true
	}
	if p.isEntry(p.pos) {
		return nil, false // "key: - x" is an error
	}
	return p.inlineNode(indent, indent, depth, false)
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
// shares its column with the mapping it is a value of.
func (p *fastParser) blockSequence(indent, depth int, indentless bool) (*Node, bool) {
	if depth > MaxDepth {
		return nil, false
	}
	s := p.newNode(Sequence, p.pos)
	base := len(p.kids)
	for {
		dash := p.pos
		p.pos++ // '-'
		item, ok := p.entry(indent, dash, depth+1)
		if !ok {
			return nil, false
		}
		p.kids = append(p.kids, item)
		if p.ind < indent || (p.ind == indent && indentless && !p.isEntry(p.pos)) {
			break
		}
		if p.ind > indent || !p.isEntry(p.pos) {
			return nil, false
		}
	}
	p.finish(s, base)
	return s, true
}

// entry parses a block sequence entry after the '-' at offset dash.
func (p *fastParser) entry(indent, dash, depth int) (*Node, bool) {
	p.skipSpaces()
	if p.atBreak(p.pos) || p.src[p.pos] == '#' {
		// yaml.v3 places an empty entry just after the '-'.
		line, col := p.line, p.col(dash)+1
		if !p.endLine() || !p.nextContent() {
			return nil, false
		}
		if p.ind > indent {
			return p.blockNode(indent, depth)
		}
		return p.null(line, col), true
	}
	// Compact forms: "- - x" and "- key: value" open a collection at
	// this column; "- " is ASCII, so bytes and runes agree.
	col := p.pos - p.lineStart
	if p.isEntry(p.pos) {
		return p.blockSequence(col, depth, false)
	}
	return p.inlineNode(indent, col, depth, true)
}

// plain scans a single-line plain scalar at p.pos. In block context it
// ends at ": ", " #" or the end of the line; in flow context also at ",",
// "]" and "}". Scalars yaml.v3 might read differently (a start that is an
// indicator, '?' or ':' inside flow, a continuation line) are refused.
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
	n.Value = s[start:end]
	p.pos = end
	if flow {
		p.skipSpaces()
	}
	return n, true
}

// quoted scans a single-line single- or double-quoted scalar at p.pos and
// the spaces after it. Escapes other than the common ones, and line
// breaks, are refused.
func (p *fastParser) quoted() (*Node, bool) {
	start := p.pos
	s := p.src
	q := s[start]
	i := start + 1
	var b []byte // the value, once an escape forces a copy
	lit := i     // start of the literal run not yet copied to b
	for {
		if i >= len(s) {
			return nil, false
		}
		c := s[i]
		switch {
		case c == '\n' || c == '\r':
			return nil, false
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
				return nil, false
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
		n.Value = s[start+1 : i]
	} else {
		n.Value = string(append(b, s[lit:i]...))
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
		if n.Kind == Mapping {
			start := p.pos
			k, ok := p.flowScalar()
			if !ok || p.pos >= len(s) || s[p.pos] != ':' || !p.atBlankz(p.pos+1) || p.pos-start > maxSimpleKey {
				return nil, false
			}
			p.kids = append(p.kids, k)
			p.pos++
			p.skipSpaces()
		}
		var v *Node
		var ok bool
		if p.pos < len(s) && (s[p.pos] == '[' || s[p.pos] == '{') {
			v, ok = p.flow(depth + 1)
		} else {
			v, ok = p.flowScalar()
		}
		if !ok || p.pos >= len(s) {
			return nil, false
		}
		p.kids = append(p.kids, v)
		switch s[p.pos] {
		case ',':
			p.pos++
			p.skipSpaces()
			// A trailing comma is legal YAML, but rare: leave it to yaml.v3.
			if p.pos >= len(s) || s[p.pos] == closing {
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

// flowScalar parses a quoted or plain scalar inside a flow collection.
func (p *fastParser) flowScalar() (*Node, bool) {
	if p.pos >= len(p.src) {
		return nil, false
	}
	if c := p.src[p.pos]; c == '"' || c == '\'' {
		return p.quoted()
	}
	n, ok := p.plain(true)
	if !ok || p.atBreak(p.pos) || p.src[p.pos] == '#' {
		return nil, false // flow collections spanning lines go to yaml.v3
	}
	return n, true
}

// blockScalar parses a literal (|) or folded (>) block scalar with an
// optional chomping indicator, in a block collection indented parent. It
// refuses what needs yaml.v3's finer rules: indentation indicators, blank
// lines before the first content line, whitespace-only lines deeper than
// the content, more-indented lines in a folded scalar, a scalar without
// content and a last line without a line break.
func (p *fastParser) blockScalar(parent int) (*Node, bool) {
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
			if !literal && sp > indent {
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
	n.Value = string(b)
	if !p.nextContent() || p.ind > parent {
		return nil, false
	}
	return n, true
}
