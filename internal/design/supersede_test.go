package design

import (
	"slices"
	"strings"
	"testing"
)

func TestSupersedeLinks(t *testing.T) {
	src := "designdoc: 1\ntitle: Old\nstatus: superseded\nnumber: 3\nsuperseded_by: 7\nsupersedes: [1, 2]\n"
	doc, err := Parse("a.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if doc.SupersededBy != 7 || !slices.Equal(doc.Supersedes, []int{1, 2}) {
		t.Fatalf("links = %d %v", doc.SupersededBy, doc.Supersedes)
	}
	out := string(Marshal(doc))
	if !strings.Contains(out, "number: 3\nsuperseded_by: 7\nsupersedes: [1, 2]\n") {
		t.Errorf("Marshal:\n%s", out)
	}
	again, err := Parse("b.yaml", []byte(out))
	if err != nil || len(ChangedKeys(doc, again)) != 0 {
		t.Errorf("round trip: %v %v", err, ChangedKeys(doc, again))
	}
	if err := Set(again, "superseded_by=9"); err != nil || again.SupersededBy != 9 {
		t.Errorf("Set superseded_by: %v", err)
	}
	if err := Set(again, "supersedes=4, 5"); err != nil || !slices.Equal(again.Supersedes, []int{4, 5}) {
		t.Errorf("Set supersedes: %v %v", err, again.Supersedes)
	}
	if !slices.Equal(ChangedKeys(doc, again), []string{"superseded_by", "supersedes"}) {
		t.Errorf("ChangedKeys = %v", ChangedKeys(doc, again))
	}
	if err := Set(again, "superseded_by="); err != nil || again.SupersededBy != 0 {
		t.Errorf("clearing: %v", err)
	}
	replaced, err := ReplaceSections("a.yaml", []byte(src), nil, again, []string{"superseded_by", "supersedes"})
	if err != nil || !strings.Contains(string(replaced), "number: 3\nsupersedes: [4, 5]\n") || strings.Contains(string(replaced), "superseded_by") {
		t.Errorf("ReplaceSections: %v\n%s", err, replaced)
	}
	js := "{\"designdoc\": 1, \"title\": \"J\", \"supersedes\": [2], \"superseded_by\": 4}"
	if d, err := Parse("a.json", []byte(js)); err != nil || d.SupersededBy != 4 || !slices.Equal(d.Supersedes, []int{2}) {
		t.Errorf("JSON: %+v %v", d, err)
	}

	for _, tc := range []struct{ set, want string }{
		{"superseded_by=x", "expected a whole number"},
		{"superseded_by=0", "1 or more"},
		{"supersedes=1, 1", "listed twice"},
		{"supersedes=a", "whole numbers"},
	} {
		if err := Set(doc, tc.set); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Set %s: %v, want %q", tc.set, err, tc.want)
		}
	}
	for _, tc := range []struct{ src, want string }{
		{"designdoc: 1\ntitle: T\nnumber: 3\nsuperseded_by: 3\n", "a.yaml:4:1: superseded_by: doc 3 cannot be superseded by itself"},
		{"designdoc: 1\ntitle: T\nnumber: 3\nsupersedes: [3]\n", "a.yaml:4:1: supersedes: doc 3 cannot supersede itself"},
		{"designdoc: 1\ntitle: T\nsupersedes: [2, 2]\n", "a.yaml:3:17: supersedes[1]: doc 2 is listed twice"},
		{"designdoc: 1\ntitle: T\nsupersedes: 2\n", "a.yaml:3:13: supersedes: expected a list of doc numbers, found text"},
		{"designdoc: 1\ntitle: T\nsuperseded_by: -1\n", "a.yaml:3:16: superseded_by: a doc number must be 1 or more, found -1"},
	} {
		if _, err := Parse("a.yaml", []byte(tc.src)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want %q", tc.src, err, tc.want)
		}
	}
}
