package yamltree

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/designdoc-cli/designdoc/internal/design/yamltree/internal/libyaml"
)

// locateV3Error turns a yaml.v3 error into a *SyntaxError at the position
// of the mistake.
//
// yaml.v3's messages carry at most a line, computed inconsistently: parser
// errors give the 0-based line of the enclosing construct (so one line
// early, and nothing at all on line 1), encoding errors and unknown aliases
// give none. So the stream is replayed through a copy of yaml.v3's own
// parser (internal/libyaml) that exposes the exact marks. Should the copy
// find nothing, the line in yaml.v3's message is used as a last resort.
func locateV3Error(data []byte, v3msg string) *SyntaxError {
	if pr, ok := libyaml.FirstProblem(data, MaxDepth); ok {
		return problemError(data, pr)
	}
	msg := strings.TrimPrefix(v3msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line, msg = n, rest[i+2:]
			}
		}
	}
	return &SyntaxError{Line: max(line, 1), Column: 1, Msg: msg}
}

// problemError chooses which of a problem's marks is the mistake and words
// the message.
func problemError(data []byte, pr libyaml.Problem) *SyntaxError {
	switch pr.Kind {
	case libyaml.Reader:
		line, col := offsetPosition(data, pr.Offset)
		msg := pr.Problem
		switch {
		case pr.Problem == "control characters are not allowed":
			msg += fmt.Sprintf(" (found U+%04X)", pr.Value)
		case pr.Value >= 0 && pr.Value <= 0xff && strings.Contains(pr.Problem, "octet"):
			msg += fmt.Sprintf(" (byte 0x%02x)", pr.Value)
		}
		return &SyntaxError{Line: line, Column: col, Msg: msg}
	case libyaml.UnknownAlias:
		return &SyntaxError{Line: pr.ProblemMark.Line, Column: pr.ProblemMark.Column, Msg: pr.Problem}
	case libyaml.TooDeep:
		return depthError(pr.ProblemMark.Line, pr.ProblemMark.Column)
	case libyaml.ExtraDocument:
		return extraDocumentError(pr.ProblemMark.Line, pr.ProblemMark.Column)
	}

	// Where the problem was noticed is usually the mistake. It is not when
	// the parser ran on to the end of the stream or to a later line looking
	// for the end of something left open (a quote, a flow collection, a
	// key's ':'): then the start of that construct is what to fix.
	useContext := pr.ContextMark != (libyaml.Mark{}) && (pr.AtEnd ||
		pr.Problem == "found unexpected end of stream" ||
		pr.Problem == "could not find expected ':'" ||
		(strings.HasPrefix(pr.Context, "while parsing a flow") && pr.ProblemMark.Line > pr.ContextMark.Line))
	at, other := pr.ProblemMark, pr.ContextMark
	if useContext {
		at, other = pr.ContextMark, pr.ProblemMark
	}
	msg := pr.Problem
	if isTabAt(data, pr.ProblemMark) && !useContext {
		// "found character that cannot start any token" says nothing about
		// the usual cause: an editor indenting with a tab.
		msg = "found a tab character where YAML expects spaces or a token (tabs cannot indent YAML)"
	} else if pr.Context != "" && pr.Context != "while scanning for the next token" {
		msg += " " + pr.Context
	}
	switch {
	case useContext && pr.AtEnd:
		msg += " (noticed at the end of the input)"
	case useContext && other != at:
		msg += fmt.Sprintf(" (noticed at line %d, column %d)", other.Line, other.Column)
	case !useContext && pr.Context != "" && other != (libyaml.Mark{}) && other != at && !strings.HasPrefix(msg, "found a tab"):
		msg += fmt.Sprintf(" that starts at line %d, column %d", other.Line, other.Column)
	}
	if at.Line < 1 || at.Column < 1 {
		at = libyaml.Mark{Line: 1, Column: 1}
	}
	return &SyntaxError{Line: at.Line, Column: at.Column, Msg: msg}
}

func extraDocumentError(line, col int) *SyntaxError {
	if line < 1 || col < 1 {
		line, col = 1, 1
	}
	return &SyntaxError{Line: line, Column: col, Msg: "more than one YAML document (only one is allowed)"}
}

// offsetPosition converts the byte offset of an encoding problem into the
// 1-based line and column of the character it belongs to, counting as
// yaml.v3 does: a leading byte order mark takes no column, CR LF is one line
// break, and CR, LF, NEL, LS and PS each end a line.
func offsetPosition(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line, col = 1, 1
	var prevCR bool
	step := func(r rune) {
		switch r {
		case '\n':
			if !prevCR {
				line++
			}
			col = 1
		case '\r', 0x85, 0x2028, 0x2029:
			line++
			col = 1
		default:
			col++
		}
		prevCR = r == '\r'
	}
	// yaml.v3 decodes UTF-16 when the stream starts with its byte order
	// mark; the offset then counts UTF-16 bytes.
	if len(data) >= 2 && (data[0] == 0xfe && data[1] == 0xff || data[0] == 0xff && data[1] == 0xfe) {
		big := data[0] == 0xfe
		units := make([]uint16, 0, off/2)
		for i := 2; i+1 < off; i += 2 {
			if big {
				units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
			} else {
				units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
			}
		}
		for _, r := range utf16.Decode(units) {
			step(r)
		}
		return line, col
	}
	i := 0
	if len(data) >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf {
		i = 3
	}
	// Stop at the offset or at the start of the first invalid sequence,
	// whichever comes first: yaml.v3 points at the bad trailing byte of a
	// sequence, but the character that is wrong starts at its lead byte.
	for i < off {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		step(r)
		i += size
	}
	return line, col
}

// isTabAt reports whether the character at m is a tab. It only runs on the
// error path, so a scan from the start is fine.
func isTabAt(data []byte, m libyaml.Mark) bool {
	line, col, i := 1, 1, 0
	if len(data) >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf {
		i = 3 // the byte order mark takes no column
	}
	for i < len(data) && line <= m.Line {
		r, size := utf8.DecodeRune(data[i:])
		if line == m.Line && col == m.Column {
			return r == '\t'
		}
		switch r {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				size++
			}
			line, col = line+1, 1
		case '\n', 0x85, 0x2028, 0x2029:
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return false
}
