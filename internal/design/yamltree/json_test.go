package yamltree

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseJSONTree(t *testing.T) {
	in := "{\n  \"name\": \"caf\u00e9\",\n  \"n\": [1, -2.5e3, true, false, null],\r\n  \"\u00e9\": {\"k\": \"a\\\"b\\u00e9\\ud83d\\ude00\"}, \"e\": []\n}"
	n, err := ParseJSON([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := `mapping 1:1 flow
  scalar 2:3 plain=false "name"
  scalar 2:11 plain=false "café"
  scalar 3:3 plain=false "n"
  sequence 3:8 flow
    scalar 3:9 plain=true "1"
    scalar 3:12 plain=true "-2.5e3"
    scalar 3:20 plain=true "true"
    scalar 3:26 plain=true "false"
    scalar 3:33 plain=true "null"
  scalar 4:3 plain=false "é"
  mapping 4:8 flow
    scalar 4:9 plain=false "k"
    scalar 4:14 plain=false "a\"bé😀"
  scalar 4:41 plain=false "e"
  sequence 4:46 flow
`
	if got := dump(n); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestParseJSONErrors(t *testing.T) {
	for _, tc := range []struct {
		in        string
		line, col int
		msg       string
	}{
		{"", 1, 1, "unexpected end"},
		{"  \n ", 2, 2, "unexpected end"},
		{`{"a": 1,}`, 1, 9, "looking for beginning of object key"},
		{"[1,\n 2,\n]", 3, 1, "looking for beginning of value"},
		{"{\"a\": 1} // c", 1, 10, "after top-level value"},
		{"/* c */ 1", 1, 1, "looking for beginning of value"},
		{"[NaN]", 1, 2, "looking for beginning of value"},
		{"{'a': 1}", 1, 2, "object key"},
		{"[1] [2]", 1, 5, "after top-level value"},
		{"[01]", 1, 3, "after array element"},
		{"[1.]", 1, 4, "after decimal point"},
		{"[-]", 1, 3, "in numeric literal"},
		{"[1e+]", 1, 5, "exponent"},
		{"[tru]", 1, 5, "in literal true"},
		{"[\"a\nb\"]", 1, 4, "in string literal"},
		{"[\"\\x\"]", 1, 4, "escape"},
		{"[\"\\u12g4\"]", 1, 7, "hexadecimal"},
		{"{\"a\" 1}", 1, 6, "after object key"},
		{"{\"a\": 1 \"b\": 2}", 1, 9, "after object key:value pair"},
		{"[1 2]", 1, 4, "after array element"},
		{"[\"abc", 1, 6, "unexpected end"},
		{"{\n  \"k\": \"\u00e9\u00e9\xff\"\n}", 2, 11, "UTF-8"},
		{"\ufeff{}", 1, 1, "invalid character"},
		{"{\"a\":\n\n  [\"x\", ]}", 3, 9, "looking for beginning of value"},
		{strings.Repeat("[", 101) + strings.Repeat("]", 101), 1, 101, "deeper than 100"},
		{strings.Repeat("[", 100000), 1, 101, "deeper than 100"},
		{"\r\r[x]", 3, 2, "looking for beginning of value"},
	} {
		n, err := ParseJSON([]byte(tc.in))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("ParseJSON(%q) = %v, %v; want *SyntaxError", tc.in, n, err)
			continue
		}
		if se.Line != tc.line || se.Column != tc.col || !strings.Contains(se.Msg, tc.msg) {
			t.Errorf("ParseJSON(%q): %d:%d %q, want %d:%d containing %q", tc.in, se.Line, se.Column, se.Msg, tc.line, tc.col, tc.msg)
		}
	}
}

func TestParseJSONDepthLimitIsInclusive(t *testing.T) {
	in := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if _, err := ParseJSON([]byte(in)); err != nil {
		t.Fatalf("%d levels: %v", MaxDepth, err)
	}
}

// jsonValue converts a tree from ParseJSON into what encoding/json decodes
// with UseNumber.
func jsonValue(n *Node) any {
	switch n.Kind {
	case Mapping:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = jsonValue(n.Content[i+1])
		}
		return m
	case Sequence:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, jsonValue(c))
		}
		return s
	}
	if !n.Plain {
		return n.Value
	}
	switch n.Value {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	return json.Number(n.Value)
}

func jsonDepth(data []byte) int {
	depth, maxDepth := 0, 0
	inStr, esc := false, false
	for _, c := range data {
		switch {
		case esc:
			esc = false
		case inStr && c == '\\':
			esc = true
		case c == '"':
			inStr = !inStr
		case !inStr && (c == '[' || c == '{'):
			depth++
			maxDepth = max(maxDepth, depth)
		case !inStr && (c == ']' || c == '}'):
			depth--
		}
	}
	return maxDepth
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{
		`{"entities": [{"name": "user", "fields": [{"name": "id", "type": "string"}]}]}`,
		`[1, -0.5e-3, true, false, null, "a\u00e9\ud83d\ude00", {}, []]`,
		`{"a": 1,}`, `[01]`, `"\ud800"`, `"\ud800\u0041"`, "[\"\xff\"]", ` 1 `, `{"a":{"a":{"a":[]}}}`,
		"{\"a\"\r\n:\r\n\"b\"}", `"\/\b\f\n\r\t"`, `1e999`, `-`, `[1,2`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ParseJSON(data)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *SyntaxError", err, err)
			}
			if se.Line < 1 || se.Column < 1 {
				t.Fatalf("error %q at %d:%d", se.Msg, se.Line, se.Column)
			}
		}
		if !utf8.Valid(data) || jsonDepth(data) > MaxDepth {
			return // encoding/json accepts both; ParseJSON must not
		}
		valid := json.Valid(data)
		if valid != (err == nil) {
			t.Fatalf("ParseJSON(%q) error %v, json.Valid %v", data, err, valid)
		}
		if !valid {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if got := jsonValue(n); fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
			t.Fatalf("ParseJSON(%q) = %#v, encoding/json %#v", data, got, want)
		}
	})
}
