package design

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestReplaceSectionsExamples changes one section of each example and
// checks that the result loads as the changed Doc and that every byte
// outside the section is the example's.
func TestReplaceSectionsExamples(t *testing.T) {
	changes := []struct {
		key string
		set []string
	}{
		{"title", []string{"title=A new title: with a colon"}},
		{"summary", []string{"summary=Short now."}},
		{"requirements", []string{"requirements.functional[]=Users should be able to export their data", "requirements.out_of_scope[0]=# not a comment"}},
		{"capacity", []string{"capacity.dau=1B"}},
		{"entities", []string{"entities[0].description=Changed:\nover two lines", "entities[1].fields[0].note=\"quoted\""}},
		{"api", []string{"api.endpoints[0].summary=Changed"}},
		{"high_level_design", []string{"high_level_design.notes=Short notes"}},
		{"deep_dives", []string{"deep_dives[0].title=Another title"}},
		{"open_questions", []string{"open_questions[]=What about - dashes?"}},
	}
	for _, f := range examples(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range changes {
			t.Run(filepath.Base(f)+"/"+c.key, func(t *testing.T) {
				old := mustParse(t, f, data)
				doc := mustParse(t, f, data)
				for _, s := range c.set {
					if err := Set(doc, s); err != nil {
						t.Fatal(err)
					}
				}
				out, err := ReplaceSections(f, data, old, doc, []string{c.key})
				if err != nil {
					t.Fatal(err)
				}
				back := mustParse(t, f, out)
				if !reflect.DeepEqual(comparable(back), comparable(doc)) {
					t.Fatalf("result does not load as the changed doc:\n%s", out)
				}
				// Outside the section, every byte is the example's: all
				// lines before the key, all from the next key's comments.
				lines := splitLinesKeep(data)
				keyLine := old.Keys[c.key].Line - 1
				next := len(lines)
				for _, p := range old.Keys {
					if p.Line-1 > keyLine && p.Line-1 < next {
						next = p.Line - 1
					}
				}
				for next > keyLine+1 && isBlankOrComment(lines[next-1]) {
					next--
				}
				before, after := bytes.Join(lines[:keyLine], nil), bytes.Join(lines[next:], nil)
				if !bytes.HasPrefix(out, before) || !bytes.HasSuffix(out, after) {
					t.Fatalf("bytes outside %s changed:\n%s", c.key, out)
				}
				middle := string(out[len(before) : len(out)-len(after)])
				if middle != sectionYAML(doc, c.key) {
					t.Errorf("section written as\n%s\nwant\n%s", middle, sectionYAML(doc, c.key))
				}
			})
		}
	}
}

func TestReplaceSections(t *testing.T) {
	tests := []struct {
		name, in string
		change   func(d *Doc)
		keys     []string
		want     string
	}{
		{"insert after the nearest earlier key, before the next key's comment",
			"designdoc: 1\ntitle: T\n\n# the entities\nentities:\n  - name: A\n",
			func(d *Doc) { d.Summary = "New summary" }, []string{"summary"},
			"designdoc: 1\ntitle: T\nsummary: New summary\n\n# the entities\nentities:\n  - name: A\n"},
		{"insert before the nearest later key when no earlier one is there",
			"# header\ntitle: T\n",
			func(d *Doc) {}, []string{"designdoc"},
			"# header\ndesigndoc: 1\ntitle: T\n"},
		{"insert at the end, adding the missing line break",
			"title: T",
			func(d *Doc) { d.OpenQuestions = []string{"Why?"} }, []string{"open_questions"},
			"title: T\nopen_questions:\n  - Why?\n"},
		{"insert several keys in canonical order",
			"title: T\nopen_questions: [q]\n",
			func(d *Doc) { d.Summary, d.Authors, d.Rendered = "s", []string{"Ada"}, &Rendered{Path: "t.md"} },
			[]string{"rendered", "authors", "summary"},
			"title: T\nsummary: s\nauthors: [Ada]\nopen_questions: [q]\nrendered:\n  path: t.md\n"},
		{"remove a key with its lines",
			"title: T\nsummary: >\n  a long\n  summary\n# the authors\nauthors: [Ada]\n",
			func(d *Doc) { d.Summary = "" }, []string{"summary"},
			"title: T\n# the authors\nauthors: [Ada]\n"},
		{"remove the last key, keeping a final comment",
			"title: T\nopen_questions:\n  - q\n# end\n",
			func(d *Doc) { d.OpenQuestions = nil }, []string{"open_questions"},
			"title: T\n# end\n"},
		{"an unchanged key keeps its bytes",
			"title: T   # my title\nsummary: s\n",
			func(d *Doc) { d.Summary = "t" }, []string{"title", "summary"},
			"title: T   # my title\nsummary: t\n"},
		{"CRLF stays CRLF",
			"title: T\r\nsummary: s\r\n# c\r\nauthors: [A]\r\n",
			func(d *Doc) { d.Summary = "two\nlines" }, []string{"summary"},
			"title: T\r\nsummary: |-\r\n  two\r\n  lines\r\n# c\r\nauthors: [A]\r\n"},
		{"a top level indented by two spaces",
			"  title: T\n  summary: s\n",
			func(d *Doc) { d.Summary = "a\n\nb" }, []string{"summary"},
			"  title: T\n  summary: |-\n    a\n\n    b\n"},
		{"a comment inside a block scalar is its text",
			"title: T\nsummary: |\n  text\n  # also text\nauthors: [A]\n",
			func(d *Doc) { d.Summary = "new" }, []string{"summary"},
			"title: T\nsummary: new\nauthors: [A]\n"},
		{"a null section stays when it is still empty",
			"title: T\ncapacity:\n",
			func(d *Doc) {}, []string{"capacity"},
			"title: T\ncapacity:\n"},
		{"replace a section in the middle",
			"title: T\nentities:\n  # first\n  - name: A   # the A\n  - name: B\n\n# flow\ndata_flow: []\n",
			func(d *Doc) { d.Entities = d.Entities[:1] }, []string{"entities"},
			"title: T\nentities:\n  - {name: A}\n\n# flow\ndata_flow: []\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := mustParse(t, "a.yaml", []byte(tt.in))
			doc := mustParse(t, "a.yaml", []byte(tt.in))
			tt.change(doc)
			out, err := ReplaceSections("a.yaml", []byte(tt.in), old, doc, tt.keys)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", out, tt.want)
			}
			back := mustParse(t, "a.yaml", out)
			if !reflect.DeepEqual(comparable(back), comparable(doc)) {
				t.Errorf("result does not load as the changed doc:\n%s", out)
			}
		})
	}
}

