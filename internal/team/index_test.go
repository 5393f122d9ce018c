package team

import (
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	entries := []Entry{
		{Number: 1, Title: "URL shortener", Status: "accepted", Authors: []string{"Ada", "Grace"}, Created: "2026-11-23", Path: "docs/0001-url-shortener.md"},
		{Number: 2, Title: "Pipes | and <b>", Status: "draft", Path: "docs/0002 feed.md"},
	}
	got := string(Index(entries))
	for _, want := range []string{
		"# Design docs\n",
		"| 1 | [URL shortener](0001-url-shortener.md) | accepted | Ada, Grace | 2026-11-23 |\n",
		"| 2 | [Pipes \\| and \\<b\\>](<0002 feed.md>) | draft |  |  |\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Index missing %q in\n%s", want, got)
		}
	}
	if string(Index(entries)) != got {
		t.Error("Index is not deterministic")
	}

	custom := "# Our RFCs\n\nRead these first.\n\n" + IndexStart + "\nold table\n" + IndexEnd + "\n\nFooter.\n"
	up := string(UpdateIndex([]byte(custom), entries[:1]))
	if !strings.HasPrefix(up, "# Our RFCs\n\nRead these first.\n\n"+IndexStart) || !strings.HasSuffix(up, IndexEnd+"\n\nFooter.\n") || strings.Contains(up, "old table") || !strings.Contains(up, "URL shortener") {
		t.Errorf("UpdateIndex:\n%s", up)
	}
	if again := string(UpdateIndex([]byte(up), entries[:1])); again != up {
		t.Errorf("UpdateIndex is not idempotent:\n%s", again)
	}
	plain := string(UpdateIndex([]byte("# Notes\nkeep me"), entries[:1]))
	if !strings.HasPrefix(plain, "# Notes\nkeep me\n\n"+IndexStart) {
		t.Errorf("appending:\n%s", plain)
	}
}

func TestDuplicates(t *testing.T) {
	d := Duplicates([]Entry{{Number: 3, Path: "b.md"}, {Number: 3, Path: "a.md"}, {Number: 4, Path: "c.md"}, {Path: "x.md"}, {Path: "y.md"}})
	if len(d) != 1 || d[0].Number != 3 || d[0].Paths[0] != "a.md" || d[0].Paths[1] != "b.md" {
		t.Errorf("Duplicates = %+v", d)
	}
}
