package yamltree

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"gopkg.in/yaml.v3"
)

// billionLaughs is the classic alias bomb: nine levels of nine aliases,
// 9^9 scalars once expanded.
const billionLaughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

// nestedMappings returns n mappings each nested in the previous one, the
// k-th (1-based) starting at line k, column k.
func nestedMappings(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	return b.String()
}

// errorCases are malformed documents with the exact position of the
// mistake and a fragment of the message.
var errorCases = []struct {
	name      string
	in        string
	line, col int
	msg       string
}{
	{"tab indentation", "a:\n\tb: 1\n", 2, 1, "tab"},
	{"tab before key after scalar", "a: 1\n\tb: 2\n", 2, 1, "tab"},
	{"tab in block scalar", "a: |\n  x\n\tb\n", 3, 1, "tab"},
	{"unclosed double quote", "a: \"abc\nb: 1\n", 1, 4, "end of stream while scanning a quoted scalar"},
	{"unclosed single quote", "name: x\ndesc: 'abc\n", 2, 7, "quoted scalar"},
	{"unclosed quote CRLF", "a: 1\r\nb: 'x\r\n", 2, 4, "quoted scalar"},
	{"unclosed flow sequence at end", "a: 1\nb: 2\nc: [1, 2\n", 3, 4, "did not find expected ',' or ']'"},
	{"unclosed flow sequence on line 1", "[1, 2", 1, 1, "flow sequence"},
	{"unclosed flow mapping", "a: {x: 1\nb: 1\n", 1, 4, "did not find expected ',' or '}'"},
	{"stray closing bracket", "a: [b, c]]\n", 1, 10, "did not find expected key"},
	{"stray closing brace", "{a: 1}}\n", 1, 7, "document start"},
	{"bad indentation", "a:\n  b: 1\n c: 2\n", 3, 2, "did not find expected key"},
	{"over-indented key", "a: b\n  c: d\n", 2, 4, "mapping values are not allowed"},
	{"indented third key", "a: 1\nb: 2\n c: 3\n", 3, 3, "mapping values are not allowed"},
	{"key: value: x", "key: value: x\n", 1, 11, "mapping values are not allowed"},
	{"line without colon", "a: 1\nb\nc: 2\n", 2, 1, "could not find expected ':'"},
	{"sequence after mapping", "a: 1\n- b\n", 2, 1, "did not find expected key"},
	{"mapping after sequence", "- a\nb: 1\n", 2, 1, "did not find expected '-' indicator"},
	{"text after quoted scalar", "a: 'x' y\n", 1, 8, "did not find expected key"},
	{"reserved indicator", "a: @x\n", 1, 4, "cannot start any token"},
	{"reserved indicator after BOM", "\ufeffa: @", 1, 4, "cannot start any token"},
	{"unknown escape", "a: \"\\q\"\n", 1, 5, "unknown escape"},
	{"undefined alias", "a: 1\nb: *nope\n", 2, 4, "unknown anchor 'nope'"},
	{"alias to itself", "&a [*a]", 1, 5, "contains itself"},
	{"empty alias name", "a: *\n", 1, 5, "alphabetic or numeric"},
	{"invalid UTF-8 mid line 3", "a: 1\nb: 2\nc: x\xffy\n", 3, 5, "UTF-8"},
	{"truncated UTF-8 after accents", "a: 1\nb: 2\nc: h\u00e9\u00e9\xc3(x\n", 3, 7, "UTF-8"},
	{"NUL byte", "a: 1\n\x00\n", 2, 1, "control characters"},
	{"binary garbage", "\x89PNG\r\n\x1a\n\x00\x00", 1, 1, "UTF-8"},
	{"second document", "a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document"},
	{"second document after end marker", "a: 1\n...\n---\nb: 2\n", 3, 1, "more than one YAML document"},
	{"second empty document", "a: 1\n--- \n", 2, 1, "more than one YAML document"},
	{"duplicate %YAML directive", "%YAML 1.1\n%YAML 1.1\n---\na\n", 2, 1, "duplicate %YAML"},
	{"101 flow levels", strings.Repeat("[", 101) + strings.Repeat("]", 101), 1, 101, "deeper than 100"},
	{"100000 open brackets", strings.Repeat("[", 100000), 1, 101, "deeper than 100"},
	{"101 block levels", nestedMappings(101), 101, 101, "deeper than 100"},
	{"alias nests too deep", "a: &x " + strings.Repeat("[", 60) + strings.Repeat("]", 60) + "\nb: " + strings.Repeat("[", 50) + "*x" + strings.Repeat("]", 50) + "\n", 2, 54, "deeper than 100"},
	{"billion laughs", billionLaughs, 7, 8, "aliases are expanded"},
}

