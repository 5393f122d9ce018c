package diagram

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		in   string
		ctx  context
		want string
	}{
		{`API (v2) [beta] {x}`, flowLabel, `API (v2) [beta] {x}`},
		{`say "hi"`, flowLabel, `say #quot;hi#quot;`},
		{`a --> b`, flowLabel, `a --#gt; b`},
		{`<b>bold</b>`, flowLabel, `#lt;b#gt;bold#lt;/b#gt;`},
		{`<br>`, flowLabel, `#lt;br#gt;`},
		{`C# #12; #fff;`, flowLabel, `C#35; #35;12#59; #35;fff#59;`},
		{`a; b`, flowLabel, `a#59; b`},
		{`a | b`, flowLabel, `a | b`},
		{"`code`", flowLabel, `#96;code#96;`},
		{`R&D &lt;`, flowLabel, `R#38;D #38;lt#59;`},
		{`back\slash\`, flowLabel, `back#92;slash#92;`},
		{`90% of 100%`, flowLabel, `90% of 100%`},
		{`%%{init: {}}%%`, flowLabel, `#37;#37;{init: {}}#37;#37;`},
		{`costs $5`, flowLabel, `costs $5`},
		{`$$\frac{$$`, flowLabel, "$\u200B$#92;frac{$\u200B$"},
		{`$$$`, seqText, "$\u200B$\u200B$"},
		{`List~T~`, flowLabel, `List~T~`},
		{`List~T~`, erAlias, `List#126;T#126;`},
		{`List~T~`, erText, `List#126;T#126;`},
		{`key: value`, flowLabel, `key: value`},
		{`style: #f00`, flowLabel, `style#58; #35;f00`},
		{`classDef x:#f00`, flowLabel, `classDef x#58;#35;f00`},
		{`Ünïcødé 🚀 עברית`, flowLabel, `Ünïcødé 🚀 עברית`},
		{`end`, flowLabel, `end`},
		{`a:::b`, flowLabel, `a:::b`},
		// sequence texts
		{`GET /x; then #1`, seqText, `GET /x#59; then #35;1`},
		{`wrap: text`, seqText, `wrap#58; text`},
		{`nowrap:text`, seqText, `nowrap#58;text`},
		{`: leading`, seqText, `#58; leading`},
		{`ends:::`, seqText, `ends#58;#58;#58;`},
		{`Location: x`, seqText, `Location: x`},
		{`->> p2: + -`, seqText, `-#gt;#gt; p2: + -`},
		// ER
		{`90% done`, erAlias, `90#37; done`},
		{`a\b`, erAlias, `a#92;b`},
		{`key: r:x`, erText, `key#58; r#58;x`},
	}
	for _, tt := range tests {
		got := label(tt.in, tt.ctx, 1000, 1, "")
		if got != tt.want {
			t.Errorf("label(%q, %d) = %q, want %q", tt.in, tt.ctx, got, tt.want)
		}
	}
}

func TestStyleOnTheSameLine(t *testing.T) {
	// The technology says "style", the name has the colon: both are on one
	// line of the flowchart, so the name's colons are escaped.
	if got := label("a: #b", flowLabel, 100, 1, "", "style guide"); got != "a#58; #35;b" {
		t.Errorf("got %q", got)
	}
}

func TestClean(t *testing.T) {
	tests := map[string]string{
		"  a\n\nb\tc  ":   "a b c",
		"a\r\nb":          "a b",
		"x\u2028y\u2029z": "x y z",
		"nul\x00bell\x07": "nul bell",
		"bad \xff utf8":   "bad \uFFFD utf8",
		"\u0085next line": "next line",
		"":                "",
	}
	for in, want := range tests {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in           string
		width, lines int
		want         string
	}{
		{"short", 10, 3, "short"},
		{"DynamoDB global table (3 regions)", 32, 2, "DynamoDB global<br>table (3 regions)"},
		{"aaaaaaaaaaaaaaaaaaaa", 8, 3, "aaaaaaa<br>aaaaaaa<br>aaaaaa"},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 8, 2, "aaaaaaaa<br>aaaaaaa…"},
		{"one two three four five six seven", 10, 2, "one two<br>three fou…"},
		// a family emoji is one character: never cut inside it
		{"ab👩‍👩‍👧cd", 3, 2, "ab👩‍👩‍👧<br>cd"},
		{"e\u0301e\u0301e\u0301e\u0301", 2, 2, "e\u0301e\u0301<br>e\u0301e\u0301"},
	}
	for _, tt := range tests {
		if got := label(tt.in, flowLabel, tt.width, tt.lines, ""); got != tt.want {
			t.Errorf("label(%q, width %d, %d lines) = %q, want %q", tt.in, tt.width, tt.lines, got, tt.want)
		}
	}
}

