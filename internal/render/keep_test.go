package render

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

const keptFresh = `# T

## Summary

Fresh summary.

## Rollout

<!-- guidance -->

<!-- designdoc:keep rollout -->
<!-- /designdoc:keep rollout -->

## Capacity estimation

| a | b |
| --- | --- |

<!-- footer -->
`

func TestParseKept(t *testing.T) {
	doc := "# T\n\n## A\n\n<!-- designdoc:keep one -->\nfirst\n\n  second  \n<!-- /designdoc:keep one -->\n\ntext\n\n<!-- designdoc:keep two -->\nx\n<!-- /designdoc:keep two -->\n" +
		"\n```\n<!-- designdoc:keep fenced -->\n```\n"
	blocks, err := ParseKept([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 2 {
		t.Fatalf("got %d blocks, want 2 (a marker in fenced code is text): %+v", len(blocks), blocks)
	}
	one, two := blocks[0], blocks[1]
	if one.Name != "one" || string(one.Body) != "first\n\n  second  \n" || one.Heading != "## A" || !one.Lead || one.Line != 5 {
		t.Errorf("one = %+v", one)
	}
	if two.Name != "two" || string(two.Body) != "x\n" || two.Heading != "## A" || two.Lead {
		t.Errorf("two = %+v", two)
	}
}

func TestParseKeptErrors(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{"a\n<!-- designdoc:keep x -->\nb\n", `line 2: kept block "x" is never closed`},
		{"<!-- designdoc:keep x -->\n<!-- /designdoc:keep y -->\n", `line 2: <!-- /designdoc:keep y --> closes kept block "x", opened at line 1`},
		{"<!-- designdoc:keep x -->\n<!-- designdoc:keep y -->\n", `line 2: kept block "y" opens inside kept block "x"`},
		{"\n<!-- /designdoc:keep y -->\n", `line 2: <!-- /designdoc:keep y --> closes no kept block`},
	} {
		_, err := ParseKept([]byte(c.doc))
		var ke *KeptError
		if !errors.As(err, &ke) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ParseKept(%q) = %v, want %q…", c.doc, err, c.want)
		}
	}
}

func TestMergeKept(t *testing.T) {
	old := `# T

## Summary

<!-- designdoc:keep intro -->
Written first in the summary.
<!-- /designdoc:keep intro -->

Old summary.

<!-- designdoc:keep after -->
Written after the summary.
<!-- /designdoc:keep after -->

## Rollout

<!-- guidance -->

<!-- designdoc:keep rollout -->
Ship it behind a flag.
<!-- /designdoc:keep rollout -->

## Gone section

<!-- designdoc:keep orphan -->
Its section is gone.
<!-- /designdoc:keep orphan -->

## Capacity estimation

<!-- designdoc:keep empty -->
<!-- /designdoc:keep empty -->

<!-- footer -->

<!-- designdoc:keep last -->
At the very end.
<!-- /designdoc:keep last -->
`
	blocks, err := ParseKept([]byte(old))
	if err != nil {
		t.Fatal(err)
	}
	got, res := MergeKept([]byte(keptFresh), blocks)
	want := `# T

## Summary

<!-- designdoc:keep intro -->
Written first in the summary.
<!-- /designdoc:keep intro -->

Fresh summary.

<!-- designdoc:keep after -->
Written after the summary.
<!-- /designdoc:keep after -->

## Rollout

<!-- guidance -->

<!-- designdoc:keep rollout -->
Ship it behind a flag.
<!-- /designdoc:keep rollout -->

## Capacity estimation

| a | b |
| --- | --- |

<!-- footer -->

<!-- designdoc:keep last -->
At the very end.
<!-- /designdoc:keep last -->

## Kept notes

<!-- Kept blocks whose place is gone from the doc: move each where it belongs, or delete it. -->

<!-- designdoc:keep orphan -->
Its section is gone.
<!-- /designdoc:keep orphan -->
`
	if string(got) != want {
		t.Errorf("merged doc:\n%s\n%s", got, firstDiff(want, string(got)))
	}
	if res.Kept != 4 || res.Orphaned != 1 {
		t.Errorf("merge = %+v, want 4 kept, 1 orphaned", res)
	}

	// Merging again into the same render changes nothing: the blocks
	// are where the merge put them, the orphan stays in Kept notes.
	again, _ := ParseKept(got)
	if got2, _ := MergeKept([]byte(keptFresh), again); string(got2) != string(got) {
		t.Errorf("second merge differs:\n%s", firstDiff(string(got), string(got2)))
	}
	// What the render made is what is left without the kept blocks.
	if string(WithoutKept(got)) != string(WithoutKept([]byte(keptFresh))) {
		t.Errorf("WithoutKept(merged) != WithoutKept(fresh):\n%s", firstDiff(string(WithoutKept([]byte(keptFresh))), string(WithoutKept(got))))
	}
	if Digest(got) != Digest([]byte(keptFresh)) {
		t.Error("the merged doc and the fresh render digest differently")
	}
}