func TestReplaceSectionsFallbacks(t *testing.T) {
	tests := []struct{ name, in string }{
		{"a.json", "{\n  \"title\": \"T\",\n  \"summary\": \"s\",\n  \"open_questions\": [\"q\"]\n}\n"},
		{"a.yaml", "{title: T, summary: s, open_questions: [q]} # flow\n"},
		{"a.yaml", "---\n# kept\ntitle: T\nsummary: s\nopen_questions: [q]\n...\n"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			old := mustParse(t, tt.name, []byte(tt.in))
			doc := mustParse(t, tt.name, []byte(tt.in))
			doc.Summary = ""
			doc.Authors = []string{"Ada"}
			doc.Capacity = &Capacity{DAU: Quantity{Raw: "10M"}}
			doc.Number = 4
			out, err := ReplaceSections(tt.name, []byte(tt.in), old, doc, []string{"summary", "authors", "capacity", "number"})
			if err != nil {
				t.Fatal(err)
			}
			back := mustParse(t, tt.name, out)
			if !reflect.DeepEqual(comparable(back), comparable(doc)) {
				t.Fatalf("result does not load as the changed doc:\n%s", out)
			}
			s := string(out)
			order := []string{"title", "authors", "number", "capacity", "open_questions"}
			for i := 1; i < len(order); i++ {
				if strings.Index(s, order[i-1]) > strings.Index(s, order[i]) {
					t.Errorf("%s after %s:\n%s", order[i-1], order[i], s)
				}
			}
			if strings.Contains(tt.in, "# kept") && !strings.Contains(s, "# kept") {
				t.Errorf("comment lost:\n%s", s)
			}
			if tt.name == "a.json" && !strings.Contains(s, "\n  \"number\": 4,\n") {
				t.Errorf("JSON not indented by two spaces, or number not a number:\n%s", s)
			}
		})
	}
}

func TestReplaceSectionsErrors(t *testing.T) {
	in := []byte(minimal)
	doc := mustParse(t, "a.yaml", in)
	if _, err := ReplaceSections("a.yaml", in, doc, doc, []string{"entites"}); err == nil || !strings.Contains(err.Error(), `(did you mean "entities"?)`) {
		t.Errorf("unknown key: %v", err)
	}
	// Without old, data is read for the positions.
	doc.Summary = "s"
	out, err := ReplaceSections("a.yaml", in, nil, doc, []string{"summary"})
	if err != nil || string(out) != minimal+"summary: s\n" {
		t.Errorf("nil old: %v %q", err, out)
	}
}

// FuzzReplaceSections splices sections of one random Doc into the file
// of another, with comments before every key and sometimes CRLF, and
// checks that the line splice alone gets it right.
func FuzzReplaceSections(f *testing.F) {
	f.Add("URL shortener", "a: b\nc", "# not a comment", []byte{1, 2, 3, 4, 5, 6, 7}, []byte{9, 8, 7, 6})
	f.Add("yes", "", "multi\nline\n", []byte{3, 3, 3, 3, 3}, []byte{0, 1})
	f.Add("x", strings.Repeat("word ", 30), "  lead", []byte{255, 1, 0, 2}, []byte{2, 2, 2, 2, 2, 2})
	f.Fuzz(func(t *testing.T, a, b, c string, pickA, pickB []byte) {
		for _, s := range []string{a, b, c} {
			if !utf8.ValidString(s) {
				return
			}
		}
		strs := []string{a, b, c, a + "\n" + b}
		docA, docB := fuzzDoc(strs, pickA), fuzzDoc(strs, pickB)
		var file strings.Builder
		for _, l := range strings.SplitAfter(string(Marshal(docA)), "\n") {
			if l != "" && l[0] != ' ' && l[0] != '\n' { // a top-level key
				file.WriteString("# about the next key\n\n")
			}
			file.WriteString(l)
		}
		data := file.String()
		if len(pickB) > 0 && pickB[0]%2 == 1 {
			data = strings.ReplaceAll(data, "\n", "\r\n")
		}
		old, _, err := decode("a.yaml", []byte(data), true)
		if err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		var keys []string
		for i, k := range docKeys {
			if len(pickB) > 0 && pickB[i%len(pickB)]&4 != 0 {
				keys = append(keys, k)
			}
		}
		out := spliceSections([]byte(data), old, docB, keys)
		if !replacedExactly("a.yaml", out, old, docB, keys) {
			t.Fatalf("splice of %v wrong:\n--- file\n%s\n--- result\n%s", keys, data, out)
		}
		if strings.Contains(data, "\r\n") && strings.Contains(strings.ReplaceAll(string(out), "\r\n", ""), "\n") {
			t.Fatalf("a bare LF in a CRLF file:\n%q", out)
		}
	})
}