func TestIdentifier(t *testing.T) {
	tests := []struct {
		in     string
		isType bool
		want   string
	}{
		{"created_at", false, "created_at"},
		{"_id", false, "_id"},
		{"a|b", false, "a_b"},
		{"line items", false, "line_items"},
		{"`tick`", false, "tick"},
		{"2fa", false, "_2fa"},
		{"pk", false, "_pk"},
		{"FK", false, "_FK"},
		{"uk", true, "_uk"},
		{"pkey", false, "pkey"},
		{"pk_id", false, "pk_id"},
		{"pk-id", false, "pk_id"},
		{"pk(5)", true, "_pk(5)"},
		{"varchar(64)", true, "varchar(64)"},
		{"varchar(64)", false, "varchar_64"},
		{"string[]", true, "string[]"},
		{"map<string, int>", true, "map_string_int"},
		{"[]byte", true, "_[]byte"},
		{"ünïcødé", false, "n_c_d"},
		{"🚀", false, "fallback"},
		{"", true, "fallback"},
	}
	for _, tt := range tests {
		if got := identifier(tt.in, tt.isType, "fallback"); got != tt.want {
			t.Errorf("identifier(%q, %v) = %q, want %q", tt.in, tt.isType, got, tt.want)
		}
	}
}

// entity matches the escapes this package writes.
var entity = regexp.MustCompile(`#(quot|lt|gt|35|38|59|96|92|37|126|58);`)

// decode undoes escape: the text a reader sees in the picture, with line
// breaks as spaces.
func decode(s string) string {
	s = strings.ReplaceAll(s, "<br>", " ")
	for strings.Contains(s, "$"+zeroWidthSpace+"$") {
		s = strings.ReplaceAll(s, "$"+zeroWidthSpace+"$", "$$")
	}
	return entity.ReplaceAllStringFunc(s, func(e string) string {
		for r, esc := range entities {
			if esc == e {
				return string(r)
			}
		}
		return e
	})
}

// checkLabel checks the invariants every label must hold, whatever the
// answers said.
func checkLabel(t *testing.T, in, out string, ctx context) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("label(%q) = %q: invalid UTF-8", in, out)
	}
	rest := strings.ReplaceAll(entity.ReplaceAllString(out, ""), "<br>", "")
	for _, r := range rest {
		if r < ' ' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029' {
			t.Fatalf("label(%q) = %q: control character %U (labels are one line)", in, out, r)
		}
	}
	if strings.ContainsAny(rest, "\"<>#;`\\&") {
		t.Fatalf("label(%q) = %q: a raw \" < > # ; ` \\ or & is left", in, out)
	}
	if strings.Contains(out, "-->") || strings.Contains(out, "%%") || strings.Contains(out, "$$") {
		t.Fatalf("label(%q) = %q: a raw -->, %%%% or $$ is left", in, out)
	}
	if strings.Count(out, `"`) != 0 {
		t.Fatalf("label(%q) = %q: unbalanced quotes", in, out)
	}
	lower := strings.ToLower(decode(out))
	if (strings.Contains(lower, "style") || strings.Contains(lower, "classdef")) && strings.Contains(rest, ":") {
		t.Fatalf("label(%q) = %q: a raw colon beside \"style\"", in, out)
	}
	switch ctx {
	case erAlias:
		if strings.ContainsAny(rest, "%~") || out == "" {
			t.Fatalf("label(%q) = %q: an ER alias must be non-empty and have no raw %% or ~", in, out)
		}
	case erText:
		if strings.Contains(rest, "~") {
			t.Fatalf("label(%q) = %q: an ER text has a raw ~", in, out)
		}
	case seqText:
		if strings.HasSuffix(out, ":") || strings.HasPrefix(strings.ToLower(strings.TrimSpace(out)), "wrap:") {
			t.Fatalf("label(%q) = %q: a sequence text ends in a colon or starts with wrap:", in, out)
		}
	}
	// What the picture shows is the text as written, cleaned to one line,
	// with the breaks of wrapping and a "…" where it was cut.
	want := strings.ReplaceAll(clean(in), " ", "")
	got := strings.ReplaceAll(decode(out), " ", "")
	if want == "" {
		return
	}
	if got != want && !(strings.HasSuffix(got, "…") && strings.HasPrefix(want, strings.TrimSuffix(got, "…"))) {
		t.Fatalf("label(%q) = %q shows %q", in, out, decode(out))
	}
}

func FuzzLabels(f *testing.F) {
	for _, s := range []string{"", "a", `a "b" <c> #d; e`, "-->", "%%{init: {}}%%", "$$x$$", "style:#f00",
		"wrap:", "ends:::", "👩‍👩‍👧 e\u0301", "\xff\x00\n\r\t", strings.Repeat("long ", 40), "`` \\ & ; |"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, ctx := range []context{flowLabel, seqText, erAlias, erText} {
			for _, w := range [][2]int{{1000, 1}, {28, 3}, {5, 2}, {1, 4}} {
				out := label(s, ctx, w[0], w[1], "fallback")
				checkLabel(t, s, out, ctx)
				if lines := strings.Count(out, "<br>") + 1; lines > w[1] {
					t.Fatalf("label(%q) has %d lines, want at most %d", s, lines, w[1])
				}
			}
		}
		for _, isType := range []bool{false, true} {
			id := identifier(s, isType, "x")
			if !attributeWord.MatchString(id) || keyWord.MatchString(id) {
				t.Fatalf("identifier(%q) = %q: not a safe attribute word", s, id)
			}
		}
	})
}

var attributeWord = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_\[\]()]*$`)