func TestParseErrorPositions(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Parse([]byte(tc.in))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q) = %v, %v; want *SyntaxError", tc.in, n, err)
			}
			if se.Line != tc.line || se.Column != tc.col {
				t.Errorf("Parse(%q): error at %d:%d, want %d:%d (%s)", tc.in, se.Line, se.Column, tc.line, tc.col, se.Msg)
			}
			if !strings.Contains(se.Msg, tc.msg) {
				t.Errorf("Parse(%q): message %q does not contain %q", tc.in, se.Msg, tc.msg)
			}
			if strings.HasPrefix(se.Msg, "yaml:") || strings.HasPrefix(se.Msg, "line ") {
				t.Errorf("message %q keeps yaml.v3's prefix", se.Msg)
			}
		})
	}
}

func TestParseEmpty(t *testing.T) {
	for _, in := range []string{"", "\n", "  \n\n", "# only a comment\n", "\ufeff", "\r\n# c\r\n"} {
		n, err := Parse([]byte(in))
		if n != nil || err != nil {
			t.Errorf("Parse(%q) = %v, %v; want nil, nil", in, n, err)
		}
	}
}

func TestParseBoundsAreFast(t *testing.T) {
	for _, in := range []string{billionLaughs, strings.Repeat("[", 100000), strings.Repeat("- ", 100000), strings.Repeat("{a: ", 100000)} {
		start := time.Now()
		_, err := Parse([]byte(in))
		if err == nil {
			t.Errorf("Parse(%.20q...) succeeded", in)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Parse(%.20q...) took %v", in, d)
		}
	}
}

