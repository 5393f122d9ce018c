package yamltree

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// fastCases must all take the fast path, and give exactly yaml.v3's tree.
var fastCases = []string{
	"a: 1\n",
	"a: 1",
	"a:\n",
	"a:",
	"a: 1\nb: two words\nc: 'single ''quoted'''\nd: \"double \\\"q\\\" \\\\ \\n \\t \\u00e9\"\n",
	"title: Synthetic platform design (N=10000)\nsummary: A generated design, used to benchmark rendering.\n",
	"key: value # comment\n# full line comment\nother: x#y\n",
	"  # indented comment\n\nfirst: 1\n\n\n   \nsecond: 2\n",
	"list:\n  - a\n  - b\n",
	"list:\n- a\n- b\nnext: 1\n",
	"entities:\n  - name: Account\n    description: Holds accounts.\n    fields:\n      - name: id\n        type: uuid\n        description: \"Primary identifier\"\n      - name: tags\n        type: string[]\n  - name: Order\n    fields: []\n",
	"- a\n- b: c\n  d: e\n- - x\n  - y\n- [1, 2]\n",
	"- - - deep\n",
	"a:\n  b:\n    c:\n      d: 1\n  e: 2\nf: 3\n",
	"fields: [{name: id, type: string, note: \"primary key\"}, {name: x, type: 'int'}]\n",
	"empty_seq: []\nempty_map: {}\nnested: [[a, b], [c], []]\n",
	"a: ~\nb: null\nc: true\nd: 12\ne: -3.5\nf: 0x1f\ng: 2024-01-01\n",
	"<<: x\n",
	"a: http://example.com/x?y=1&z=2\nb: a:b\nc: 'x: y'\nd: -x\n",
	"\ufeffa: 1\n",
	"a: 1\r\nb:\r\n  - c\r\n  - d # comment\r\n",
	"caf\u00e9: cr\u00e8me br\u00fbl\u00e9e\nna\u00efve: [\u00e9t\u00e9, \"\u00fcber\"]\n",
	"a: \"\"\nb: ''\n\"quoted key\": 1\n'single key': 2\n",
	"-\n- \n-   # c\n- x\n",
	"a:\n  -\n  - b\n",
	"seq:\n  - name: a\n    fields:\n    - x\n    - y\n  - name: b\n",
	"a: {k: v, k2: \"v 2\"}\nb: [x, \"y, z\", 'w']\n",
	"  a: 1\n  b: 2\n",
	"# only\n",
	"",
	"a: 'it''s'\n",
	"a: x   \nb: y\n",
	"a: \"tab\\there\"\n",
	"k: [a b, c d]\n",
	"k: {a b: c d}\n",
	"x: \"\\u263a\"\n",
	"a: 1 # c\n# c\nb:\n  # c\n  c: 2 # c\n",
	"a: |\n  line 1\n    indented\n\n  line 3\nb: 1\n",
	"a: |-\n  x\n  y\n\n\nb: 1\n",
	"a: |+\n  x\n\n\nb: 1\n",
	"a: >\n  folded\n  text\n\n  para\n",
	"a: >- # c\n   x\n   y\n",
	"- |\n  item\n- >+\n  x\n\n",
	"- name: x\n  doc: |\n    # not a comment\n    text\n  # a comment\n  next: 1\n",
	"a: |\r\n  x\r\n  y\r\nb: 1\r\n",
}

func TestFastMatchesYAMLv3(t *testing.T) {
	for _, in := range fastCases {
		fast, ok, _ := parseFast(in, nil)
		if !ok {
			t.Errorf("fast path refused %q", in)
			continue
		}
		slow, err := parseSlow(in, nil)
		if err != nil {
			t.Errorf("yaml.v3 rejects %q: %v", in, err)
			continue
		}
		if f, s := dump(fast), dump(slow); f != s {
			t.Errorf("%q:\nfast:\n%s\nyaml.v3:\n%s", in, f, s)
		}
	}
}

