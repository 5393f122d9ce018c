package yamltree

import (
	"runtime"
	"strings"
	"sync"
)

// A long block sequence (the entities of a large design) is parsed in
// pieces, one goroutine each, cut at the lines where its entries start.
// In the fast subset such a line cannot be inside anything else: block
// scalars and continued plain scalars end at a line indented no more than
// the sequence, and quoted scalars and flow collections that would cross
// lines are outside the subset. Should a cut land inside one anyway, the
// piece before it fails, and the sequence is parsed again in one pass,
// which then fails or falls back exactly as it always did: the pieces
// only ever stand in for a pass that would have succeeded, with the same
// nodes, lines and columns.

// parallelMinBytes is the size of sequence worth cutting up; below it,
// starting goroutines costs more than it saves. Tests lower it to run
// every sequence through the parallel path.
var parallelMinBytes = 256 << 10

// parallelPieces is how many pieces a sequence is cut into; 0 is one per
// core (GOMAXPROCS).
var parallelPieces = 0

// piece is a run of whole entries, from offset start (a line start) to
// end, whose first line is line.
type piece struct {
	start, end, line int
}

// entriesInParallel parses the entries of the block sequence at column
// indent, from the '-' at p.pos, in pieces, onto p.kids. It reports false,
// with the parser as it found it, when the sequence is too short to cut,
// when the tree's strings are being copied (the interner is not safe for
// concurrent use), when p parses a piece itself (the sequences within
// one are short), or when a piece fails.
func (p *fastParser) entriesInParallel(indent, depth int, sc scope) bool {
	n := parallelPieces
	if n == 0 {
		n = runtime.GOMAXPROCS(0)
	}
	if n < 2 || p.piece || p.strs != nil || p.flowStart >= 0 || len(p.src)-p.pos < parallelMinBytes {
		return false
	}
	pieces, end, endLine, ok := p.cut(indent, n)
	if !ok || len(pieces) < 2 || end-p.lineStart < parallelMinBytes {
		return false
	}
	parsers := make([]*fastParser, len(pieces))
	var wg sync.WaitGroup
	for i, pc := range pieces {
		q := &fastParser{
			src: p.src[:pc.end], pos: pc.start + indent, lineStart: pc.start, line: pc.line,
			ind: indent, flowStart: -1, piece: true,
		}
		parsers[i] = q
		wg.Go(func() {
			if !q.entries(indent, depth, false, sc) {
				q.kids = nil
				q.err = &fastError{} // marks the failure; never reported
			}
		})
	}
	wg.Wait()
	for _, q := range parsers {
		if q.err != nil {
			return false
		}
	}
	// Where one pass would be now: at the first content line after the
	// sequence, having skipped the same blank and comment lines.
	saved := *p
	p.pos, p.lineStart, p.line = end, end, endLine
	p.comment = parsers[len(parsers)-1].comment
	if !p.nextContent() {
		*p = saved
		return false
	}
	for _, q := range parsers {
		p.kids = append(p.kids, q.kids...)
	}
	return true
}

// cut finds where the entries of the sequence at column indent start,
// from the first one at p.pos, and groups them into at most n pieces of
// about equal size. end is the start of the first line after the sequence
// (a content line indented less than it, or the end of the input), and
// endLine its number. ok is false when a line of the sequence is indented
// with a tab, which the one pass handles with more care.
func (p *fastParser) cut(indent, n int) (pieces []piece, end, endLine int, ok bool) {
	s := p.src
	type start struct{ off, line int }
	starts := []start{{p.lineStart, p.line}}
	i, line := p.lineStart, p.line
	for {
		// Move to the next line.
		k := strings.IndexByte(s[i:], '\n')
		if k < 0 {
			end, endLine = len(s), line
			break
		}
		i, line = i+k+1, line+1
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j >= len(s) {
			end, endLine = len(s), line
			break
		}
		switch s[j] {
		case '\t':
			return nil, 0, 0, false
		case '\n', '\r', '#':
			continue // blank or comment: no one's indentation
		}
		if j-i < indent {
			end, endLine = i, line
			break
		}
		if j-i == indent && s[j] == '-' && (j+1 >= len(s) || s[j+1] == ' ' || s[j+1] == '\n' || s[j+1] == '\r') {
			starts = append(starts, start{i, line})
		}
	}
	// Cut before the entry nearest each n-th of the sequence's bytes.
	size := end - p.lineStart
	next := 0
	for k := 1; k <= n && next < len(starts); k++ {
		from := starts[next]
		want := p.lineStart + size*k/n
		last := next + 1
		for last < len(starts) && starts[last].off <= want {
			last++
		}
		to := end
		if k < n && last < len(starts) {
			to = starts[last].off
		} else {
			last = len(starts)
		}
		pieces = append(pieces, piece{start: from.off, end: to, line: from.line})
		next = last
	}
	return pieces, end, endLine, true
}
