package design

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with an answers file, at a position.
type Problem struct {
	File string
	Pos  Pos
	Path string // where in the answers, e.g. entities[1].relations[0].to; may be empty
	Msg  string

	first string // for a duplicate: the path of the first item of the name
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Pos.Known() {
		b.WriteString(":" + strconv.Itoa(p.Pos.Line) + ":" + strconv.Itoa(p.Pos.Column))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path + ": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// LoadError holds every problem found in one answers file, sorted by
// position, so a user can fix them all in one pass.
type LoadError struct {
	File     string
	Problems []Problem
}

func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	if len(lines) > 1 {
		if e.File == "" {
			return fmt.Sprintf("%d problems\n%s", len(lines), strings.Join(lines, "\n"))
		}
		return fmt.Sprintf("%s: %d problems\n%s", e.File, len(lines), strings.Join(lines, "\n"))
	}
	return strings.Join(lines, "\n")
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

func quote(s string) string { return strconv.Quote(s) }
