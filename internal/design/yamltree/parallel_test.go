package yamltree

import (
	"fmt"
	"strings"
	"testing"
)

// Every test of the package parses sequences in pieces wherever the fast
// path may (the tree's strings uncopied: ParseOwned, parseFast with no
// interner), three to a sequence however short, so that checkParse and
// FuzzParse, which hold ParseOwned to Parse (always one pass), try the
// cuts on every input.
func init() {
	parallelMinBytes = 0
	parallelPieces = 3
}

// withSettings runs f with the parallel path's settings changed.
func withSettings(t *testing.T, minBytes, pieces int, f func()) {
	t.Helper()
	oldMin, oldPieces := parallelMinBytes, parallelPieces
	parallelMinBytes, parallelPieces = minBytes, pieces
	defer func() { parallelMinBytes, parallelPieces = oldMin, oldPieces }()
	f()
}

// The pieces give the tree and the error of one pass: on a large answers
// file at the default size and on every sequence of a small one, cut in
// 2 to 7 pieces, and on sequences a cut can land inside of.
func TestPiecesParseLikeOnePass(t *testing.T) {
	inputs := []string{
		genAnswers(3),
		"a:\n  - x\n  - y\n  - z\nb: 1\n",
		"- 1\n- 2\n- 3\n- 4\n",
		"- a\n\n# c\n- b\n  # c\n- c\n# end\n",
		"k:\n- a\n- b\n- c\n",        // indentless: one pass
		"- - a\n  - b\n  - c\n- d\n", // compact nested
		"- a: 1\n  b: |\n    text\n    - not an entry\n- c: 2\n- d: 3\n",
		"- a: |+\n    x\n\n\n- b\n- c\n",
		"- 'one\n- two'\n- three\n- four\n",      // a cut inside a quoted scalar
		"- [a,\n- b]\n- c\n- d\n",                // inside a flow collection
		"- a\n  - b\n- c\n- d\n",                 // a mistake in a piece
		"- a\n- b\n-\tc\n- d\n",                  // a tab after a dash
		"- a\n- b\n- c\n\t- d\n",                 // a tab indenting a line
		"- a\n- b\n- c\n---\n- d\n",              // a document marker after the sequence
		"- a\n- b\n- c\n# c\n\tx: 1\n",           // a tab after a comment line
		"a:\n  - x\n  - y\n  - z\n b: 1\n",       // a bad indentation after it
		"a:\n  - x\n  - y\n  - &z 1\nb: *z\n",    // an anchor in a piece
		"- a\r\n- b\r\n\r\n- c\r\n- d\r\n",       // CR LF
		"a:\n  - x\n  - y: 1\n    z: 2\n  - w\n", // a mapping entry
	}
	for _, in := range inputs {
		want, wantErr := Parse([]byte(in)) // one pass: the interner turns pieces off
		for pieces := 2; pieces <= 7; pieces++ {
			withSettings(t, 0, pieces, func() {
				got, err := ParseOwned([]byte(in))
				if dump(got) != dump(want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
					t.Errorf("%q in %d pieces: %v\n%s\none pass: %v\n%s", in, pieces, err, dump(got), wantErr, dump(want))
				}
				_, ok, ferr := parseFast(in, nil)
				_, ok1, ferr1 := parseFast(in, newInterner(len(in)))
				if ok != ok1 || fmt.Sprint(ferr) != fmt.Sprint(ferr1) {
					t.Errorf("%q in %d pieces: fast path %v %+v, one pass %v %+v", in, pieces, ok, ferr, ok1, ferr1)
				}
			})
		}
	}
	big := genAnswers(2000)
	if len(big) < parallelMinBytes {
		t.Fatalf("the big input is %d bytes, under the %d that turn pieces on", len(big), parallelMinBytes)
	}
	withSettings(t, 256<<10, 0, func() {
		want, _ := Parse([]byte(big))
		got, err := ParseOwned([]byte(big))
		if err != nil || dump(got) != dump(want) {
			t.Errorf("a %d-byte answers file parses differently in pieces (%v)", len(big), err)
		}
	})
}

// cut makes pieces that start where entries start, about equal in size,
// and cover the sequence.
func TestCut(t *testing.T) {
	src := "s:\n  - a\n  - b\n\n  # c\n  - c: 1\n    d: 2\n  - e\nt: 1\n"
	p := fastParser{src: src, flowStart: -1}
	p.pos = strings.Index(src, "- a")
	p.lineStart, p.line = 3, 2
	pieces, end, endLine, ok := p.cut(2, 3)
	if !ok || end != strings.Index(src, "t: 1") || endLine != 9 {
		t.Fatalf("cut: ok %v, end %d line %d", ok, end, endLine)
	}
	var got []string
	for i, pc := range pieces {
		got = append(got, fmt.Sprintf("%d:%q", pc.line, src[pc.start:pc.end]))
		if i > 0 && pc.start != pieces[i-1].end {
			t.Errorf("piece %d starts at %d, the one before ends at %d", i, pc.start, pieces[i-1].end)
		}
	}
	// The sequence is the 43 bytes from offset 3: each piece runs to the
	// first entry past the next third of them (offsets 17 and 31).
	want := []string{`2:"  - a\n  - b\n\n  # c\n"`, `6:"  - c: 1\n    d: 2\n"`, `8:"  - e\n"`}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("pieces:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The parallel path does run on a short sequence under the test settings
// (so the differential tests above go through it), and declines when the
// strings are copied or a piece fails.
func TestEntriesInParallelRuns(t *testing.T) {
	for _, tt := range []struct {
		src  string
		strs bool
		want bool
	}{
		{"- 1\n- 2\n- 3\n- 4\n", false, true},
		{"- 1\n- 2\n- 3\n- 4\n", true, false},
		{"- 'a\n- b'\n- 3\n- 4\n", false, false},
		{"- 1\n- 2\n- 3\n- 4\nk: v\n", false, false}, // one pass fails at k too
	} {
		p := fastParser{src: tt.src, line: 1, flowStart: -1}
		if tt.strs {
			p.strs = newInterner(len(tt.src))
		}
		if !p.nextContent() {
			t.Fatalf("%q: no content", tt.src)
		}
		got := p.entriesInParallel(0, 1, scope{Sequence, 1})
		if got != tt.want {
			t.Errorf("%q (copying strings %v): entriesInParallel = %v, want %v", tt.src, tt.strs, got, tt.want)
			continue
		}
		if got && (len(p.kids) != 4 || p.kids[3].Value != "4" || p.kids[3].Line != 4 || p.ind != -1 || p.line != 5) {
			t.Errorf("%q: %d entries, the last %+v; then line %d indent %d", tt.src, len(p.kids), p.kids[len(p.kids)-1], p.line, p.ind)
		}
		if !got && (p.pos != 0 || p.line != 1 || len(p.kids) != 0) {
			t.Errorf("%q: declined but moved the parser to %d (line %d, %d entries)", tt.src, p.pos, p.line, len(p.kids))
		}
	}
}
