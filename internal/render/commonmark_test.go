package render

import (
	"bytes"
	stdhtml "html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// The escapers are held to a CommonMark renderer (goldmark, with GitHub's
// tables and autolinks), a test dependency only: what a reader sees of
// the escaped text is what the answer says.

var (
	// ours renders what designdoc writes: GFM tables, no autolinking of
	// bare URLs (the escapers make them autolinks themselves).
	// The <br> Cell writes is raw HTML, shown as is.
	ours = goldmark.New(goldmark.WithExtensions(extension.Table), goldmark.WithRendererOptions(html.WithUnsafe()))
	// asWritten renders answer text as the author would see it in any
	// Markdown preview (asAuthored links its bare URLs as GitHub does).
	asWritten = goldmark.New(goldmark.WithExtensions(extension.Table))
	htmlTag   = regexp.MustCompile(`<[^>]*>`)
	spaces    = regexp.MustCompile(`\s+`)
)

// shown renders Markdown to HTML and returns the text a reader sees: tags
// dropped, entities decoded, runs of white space as one space.
func shown(t *testing.T, md goldmark.Markdown, src string) string {
	t.Helper()
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return plainText(b.String())
}

// shownInline is shown for text in the middle of a line (where it always
// goes: after a list marker, in a cell), so never read as a block.
func shownInline(t *testing.T, md goldmark.Markdown, src string) string {
	t.Helper()
	return strings.TrimSpace(strings.TrimPrefix(shown(t, md, "x "+src), "x"))
}

// plainText is the text of HTML: tags dropped (a <br> read as a space),
// entities decoded, runs of white space as one space.
func plainText(h string) string {
	h = strings.ReplaceAll(h, "<br>", " ")
	return strings.TrimSpace(spaces.ReplaceAllString(stdhtml.UnescapeString(htmlTag.ReplaceAllString(h, "")), " "))
}

// asAuthored is the answer text as its author meant it: one line, with
// < and > outside code spans as text (designdoc never lets HTML through)
// and each plain URL (see oracleApplies) linked where GitHub links one:
// at the start, after white space or after * _ ~ (.
func asAuthored(s string) string {
	s = joinLines(strings.TrimSpace(s), " ")
	return mapCode(s, func(p string) string {
		var b strings.Builder
		last := 0
		for _, loc := range plainURL.FindAllStringIndex(p, -1) {
			b.WriteString(html2text.Replace(p[last:loc[0]]))
			if before := runeBefore(p, loc[0]); isSpaceAt(before) || strings.ContainsRune("*_~(", before) {
				b.WriteString("<" + p[loc[0]:loc[1]] + ">")
			} else {
				b.WriteString(p[loc[0]:loc[1]])
			}
			last = loc[1]
		}
		b.WriteString(html2text.Replace(p[last:]))
		return b.String()
	}, func(c string) string { return c })
}

var html2text = strings.NewReplacer("<", "&lt;", ">", "&gt;")

// oracleApplies reports whether the oracle applies to s: text a loader can
// produce, without what Inline keeps as the author wrote it and a
// renderer shows differently from the text (autolinks and links written
// out, raw entities).
//
// Only plain URLs are held to it: http(s), a dotted host, a path of
// letters, digits and / _ . - that ends in a letter, digit or /, then a
// space or the end. Where a link's end is a matter of rules (GitHub drops
// a trailing _ or . and some renderers do not: https://a.b/c__.__), or
// its host is (http://_0_, https://a.b!_c_), the reader sees the link and
// the delimiters after it read as they would after any closing bracket.
//
// Nor is a line where an underscore pair becomes asterisks beside another
// asterisk: the doc keeps one emphasis style (markdownlint's MD049 and
// MD050), and a lone asterisk before the pair can then pair with the new
// one (*000!_!_ shows 000! in italics), a known limit.
func oracleApplies(s string) bool {
	if !utf8.ValidString(s) || strings.ContainsAny(s, "\x00\x01&\\[") || strings.Contains(s, "<http") {
		return false
	}
	if strings.Contains(s, "*") && strings.Count(normalizeEmphasis(s), "*") > strings.Count(s, "*") {
		return false
	}
	plain := 0
	for _, loc := range plainURL.FindAllStringIndex(s, -1) {
		if isSpaceAt(runeAfter(s, loc[1])) {
			plain++
		}
	}
	return strings.Count(s, "://") == plain
}

var plainURL = regexp.MustCompile(`https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/(?:[A-Za-z0-9/_.-]*[A-Za-z0-9/])?)?`)

var inlineCases = []string{
	"see https://x.io/_a_/b and _c_",
	"https://x.io/__init__.py and __init__",
	"é_a_é and 日本_語_です and 「_引用_」",
	"snake_case_name, _a_x, x_a_, (_a_), _a_.",
	"_a*b_ and *_c_* and __d__ and ___e___",
	"a\u00a0*\u00a0b and \u3000_x_\u3000",
	"unmatched ` tick and ``two",
	"`code` then a stray ` and `more code`",
	"* not a bullet * and _ lone _",
	"p99 < 100 ms > 50 ms",
	"_see https://x.io_",
	"_!_0_!_!_ and _!_a_!_",
	"__a_ b_ and _a __b__ c_ and _(_a_)_",
	"http://0.0\v0 and more",
}

func TestInlineShowsTheAnswer(t *testing.T) {
	for _, s := range inlineCases {
		checkInline(t, s)
	}
}

func TestCellShowsTheAnswer(t *testing.T) {
	for _, s := range append(inlineCases, "a | b", "`a|b` | c", "line\nbreak _x_\n_y_", "\\| x") {
		checkCell(t, s)
	}
}

func TestStrongNamesStayApart(t *testing.T) {
	names := []string{"`a", "b`", "*1", "2*", "_x", "y_", "a\\", "``", "<b>", "https://x.io/_a_"}
	for _, a := range names {
		for _, b := range names {
			checkStrongPair(t, a, b)
		}
	}
}

// checkInline: what a reader sees of Inline(s) is what the author wrote.
func checkInline(t *testing.T, s string) {
	t.Helper()
	if !oracleApplies(s) {
		return
	}
	got, want := shownInline(t, ours, Inline(s)), shownInline(t, asWritten, asAuthored(s))
	if got != want {
		t.Fatalf("Inline(%q) = %q shows %q, the answer shows %q", s, Inline(s), got, want)
	}
}

// checkCell: Cell(s) is one cell of its row, and shows the answer.
func checkCell(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
		return
	}
	c := Cell(s)
	var b bytes.Buffer
	if err := ours.Convert([]byte("| a | b |\n| --- | --- |\n| "+c+" | x |\n"), &b); err != nil {
		t.Fatal(err)
	}
	body := b.String()
	if i := strings.Index(body, "<tbody>"); i >= 0 {
		body = body[i:]
	} else {
		t.Fatalf("Cell(%q) = %q: the table is not a table:\n%s", s, c, b.String())
	}
	cells := strings.Split(body, "<td")
	if len(cells) != 3 || plainText("<td"+cells[2]) != "x" {
		t.Fatalf("Cell(%q) = %q does not make one cell:\n%s", s, c, b.String())
	}
	if !oracleApplies(s) || strings.TrimSpace(s) == "" {
		return // an empty cell shows a dash
	}
	if got, want := plainText("<td"+cells[1]), shownInline(t, asWritten, asAuthored(s)); got != want {
		t.Fatalf("Cell(%q) = %q shows %q, the answer shows %q", s, c, got, want)
	}
}

// checkStrongPair: two names in bold on one line show as two names, each
// as it shows alone.
func checkStrongPair(t *testing.T, a, b string) {
	t.Helper()
	if !oracleApplies(a) || !oracleApplies(b) {
		return
	}
	line := Strong(a) + " → " + Phrase(b) + " " + Strong(b)
	want := shown(t, ours, Strong(a)) + " → " + shown(t, ours, Phrase(b)) + " " + shown(t, ours, Strong(b))
	if got := shown(t, ours, line); got != strings.TrimSpace(spaces.ReplaceAllString(want, " ")) {
		t.Fatalf("%q shows %q; its parts alone show %q", line, got, want)
	}
}
