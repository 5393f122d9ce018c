// Package libyaml is a verbatim copy of the libyaml port inside
// gopkg.in/yaml.v3 v3.0.1 (apic.go, parserc.go, readerc.go, scannerc.go,
// yamlh.go, yamlprivateh.go; MIT licensed, see LICENSE and NOTICE), with
// only the package clause changed and gofmt applied, plus this file.
//
// yamltree parses with gopkg.in/yaml.v3 itself. yaml.v3 reports errors as
// text with at most a line number, and that line is sometimes the start of
// the enclosing construct, sometimes one line early, and sometimes absent.
// The exact marks exist only inside its unexported parser, so when yaml.v3
// rejects a document, yamltree replays the same parser from this copy to
// find where the problem is. Only positions come from here; acceptance and
// messages remain yaml.v3's.
package libyaml

import "fmt"

// Kind classifies a Problem.
type Kind int

// The problem kinds.
const (
	// Reader is an encoding problem (invalid UTF-8, control character):
	// only Offset is known.
	Reader Kind = iota + 1
	// Scanner is a tokenizing problem.
	Scanner
	// Parser is a grammar problem at a token.
	Parser
	// UnknownAlias is an alias to an anchor not defined before it.
	UnknownAlias
	// TooDeep is a collection nested deeper than the limit passed to
	// FirstProblem.
	TooDeep
	// ExtraDocument is the start of a second document.
	ExtraDocument
)

// Mark is a 1-based position; Column counts characters, as yaml.v3 does.
type Mark struct {
	Line, Column int
}

// Problem is the first thing wrong with a YAML stream.
type Problem struct {
	Kind    Kind
	Problem string
	Context string // "while scanning a quoted scalar" and so on, or ""
	// ProblemMark is where the problem was noticed; ContextMark is the start
	// of the construct it was noticed in (zero when there is none).
	ProblemMark, ContextMark Mark
	// Offset is the byte offset of a Reader problem, and Value the offending
	// octet or character.
	Offset, Value int
	// AtEnd is true when a Parser problem was noticed at the end of the
	// stream, so ProblemMark points past the last line.
	AtEnd bool
}

func mark(m yaml_mark_t) Mark { return Mark{Line: m.line + 1, Column: m.column + 1} }

// FirstProblem parses data as yaml.v3 does and returns the first problem in
// stream order: a syntax error, an alias to an unknown anchor, a collection
// nested deeper than maxDepth (the outermost collection is level 1), or a
// second document. ok is false when the stream has none of these.
func FirstProblem(data []byte, maxDepth int) (pr Problem, ok bool) {
	defer func() {
		// The copy shares yaml.v3's rare internal panics; a missing
		// position is better than a crash.
		if r := recover(); r != nil {
			pr, ok = Problem{Kind: Scanner, Problem: fmt.Sprint(r)}, false
		}
	}()
	var p yaml_parser_t
	if !yaml_parser_initialize(&p) {
		return Problem{}, false
	}
	defer yaml_parser_delete(&p)
	if len(data) == 0 {
		return Problem{}, false
	}
	yaml_parser_set_input_string(&p, data)
	anchors := map[string]bool{}
	depth, docs := 0, 0
	var ev yaml_event_t
	for {
		if !yaml_parser_parse(&p, &ev) || p.error != yaml_NO_ERROR {
			return parserProblem(&p), p.error != yaml_NO_ERROR
		}
		switch ev.typ {
		case yaml_STREAM_END_EVENT:
			return Problem{}, false
		case yaml_DOCUMENT_START_EVENT:
			docs++
			if docs > 1 {
				return Problem{Kind: ExtraDocument, ProblemMark: mark(ev.start_mark)}, true
			}
		case yaml_ALIAS_EVENT:
			if !anchors[string(ev.anchor)] {
				return Problem{Kind: UnknownAlias, Problem: fmt.Sprintf("unknown anchor '%s' referenced", ev.anchor), ProblemMark: mark(ev.start_mark)}, true
			}
		case yaml_SEQUENCE_START_EVENT, yaml_MAPPING_START_EVENT:
			depth++
			if depth > maxDepth {
				return Problem{Kind: TooDeep, ProblemMark: mark(ev.start_mark)}, true
			}
		case yaml_SEQUENCE_END_EVENT, yaml_MAPPING_END_EVENT:
			depth--
		}
		if len(ev.anchor) > 0 && ev.typ != yaml_ALIAS_EVENT {
			anchors[string(ev.anchor)] = true
		}
		yaml_event_delete(&ev)
	}
}

func parserProblem(p *yaml_parser_t) Problem {
	pr := Problem{
		Problem:     p.problem,
		Context:     p.context,
		ProblemMark: mark(p.problem_mark),
		Offset:      p.problem_offset,
		Value:       p.problem_value,
	}
	if p.context != "" || p.context_mark != (yaml_mark_t{}) {
		pr.ContextMark = mark(p.context_mark)
	}
	switch p.error {
	case yaml_READER_ERROR:
		pr.Kind = Reader
	case yaml_SCANNER_ERROR:
		pr.Kind = Scanner
	default:
		pr.Kind = Parser
		// The parser stops at the token it could not use, still queued.
		if p.tokens_head < len(p.tokens) && p.tokens[p.tokens_head].typ == yaml_STREAM_END_TOKEN {
			pr.AtEnd = true
		}
	}
	return pr
}
