package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/designdoc-cli/designdoc/internal/cli"
)

// TestBadAnswers feeds designdoc render malformed answers files and wants,
// for each: exit 2, one message naming the file and the place of the
// problem, no panic, no hang, and no doc written.
func TestBadAnswers(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	bomb := `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
title: bomb
`
	tests := []struct {
		name, content string
		want          string // regexp the error must match
	}{
		{"syntax.yaml", "title: T\nsummary: \"unclosed\n", `syntax\.yaml:2:\d+: `},
		{"types.yaml", "title: [a, b]\n", `types\.yaml:1:8: title: expected text, found a list`},
		{"unknown.yaml", "title: T\ntitel: U\n", `unknown\.yaml:2:1: unknown field "titel"`},
		{"refs.yaml", "title: T\nentities: [{name: A, relations: [{to: B, kind: n-1}]}]\n", `refs\.yaml:2:39: .*no entity named "B"`},
		{"enum.yaml", "title: T\napi: {style: soap}\n", `enum\.yaml:2:14: api\.style: "soap"`},
		{"unit.yaml", "title: T\ncapacity: {read_size: 12 bananas}\n", `unit\.yaml:2:23: capacity\.read_size: 12 bananas: unknown size unit`},
		{"empty.yaml", "", `empty\.yaml:1:1: the file is empty`},
		{"garbage.yaml", "\x00\x01\x02\xff\xfe binary", `garbage\.yaml:1:\d+: `},
		{"utf8.yaml", "title: T\nsummary: ok\nnote: caf\xe9\n", `utf8\.yaml:3:\d+: .*(UTF-8|utf-8)`},
		{"huge-line.yaml", "title: " + strings.Repeat("x", 5<<20) + "\nbogus: 1\n", `huge-line\.yaml:2:1: unknown field "bogus"`},
		{"deep.yaml", deep, `deep\.yaml:1:\d+: .*(deep|depth|nest)`},
		{"bomb.yaml", bomb, `bomb\.yaml:\d+:\d+: .*(alias|expan)`},
		{"alias.yaml", "title: *nope\n", `alias\.yaml:1:8: .*nope`},
		{"version.yaml", "designdoc: 9\ntitle: T\n", `version\.yaml:1:12: designdoc: this file is answers schema v9`},
		{"trailing-comma.json", "{\"title\": \"T\",}", `trailing-comma\.json:1:\d+: `},
		{"list.yaml", "- a\n- b\n", `list\.yaml:1:1: an answers file is a mapping`},
		{"second-doc.yaml", "title: T\n---\ntitle: U\n", `second-doc\.yaml:2:1: .*more than one`},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out-"+tt.name+".md")
			var stdout, stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				done <- cli.Main([]string{"render", path, "-o", out}, &cli.IO{In: strings.NewReader(""), Out: &stdout, Err: &stderr})
			}()
			var code int
			select {
			case code = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("render did not finish in 30 s")
			}
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr.String())
			}
			if !regexp.MustCompile(tt.want).MatchString(stderr.String()) {
				t.Errorf("stderr does not match %q:\n%.500s", tt.want, stderr.String())
			}
			if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("stderr shows a panic:\n%s", stderr.String())
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a doc was written despite the error")
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.content {
				t.Errorf("the answers file was changed")
			}
		})
	}
}
