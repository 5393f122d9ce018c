package yamltree

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// ParseJSON parses one strict JSON value (RFC 8259) into the same tree Parse
// builds, so the loader can accept answers written as JSON.
//
// Every node carries the 1-based line and rune-counted column of its first
// character (the opening quote of a string). Strings become scalars with
// Plain=false; numbers, true, false and null become scalars with Plain=true
// and their literal text as Value, so they resolve like plain YAML scalars.
// Trailing commas, comments, NaN, single quotes, a byte order mark,
// invalid UTF-8, anything after the value and nesting deeper than MaxDepth
// are errors; every error is a *SyntaxError with its position.
//
// A hand-written scanner is used rather than encoding/json's Decoder: the
// Decoder reports offsets only between tokens, not for the offending byte,
// and allocates an interface value per token.
func ParseJSON(data []byte) (*Node, error) {
	// data is read in place; the tree gets copies of its strings (see
	// interner), so it does not refer to data afterwards.
	p := jsonParser{src: unsafe.String(unsafe.SliceData(data), len(data)), line: 1, colPos: 0, col: 1, strs: newInterner(len(data))}
	p.skipSpace()
	if p.pos >= len(p.src) {
		return nil, p.errorf(p.pos, "unexpected end of JSON input")
	}
	n, err := p.value(1)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		return nil, p.badChar(p.pos, "after top-level value")
	}
	return n, nil
}

type jsonParser struct {
	src  string
	pos  int
	line int
	// colPos and col cache the rune column of one byte offset on the
	// current line, so computing a column costs only the runes since the
	// previous one, even on a 10 MB single-line document.
	colPos int
	col    int
	a      arena
	kids   []*Node   // stack of children of the open collections
	strs   *interner // copies the tree's strings out of src
}

// column returns the 1-based rune column of byte offset pos, which must
// not be before the previous call's on the same line.
func (p *jsonParser) column(pos int) int {
	if pos < p.colPos {
		// Not expected, but stay correct: recount from the line start.
		start := strings.LastIndexAny(p.src[:pos], "\n\r") + 1
		return 1 + utf8.RuneCountInString(p.src[start:pos])
	}
	p.col += utf8.RuneCountInString(p.src[p.colPos:pos])
	p.colPos = pos
	return p.col
}

func (p *jsonParser) errorf(pos int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Line: p.line, Column: p.column(pos), Msg: fmt.Sprintf(format, args...)}
}

// badChar reports the byte at pos as unexpected in context.
func (p *jsonParser) badChar(pos int, context string) *SyntaxError {
	if pos >= len(p.src) {
		return p.errorf(pos, "unexpected end of JSON input")
	}
	r, size := utf8.DecodeRuneInString(p.src[pos:])
	if r == utf8.RuneError && size <= 1 {
		return p.errorf(pos, "invalid UTF-8 byte 0x%02x %s", p.src[pos], context)
	}
	return p.errorf(pos, "invalid character %s %s", quoteRune(r), context)
}

func quoteRune(r rune) string {
	if r == '\'' {
		return `'\''`
	}
	if r == '"' {
		return `'"'`
	}
	s := strconv.QuoteRune(r)
	return s
}

// skipSpace skips JSON whitespace, counting lines. A CR LF pair and a lone
// CR each end a line, as in YAML.
func (p *jsonParser) skipSpace() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t':
			p.pos++
		case '\n':
			p.pos++
			p.newLine()
		case '\r':
			p.pos++
			if p.pos < len(p.src) && p.src[p.pos] == '\n' {
				p.pos++
			}
			p.newLine()
		default:
			return
		}
	}
}

func (p *jsonParser) newLine() {
	p.line++
	p.colPos = p.pos
	p.col = 1
}

func (p *jsonParser) scalar(pos int, value string, plain bool) *Node {
	n := p.a.node()
	n.Kind = Scalar
	n.Value = p.strs.str(value)
	n.Plain = plain
	n.Line = p.line
	n.Column = p.column(pos)
	return n
}

// value parses the value at p.pos (not whitespace) found at nesting level
// depth.
func (p *jsonParser) value(depth int) (*Node, error) {
	start := p.pos
	if start >= len(p.src) {
		return nil, p.errorf(start, "unexpected end of JSON input")
	}
	switch c := p.src[start]; {
	case c == '{' || c == '[':
		return p.collection(depth)
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return p.scalar(start, s, false), nil
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	case c == '-' || ('0' <= c && c <= '9'):
		return p.number()
	}
	return nil, p.badChar(start, "looking for beginning of value")
}