func TestWithoutKept(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{"a\n\n<!-- designdoc:keep x -->\nhi\n<!-- /designdoc:keep x -->\n\nb\n", "a\n\nb\n"},
		{"a\n\n<!-- designdoc:keep x -->\nhi\n<!-- /designdoc:keep x -->\n", "a\n"},
		{"<!-- designdoc:keep x -->\n<!-- /designdoc:keep x -->\n\nb\n", "b\n"},
		{"a\n\n```\n<!-- designdoc:keep x -->\n```\n", "a\n\n```\n<!-- designdoc:keep x -->\n```\n"},
		{"no blocks\n\n\n", "no blocks\n\n\n"},
		{"unclosed\n<!-- designdoc:keep x -->\n", "unclosed\n<!-- designdoc:keep x -->\n"},
	} {
		if got := string(WithoutKept([]byte(c.doc))); got != c.want {
			t.Errorf("WithoutKept(%q) = %q, want %q", c.doc, got, c.want)
		}
	}
	// A doc without kept blocks digests as its plain sha256, as records
	// made before kept blocks did.
	if d := []byte(keptFresh[:20]); Digest(d) != rawDigest(d) {
		t.Error("Digest of a doc without kept blocks is not its sha256")
	}
}

// TestWriteKeptBlocks: writing inside a kept block is not a hand edit,
// and the text survives a render with changed answers.
func TestWriteKeptBlocks(t *testing.T) {
	dir := t.TempDir()
	answers := filepath.Join(dir, "a.yaml")
	out := filepath.Join(dir, "a.md")
	publish := func(summary string, force bool) (Published, error) {
		t.Helper()
		data := []byte("designdoc: 1\ntitle: A\nslug: a\nsummary: " + summary + "\n")
		if b, err := os.ReadFile(answers); err == nil {
			data = []byte(strings.Replace(string(b), "summary: First", "summary: "+summary, 1))
		}
		if err := os.WriteFile(answers, data, 0o644); err != nil {
			t.Fatal(err)
		}
		doc, err := design.Parse(answers, data)
		if err != nil {
			t.Fatal(err)
		}
		e := newTestEngine(t)
		tmpl, err := e.Lookup("rfc")
		if err != nil {
			t.Fatal(err)
		}
		md, err := tmpl.Execute(NewView(doc, "a.yaml", "rfc"))
		if err != nil {
			t.Fatal(err)
		}
		return Write(Publish{AnswersPath: answers, AnswersData: data, Doc: doc, OutPath: out, Template: "rfc", Force: force}, md)
	}
	if _, err := publish("First", false); err != nil {
		t.Fatal(err)
	}
	md, _ := os.ReadFile(out)
	edited := strings.Replace(string(md), "<!-- designdoc:keep rollout -->\n", "<!-- designdoc:keep rollout -->\nBehind the payments flag.\n", 1)
	if edited == string(md) {
		t.Fatal("the rfc render has no rollout anchor")
	}
	if err := os.WriteFile(out, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := publish("Second", false)
	if err != nil {
		t.Fatalf("a kept block counted as a hand edit: %v", err)
	}
	if res.Backup != "" || res.Kept != 1 {
		t.Errorf("Write = %+v, want no backup and 1 kept block", res)
	}
	md, _ = os.ReadFile(out)
	if !strings.Contains(string(md), "Second") || !strings.Contains(string(md), "<!-- designdoc:keep rollout -->\nBehind the payments flag.\n<!-- /designdoc:keep rollout -->") {
		t.Errorf("the re-render lost the kept text or the new answer:\n%s", md)
	}

	// An edit outside the blocks is still a hand edit.
	if err := os.WriteFile(out, append(md, "hand edit\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := publish("Second", false); err == nil || !strings.Contains(err.Error(), "edited by hand") {
		t.Errorf("an edit outside the kept blocks: err = %v, want the hand-edit refusal", err)
	}

	// Markers that do not pair up are refused with the line.
	if err := os.WriteFile(out, []byte("a\n<!-- designdoc:keep x -->\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := publish("Second", false); err == nil || !strings.Contains(err.Error(), out+":2: kept block \"x\" is never closed") {
		t.Errorf("unclosed block: err = %v", err)
	}
}