// TestAliasesShareSubtree checks that an alias resolves to the very node
// its anchor names.
func TestAliasesShareSubtree(t *testing.T) {
	n, err := Parse([]byte("a: &x {k: v}\nb: *x\n<<: *x\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Content) != 6 || n.Content[1] != n.Content[3] || n.Content[1] != n.Content[5] {
		t.Fatalf("aliases not shared: %s", dump(n))
	}
	if n.Content[4].Value != "<<" || !n.Content[4].Plain {
		t.Errorf("merge key should stay an ordinary plain key, got %+v", n.Content[4])
	}
}

// TestYAMLv3PositionsNeedCorrecting records why locateV3Error exists: for
// these inputs yaml.v3's own message has the wrong line or none at all.
func TestYAMLv3PositionsNeedCorrecting(t *testing.T) {
	for _, tc := range []struct {
		in, v3    string // yaml.v3's message
		line, col int    // where the mistake is
	}{
		{"a: 1\n- b\n", "yaml: line 1: did not find expected key", 2, 1},
		{"a:\n  b: 1\n c: 2\n", "yaml: line 2: did not find expected key", 3, 2},
		{"x: [1, 2\ny: 3\n", "yaml: line 1: did not find expected ',' or ']'", 1, 4},
		{"key: value: x\n", "yaml: mapping values are not allowed in this context", 1, 11},
		{"a: 1\nb: *nope\n", "yaml: unknown anchor 'nope' referenced", 2, 4},
		{"a: 1\nb: 2\nc: x\xffy\n", "yaml: invalid leading UTF-8 octet", 3, 5},
	} {
		var v yaml.Node
		if err := yaml.Unmarshal([]byte(tc.in), &v); err == nil || err.Error() != tc.v3 {
			t.Errorf("yaml.v3 on %q: %v, want %q (has yaml.v3 changed?)", tc.in, err, tc.v3)
		}
		_, err := Parse([]byte(tc.in))
		var se *SyntaxError
		if !errors.As(err, &se) || se.Line != tc.line || se.Column != tc.col {
			t.Errorf("Parse(%q) = %v, want an error at %d:%d", tc.in, err, tc.line, tc.col)
		}
	}
}

// locatedCases are malformed documents outside the fast parser's subset,
// so that yaml.v3's error is located by probing it with prefixes of the
// input or by a look at the text (see locator). The positions are exact.
var locatedCases = []struct {
	name      string
	in        string
	line, col int
	msg       string
}{
	{"value after value, anchored", "a: &x 1\nb: c: d\n", 2, 5, "mapping values are not allowed"},
	{"over-indented key after tag", "a: !!str\n b\n c: 1", 3, 3, "mapping values are not allowed"},
	{"tab after anchored scalar", "a: &x 1\n\tb: 1\n", 2, 1, "tab"},
	{"entry where key expected, anchored", "a: &x 1\n- b\n", 2, 1, "did not find expected key"},
	{"key where entry expected, anchored", "- &x a\nb: 1\n", 2, 1, "did not find expected '-' indicator"},
	{"key after anchored sequence", "a: &x\n  - b\n  c: 1\n", 3, 3, "did not find expected '-' indicator"},
	{"stray bracket after multi-line flow", "a: [1,\n  2]]\n", 2, 5, "did not find expected key"},
	{"reserved indicator in multi-line flow", "a: [1,\n  @]\n", 2, 3, "cannot start any token"},
	{"wrong bracket closing a flow mapping", "a: [1, {b: 2]\n", 1, 13, "did not find expected ',' or '}'"},
	{"unclosed anchored flow sequence", "key: &a [1, 2\nnext: 1\n", 1, 9, "did not find expected ',' or ']'"},
	{"unclosed flow mapping in a sequence", "- [a, b]\n- &x {c: d\n- e\n", 2, 6, "did not find expected ',' or '}'"},
	{"unclosed flow at the end", "g: |\nee: [\n", 2, 5, "did not find expected node content"},
	{"unknown escape after a document marker", "---\na: \"x\\qy\"\n", 2, 6, "unknown escape"},
	{"bad hex escape", "a: \"\\x4g\"\n", 1, 7, "hexdecimal"},
	{"surrogate escape", "a: \"\\ud800\"\n", 1, 7, "invalid Unicode character escape"},
	{"junk after block scalar indicator", "a: !!str |x\n", 1, 11, "comment or line break"},
	{"unclosed quote after anchor", "a: &x 'abc\n", 1, 7, "end of stream"},
	{"empty alias name after a document marker", "---\na: *\n", 2, 5, "alphabetic or numeric"},
	{"document marker in a quoted scalar", "---\na: 'x\n---\nb\n", 3, 1, "document indicator"},
	{"undefined tag handle", "a: !e!x 1\n", 1, 4, "undefined tag handle"},
	{"content after the root", "---\n[1, 2]\nb: 3\n", 3, 1, "did not find expected <document start>"},
}

func TestLocatedErrorPositions(t *testing.T) {
	for _, tc := range locatedCases {
		t.Run(tc.name, func(t *testing.T) {
			if _, ok, ferr := parseFast(tc.in, nil); ok || ferr != nil {
				t.Fatalf("the fast parser handles %q (ok %v, mistake %v); the case tests the locator", tc.in, ok, ferr)
			}
			checkErrorAt(t, tc.in, tc.line, tc.col, tc.msg)
		})
	}
}

// approximateCases are errors whose position is only approximated: the
// line yaml.v3 gives, corrected, at its first non-blank character (see
// approximateError). where is the position of the actual mistake.
var approximateCases = []struct {
	name      string
	in        string
	budget    int // probeBudget for the case
	line, col int // what Parse reports
	where     string
	msg       string
}{
	{"UTF-16 input (no probing)", utf16le("a: b: c\n"), probeBudget, 1, 1, "1:5", "mapping values are not allowed"},
	{"UTF-16 input, later line", utf16le("a: 1\nb: @\n"), probeBudget, 2, 1, "2:4", "cannot start any token"},
	{"probe budget spent: scanner error", "a: &x 1\nb: c: d\n", 0, 2, 1, "2:5", "mapping values are not allowed"},
	{"probe budget spent: grammar error, context on line 2", "a: &x\n  - b\n  c: 1\n", 0, 2, 3, "3:3", "did not find expected '-' indicator"},
	{"probe budget spent: grammar error on line 2", "a: &x 1\n- b\n", 0, 2, 1, "2:1 (exact by luck)", "did not find expected key"},
	{"probe budget spent: flow error", "a: [1, {b: 2]\n", 0, 1, 1, "1:13", "did not find expected ',' or '}'"},
	{"duplicate %TAG directive", "%TAG ! a\n%TAG ! b\n---\nx\n", probeBudget, 2, 1, "2:1 (directives start lines)", "duplicate %TAG"},
	{"incompatible YAML version", "%YAML 2.0\n---\na\n", probeBudget, 1, 1, "1:1 (directives start lines)", "incompatible YAML document"},
}

func TestApproximateErrorPositions(t *testing.T) {
	defer func(b int) { probeBudget = b }(probeBudget)
	for _, tc := range approximateCases {
		t.Run(tc.name, func(t *testing.T) {
			probeBudget = tc.budget
			checkErrorAt(t, tc.in, tc.line, tc.col, tc.msg)
		})
	}
}

func checkErrorAt(t *testing.T, in string, line, col int, msg string) {
	t.Helper()
	n, err := Parse([]byte(in))
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("Parse(%q) = %v, %v; want *SyntaxError", in, n, err)
	}
	if se.Line != line || se.Column != col {
		t.Errorf("Parse(%q): error at %d:%d, want %d:%d (%s)", in, se.Line, se.Column, line, col, se.Msg)
	}
	if !strings.Contains(se.Msg, msg) {
		t.Errorf("Parse(%q): message %q does not contain %q", in, se.Msg, msg)
	}
}