// slowCases are outside the subset: the fast path must refuse them (or, if
// it accepts one, agree with yaml.v3).
var slowCases = []string{
	"a: &x 1\nb: *x\n", "a: !!str 1\n", "---\na: 1\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n",
	"a: |2\n  text\n", "a: >\n  folded\n    more\n", "a: |\n\n  x\n", "a: |\nb: 1\n", "a: |\n  x", "a: |\n  x\n     \n", "a: b\n  c\n", "a: 'multi\n  line'\n", "a: [1,\n  2]\n",
	"? a\n: b\n", "a:\tb\n", "a: 1\n\tb: 2\n", "a: b: c\n", "a: 'x' y\n", "a: [1, 2,]\n",
	"a: x\rb: y\n", "a: \"\\x41\"\n", "a: \"\\ud800\"\n", "hello\n", "[a, b]\n", "a: - b\n",
	"a:\n  b: 1\n c: 2\n", "- a\nb: 1\n", "a: 1\n- b\n", "a: {b: }\n", "a: [b: c]\n", "a: {b, c: d}\n",
	"a: 'x'#c\n", "a: \u0085\n", "[a]: b\n", "a : b\n", "a: @x\n", "a: `x\n", "a: \"x\n",
	"a: x\x00\n", "a: \"\\/\"\n", "a: \xff\n", "a: 1\n---\nb: 2\n", strings.Repeat("- ", 200) + "x\n",
	"a: [" + strings.Repeat("[", 150) + "]\n", strings.Repeat("k", 1100) + ": v\n",
	"a: {" + strings.Repeat("k", 1100) + ": v}\n", "- " + strings.Repeat("k", 1100) + ": v\n",
}

func TestFastRefusesOrAgrees(t *testing.T) {
	for _, in := range slowCases {
		fast, ok, _ := parseFast(in, nil)
		if !ok {
			continue
		}
		slow, err := parseSlow(in, nil)
		if err != nil {
			t.Errorf("fast path accepted %q, yaml.v3 rejects it: %v", in, err)
			continue
		}
		if f, s := dump(fast), dump(slow); f != s {
			t.Errorf("%q:\nfast:\n%s\nyaml.v3:\n%s", in, f, s)
		}
	}
}

// checkParse is the differential property behind FuzzParse.
func checkParse(t *testing.T, data []byte) {
	t.Helper()
	n, err := Parse(data)
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("Parse(%q): error %T %v is not a *SyntaxError", data, err, err)
		}
		checkPosition(t, data, se)
		if n != nil {
			t.Fatalf("Parse(%q) returned a node with an error", data)
		}
	}
	if owned, err2 := ParseOwned(data); dump(owned) != dump(n) || fmt.Sprint(err2) != fmt.Sprint(err) {
		t.Fatalf("ParseOwned(%q) = %v, %v; Parse gave %v, %v", data, dump(owned), err2, dump(n), err)
	}
	src := string(data)
	v3 := v3Fail(src)
	if _, msg := splitV3Message(v3); readerMessages[msg] {
		if e := encodingError(src); e == nil || !strings.HasPrefix(e.Msg, msg) {
			t.Fatalf("Parse(%q): yaml.v3 says %q, the encoding scan %v", data, v3, e)
		}
	}
	fast, ok, ferr := parseFast(src, nil)
	if ferr != nil && v3 == "" {
		t.Fatalf("fast path claims a mistake at %d:%d in %q, which yaml.v3 accepts", ferr.line, ferr.col, data)
	}
	if !ok {
		return
	}
	slow, err := parseSlow(src, nil)
	if err != nil {
		t.Fatalf("fast path accepted %q, yaml.v3 rejects it: %v", data, err)
	}
	if f, s := dump(fast), dump(slow); f != s {
		t.Fatalf("%q:\nfast:\n%s\nyaml.v3:\n%s", data, f, s)
	}
}

// checkPosition checks that an error's position is a place in the text:
// a line that exists and a column at most one past the line's end.
func checkPosition(t *testing.T, data []byte, se *SyntaxError) {
	t.Helper()
	text := textOf(string(data))
	if se.Line < 1 || se.Column < 1 {
		t.Fatalf("Parse(%q): error %q at %d:%d", data, se.Msg, se.Line, se.Column)
	}
	ls := lineStart(text, se.Line)
	if ls < 0 && se.Line > 1 {
		// The line after a final line break is a place too: the end.
		if last := lineStart(text, se.Line-1); last < 0 || nextLine(text, last) != len(text) || se.Column != 1 {
			t.Fatalf("Parse(%q): error %q at %d:%d, past the end", data, se.Msg, se.Line, se.Column)
		}
		return
	}
	ls = max(ls, 0)
	if width := utf8.RuneCountInString(text[ls:eol(text, ls)]); se.Column > width+1 {
		t.Fatalf("Parse(%q): error %q at %d:%d, past the end of a line of %d characters", data, se.Msg, se.Line, se.Column, width)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range fastCases {
		f.Add([]byte(s))
	}
	for _, s := range slowCases {
		if len(s) < 300 {
			f.Add([]byte(s))
		}
	}
	for _, tc := range errorCases {
		if len(tc.in) < 1000 {
			f.Add([]byte(tc.in))
		}
	}
	f.Add([]byte(genAnswers(3)))
	f.Fuzz(checkParse)
}
