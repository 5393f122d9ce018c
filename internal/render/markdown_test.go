package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

func TestCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "—"},
		{"  plain  ", "plain"},
		{"a | b", `a \| b`},
		{"line one\nline two", "line one<br>line two"},
		{"line one\r\n\r\nline two", "line one<br>line two"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"p99 < 100 ms", "p99 &lt; 100 ms"},
		{"see https://example.com/a_b.", "see <https://example.com/a_b>."},
		{"(https://en.wikipedia.org/wiki/Foo_(bar))", "(<https://en.wikipedia.org/wiki/Foo_(bar)>)"},
		{"already <https://x.io> linked", "already <https://x.io> linked"},
		{"[docs](https://x.io/a) here", "[docs](https://x.io/a) here"},
		{"`a|b` and `<T>`", "`a\\|b` and `<T>`"},
		{"unmatched ` tick | pipe", "unmatched \\` tick \\| pipe"},
		{"see https://x.io/_a_/b and __init__", "see <https://x.io/_a_/b> and **init**"},
		{"é_a_é 日本_語_です (_a_) x_a_ _a_x", "é_a_é 日本_語_です (*a*) x_a_ _a_x"},
		{"「_引用_」 \u00a0_b_\u3000c", "「*引用*」 \u00a0*b*\u3000c"},
		{"_a*b_ *_c_* _d\\_", "_a*b_ *_c_* _d\\_"},
		{"x\u00a0*\u00a0 ` `` x", "x\u00a0\\*\u00a0 \\` \\`\\` x"},
		{"# not a heading", "# not a heading"},
		{"{{ env \"HOME\" }}", "{{ env \"HOME\" }}"},
		{"tab\there", "tab here"},
		{"_a_ _b_ __c__ snake_case_name", "*a* *b* **c** snake_case_name"},
		{"_!_0_!_!_", "*!*0*!*!_"},
		{"_(_a_)_ __a_ b_", "*(*a*)* __a_ b_"},
		{"* not a bullet * and ___", `\* not a bullet \* and \_\_\_`},
	}
	for _, tt := range tests {
		if got := Cell(tt.in); got != tt.want {
			t.Errorf("Cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"{long_url}", "`{long_url}`"},
		{"a`b", "``a`b``"},
		{"`x`", "`` `x` ``"},
		{"two\nlines", "`two lines`"},
		{"", "—"},
	}
	for _, tt := range tests {
		if got := Code(tt.in); got != tt.want {
			t.Errorf("Code(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := CodeCell("a|b"); got != "`a\\|b`" {
		t.Errorf("CodeCell = %q", got)
	}
}

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "one\n\n\n\ntwo  \n", "one\n\ntwo"},
		{"heading is escaped", "# Not a heading\nbody", "\\# Not a heading\nbody"},
		{"setext underline", "Title\n=====\ntext\n---", "Title\n\\=====\ntext\n\\---"},
		{"fence is escaped", "```\ncode", "\\`\\`\\`\ncode"},
		{"tilde fence is escaped", "~~~\ncode", "\\~~~\ncode"},
		{"html", "a <b>bold</b> & c", "a &lt;b&gt;bold&lt;/b&gt; & c"},
		{"list gets blank lines and dashes", "Intro:\n* one\n+ two\nAfter.", "Intro:\n\n- one\n- two\n\nAfter."},
		{"ordered list renumbered", "1. a\n3. b\n7. c", "1. a\n2. b\n3. c"},
		{"nested list indentation", "- a\n    - b\n        - c\n- d", "- a\n  - b\n    - c\n- d"},
		{"nested under number", "1. a\n   - b", "1. a\n   - b"},
		{"bullets then numbers", "- a\n  - b\n1. c", "- a\n  - b\n\n1. c"},
		{"numbers then bullets", "1. a\n- b", "1. a\n\n- b"},
		{"continuation joins item", "- a long\n  item\n- b", "- a long item\n- b"},
		{"indented code is not code", "para\n\n    indented", "para\n\nindented"},
		{"bare marker kept literal", "-\n1.", "\\-\n1\\."},
		{"tabs", "a\tb", "a    b"},
		{"quote", "> quoted", "&gt; quoted"},
		{"empty", "  \n\n ", ""},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("%s: Text(%q) =\n%q\nwant\n%q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestHeadingAndAnchor(t *testing.T) {
	for in, want := range map[string]string{
		"Locking seats:":    "Locking seats",
		"Why C#":            "Why C#",
		"Tag #":             `Tag \#`,
		"a <b>":             "a &lt;b&gt;",
		"...":               "Untitled",
		"Two\nlines.":       "Two lines",
		"GET /v1/urls/{id}": "GET /v1/urls/{id}",
	} {
		if got := Heading(in); got != want {
			t.Errorf("Heading(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"High-level design":         "high-level-design",
		"API":                       "api",
		"Requirements traceability": "requirements-traceability",
		"GET /v1/urls":              "get-v1urls",
	} {
		if got := Anchor(in); got != want {
			t.Errorf("Anchor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	in := "\n\n# T  \n\n\n\ntext\t\n```mermaid\na\n\n\nb  \n```\n\n\n"
	want := "# T\n\ntext\n```mermaid\na\n\n\nb  \n```\n"
	if got := string(Normalize([]byte(in))); got != want {
		t.Errorf("Normalize =\n%q\nwant\n%q", got, want)
	}
	// A fence opened after earlier lines were shortened in place still
	// closes, and blank lines after it still collapse.
	in = "a  \n\n\n```text\nx\n```\n\n\n\nb\n"
	want = "a\n\n```text\nx\n```\n\nb\n"
	if got := string(Normalize([]byte(in))); got != want {
		t.Errorf("Normalize =\n%q\nwant\n%q", got, want)
	}
}

// cellColumns counts the columns a rendered table row would have, the way
// GitHub's parser splits it: on pipes not escaped by a backslash.
func cellColumns(row string) int {
	n := 0
	for i := 0; i < len(row); i++ {
		if row[i] == '\\' {
			i++
			continue
		}
		if row[i] == '|' {
			n++
		}
	}
	return n - 1
}

// FuzzCell holds Cell, Inline, Strong and Phrase to a CommonMark
// renderer: a cell stays one cell, and what a reader sees of the escaped
// text is what the answer says (see commonmark_test.go).
func FuzzCell(f *testing.F) {
	for _, s := range append([]string{"a|b", "x\ny", "`a|b`", "\\|", "<br>", "https://a.b/c|d", "``` | ```", "\\", "a\\"}, inlineCases...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		c := Cell(s)
		if strings.ContainsAny(c, "\n\r") {
			t.Fatalf("Cell(%q) = %q has a line break", s, c)
		}
		row := "| " + c + " | x |"
		if got := cellColumns(row); got != 2 {
			t.Fatalf("Cell(%q) = %q splits a two-column row into %d columns", s, c, got)
		}
		if strings.Contains(strings.ReplaceAll(c, "<br>", ""), "<") && !strings.Contains(c, "<http") && !strings.Contains(c, "`") {
			t.Fatalf("Cell(%q) = %q lets raw HTML through", s, c)
		}
		cc := CodeCell(s)
		if strings.ContainsAny(cc, "\n\r") || cellColumns("| "+cc+" | x |") != 2 {
			t.Fatalf("CodeCell(%q) = %q breaks the row", s, cc)
		}
		checkInline(t, s)
		checkCell(t, s)
		half := len(s) / 2
		for half > 0 && !utf8.RuneStart(s[half]) {
			half--
		}
		checkStrongPair(t, s[:half], s[half:])
	})
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"# h", "a\n===", "```go\nx", "- a\n    - b\n1. c", "<div>", "    code", "> q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		out := Text(s)
		for _, line := range strings.Split(out, "\n") {
			trimmed := strings.TrimLeft(line, " ")
			// A line that starts with a code span (more backticks after the
			// run) is no fence: a backtick fence's info string has none.
			fence := strings.HasPrefix(trimmed, "```") && !strings.Contains(trimmed[runOf(trimmed, '`'):], "`")
			if strings.HasPrefix(trimmed, "#") || fence || strings.HasPrefix(trimmed, "~~~") || strings.HasPrefix(trimmed, ">") {
				t.Fatalf("Text(%q) has a block-starting line %q", s, line)
			}
			if strings.HasSuffix(line, " ") {
				t.Fatalf("Text(%q) has trailing space in %q", s, line)
			}
		}
		if strings.Contains(out, "\n\n\n") {
			t.Fatalf("Text(%q) has two blank lines in a row", s)
		}
	})
}

// escapeLineStart skips its expressions for a line whose first byte none
// of them can start with: hold that claim to the expressions.
func TestLineStartExpressionsNeedTheirFirstBytes(t *testing.T) {
	tails := []string{"", " ", ".", ") x", "]: x", "``", "~~", "---", "=", " - x", "1. x", "*"}
	for c := 0; c < 256; c++ {
		if strings.IndexByte(" [`~-*_0123456789#+=|", byte(c)) >= 0 { // # + = | are escaped before
			continue
		}
		for _, tail := range tails {
			s := string([]byte{byte(c)}) + tail
			for _, re := range []*lazyre.Regexp{linkDefinition, fenceStart, setextLine, bareMarker, listItem} {
				if re.MatchString(s) {
					t.Errorf("%s matches %q, which escapeLineStart passes through", re, s)
				}
			}
		}
	}
}