// utf16le encodes s as UTF-16LE with a byte order mark.
func utf16le(s string) string {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// TestLocatedErrorPositionsInLargeInput checks errors located in a window
// of a large input (see locator.inWindow): the positions stay exact, for
// a budget too small to probe the whole input.
func TestLocatedErrorPositionsInLargeInput(t *testing.T) {
	defer func(b int) { probeBudget = b }(probeBudget)
	probeBudget = 32 << 10
	big := genAnswers(150) // over windowMin
	lines := strings.Count(big, "\n") + 1
	for _, tc := range []struct {
		tail      string
		line, col int
		msg       string
	}{
		{"bad: c: d\n", 1, 7, "mapping values are not allowed"},
		{"y: [1, {b: 2]\n", 1, 13, "did not find expected ',' or '}'"},
		{"y: [1, 2\n", 1, 4, "did not find expected ',' or ']'"},
		{"z:\n  - a\n  b: 1\n", 3, 3, "did not find expected '-' indicator"},
		{"- junk\n", 1, 1, "did not find expected key"},
	} {
		in := "x: &a 1\n" + big + tc.tail // the anchor sends it to yaml.v3
		if len(big) < windowMin {
			t.Fatalf("the input is too small to use a window")
		}
		checkErrorAt(t, in, lines+tc.line, tc.col, tc.msg)
	}
}