func (p *jsonParser) collection(depth int) (*Node, error) {
	start := p.pos
	n := p.a.node()
	n.Kind = Sequence
	closing := byte(']')
	if p.src[start] == '{' {
		n.Kind = Mapping
		closing = '}'
	}
	n.Flow = true
	n.Line = p.line
	n.Column = p.column(start)
	if depth > MaxDepth {
		return nil, depthError(n.Line, n.Column)
	}
	p.pos++
	base := len(p.kids)
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == closing {
		p.pos++
		return n, nil
	}
	for {
		if n.Kind == Mapping {
			if p.pos >= len(p.src) || p.src[p.pos] != '"' {
				return nil, p.badChar(p.pos, "looking for beginning of object key string")
			}
			kpos := p.pos
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			p.kids = append(p.kids, p.scalar(kpos, k, false))
			p.skipSpace()
			if p.pos >= len(p.src) || p.src[p.pos] != ':' {
				return nil, p.badChar(p.pos, "after object key")
			}
			p.pos++
			p.skipSpace()
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.kids = append(p.kids, v)
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errorf(p.pos, "unexpected end of JSON input")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
			p.skipSpace()
			continue
		case closing:
			p.pos++
			n.Content = p.a.content(p.kids[base:])
			clear(p.kids[base:])
			p.kids = p.kids[:base]
			return n, nil
		}
		if n.Kind == Mapping {
			return nil, p.badChar(p.pos, "after object key:value pair")
		}
		return nil, p.badChar(p.pos, "after array element")
	}
}

func (p *jsonParser) literal(word string) (*Node, error) {
	start := p.pos
	for i := 0; i < len(word); i++ {
		if start+i >= len(p.src) {
			return nil, p.errorf(start+i, "unexpected end of JSON input")
		}
		if p.src[start+i] != word[i] {
			return nil, p.badChar(start+i, fmt.Sprintf("in literal %s (expecting %q)", word, word[i]))
		}
	}
	p.pos += len(word)
	return p.scalar(start, word, true), nil
}

// number scans an RFC 8259 number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonParser) number() (*Node, error) {
	start := p.pos
	s := p.src
	i := start
	if s[i] == '-' {
		i++
	}
	digits := func(what string) error {
		if i >= len(s) {
			return p.errorf(i, "unexpected end of JSON input")
		}
		if s[i] < '0' || s[i] > '9' {
			return p.badChar(i, what)
		}
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return nil
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if err := digits("in numeric literal"); err != nil {
		return nil, err
	}
	if i < len(s) && s[i] == '.' {
		i++
		if err := digits("after decimal point in numeric literal"); err != nil {
			return nil, err
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if err := digits("in exponent of numeric literal"); err != nil {
			return nil, err
		}
	}
	p.pos = i
	return p.scalar(start, s[start:i], true), nil
}

// str scans the string starting at the quote at p.pos and returns its
// decoded value. Strings without escapes are substrings of the input.
func (p *jsonParser) str() (string, error) {
	s := p.src
	i := p.pos + 1
	// Fast scan up to the closing quote or the first escape.
	for i < len(s) {
		c := s[i]
		if c == '"' {
			v := s[p.pos+1 : i]
			p.pos = i + 1
			return v, nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", p.badChar(i, "in string literal")
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return "", p.errorf(i, "invalid UTF-8 byte 0x%02x in string literal", c)
		}
		i += size
	}
	if i >= len(s) {
		return "", p.errorf(i, "unexpected end of JSON input")
	}
	var b strings.Builder
	b.WriteString(s[p.pos+1 : i])
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return b.String(), nil
		case c == '\\':
			if i+1 >= len(s) {
				return "", p.errorf(i+1, "unexpected end of JSON input")
			}
			esc := s[i+1]
			switch esc {
			case '"', '\\', '/':
				b.WriteByte(esc)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, err := p.hex4(i + 2)
				if err != nil {
					return "", err
				}
				i += 6
				if utf16.IsSurrogate(r) {
					// A valid pair combines; a lone surrogate becomes
					// U+FFFD, as encoding/json does.
					if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
						if r2, ok := hexRune(s[i+2:]); ok {
							if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
								b.WriteRune(dec)
								i += 6
								continue
							}
						}
					}
					r = utf8.RuneError
				}
				b.WriteRune(r)
				continue
			default:
				return "", p.badChar(i+1, "in string escape code")
			}
			i += 2
		case c < 0x20:
			return "", p.badChar(i, "in string literal")
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "", p.errorf(i, "invalid UTF-8 byte 0x%02x in string literal", c)
			}
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return "", p.errorf(i, "unexpected end of JSON input")
}

// hex4 decodes the four hex digits of a \u escape starting at i.
func (p *jsonParser) hex4(i int) (rune, error) {
	var r rune
	for j := i; j < i+4; j++ {
		if j >= len(p.src) {
			return 0, p.errorf(j, "unexpected end of JSON input")
		}
		d, ok := hexDigit(p.src[j])
		if !ok {
			return 0, p.badChar(j, "in \\u hexadecimal character escape")
		}
		r = r<<4 | rune(d)
	}
	return r, nil
}

// hexRune decodes four hex digits at the start of s.
func hexRune(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for j := 0; j < 4; j++ {
		d, ok := hexDigit(s[j])
		if !ok {
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
