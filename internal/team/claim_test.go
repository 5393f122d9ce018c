package team

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"text/template"
)

func mustPattern(t *testing.T, s string) *template.Template {
	t.Helper()
	p, err := ParsePattern(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFileNameSanitises(t *testing.T) {
	p := mustPattern(t, DefaultFilename)
	for _, tc := range []struct {
		slug, title, want string
	}{
		{"url-shortener", "URL shortener", "0007-url-shortener.md"},
		{"../../x", "X", "0007-x.md"},
		{"/etc/passwd", "X", "0007-etc-passwd.md"},
		{"", "", "0007-design.md"},
	} {
		got, err := FileName(p, FileData{Number: 7, Slug: tc.slug, Title: tc.title})
		if err != nil || got != tc.want {
			t.Errorf("FileName(slug %q) = %q, %v; want %q", tc.slug, got, err, tc.want)
		}
	}
	byTitle := mustPattern(t, "{{ .Number }}-{{ .Title }}.md")
	if got, err := FileName(byTitle, FileData{Number: 1, Title: "../../etc/x"}); err != nil || got != "1-..-..-etc-x.md" {
		t.Errorf("title with separators: %q, %v", got, err)
	}
	if _, err := FileName(byTitle, FileData{Number: 1, Title: "..\\x"}); err != nil {
		t.Errorf("backslash title: %v", err)
	}
	dotted := mustPattern(t, "{{ .Title }}.md")
	if _, err := FileName(dotted, FileData{Title: ".hidden"}); err == nil {
		t.Error("a hidden file name was accepted")
	}
	if _, err := ParsePattern("{{ .Number "); err == nil || !strings.Contains(err.Error(), "does not parse") {
		t.Errorf("ParsePattern: %v", err)
	}
}

func TestNextNumber(t *testing.T) {
	dir := t.TempDir()
	if n, err := NextNumber(filepath.Join(dir, "missing")); err != nil || n != 1 {
		t.Fatalf("missing dir: %d, %v", n, err)
	}
	if n, err := NextNumber(dir); err != nil || n != 1 {
		t.Fatalf("empty dir: %d, %v", n, err)
	}
	// answers file with number: wins over the file name
	write(t, filepath.Join(dir, "0001-a.designdoc.yaml"), "designdoc: 1\ntitle: A\nnumber: 4\n")
	// rfc front matter
	write(t, filepath.Join(dir, "b.md"), "---\nnumber: 9\ntitle: B\n---\n# B\n")
	// only a leading number in the name
	write(t, filepath.Join(dir, "0012-c.md"), "# C\n")
	// not docs
	write(t, filepath.Join(dir, "README.md"), "---\nnumber: 99\n---\n")
	write(t, filepath.Join(dir, "notes.md"), "# no number\n")
	write(t, filepath.Join(dir, "0050-sub", "x.md"), "# in a subfolder\n")
	if n, err := NextNumber(dir); err != nil || n != 13 {
		t.Fatalf("NextNumber = %d, %v; want 13", n, err)
	}
	// a broken answers file still keeps its number
	write(t, filepath.Join(dir, "0020-broken.designdoc.yaml"), "designdoc: 1\ntitle: B\nnumber: 21\nbogus: [\n")
	if n, err := NextNumber(dir); err != nil || n != 21 {
		t.Fatalf("with broken answers: %d, %v; want 21 (from the file name)", n, err)
	}
	write(t, filepath.Join(dir, "0020-broken.designdoc.yaml"), "designdoc: 1\ntitle: B\nnumber: 30\nbogus: 1\n")
	if n, err := NextNumber(dir); err != nil || n != 31 {
		t.Fatalf("with invalid answers: %d, %v; want 31 (from number:)", n, err)
	}
}

func TestClaim(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "docs", "design")
	p := mustPattern(t, DefaultFilename)
	doc, n, release, err := Claim(dir, p, "url-shortener", "URL shortener", "2026-11-23", 0)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || doc != filepath.Join(dir, "0001-url-shortener.md") {
		t.Fatalf("Claim = %q, %d", doc, n)
	}
	entries, err := List(dir)
	if err != nil || len(entries) != 1 || entries[0].Title != "URL shortener" || entries[0].Number != 1 || entries[0].Created != "2026-11-23" {
		t.Fatalf("List after Claim = %+v, %v", entries, err)
	}
	// Explicit numbers: a free one is taken, a taken one refused.
	doc2, n2, release2, err := Claim(dir, p, "feed", "Feed", "2026-11-23", 42)
	if err != nil || n2 != 42 || filepath.Base(doc2) != "0042-feed.md" {
		t.Fatalf("explicit: %q %d %v", doc2, n2, err)
	}
	if _, _, _, err := Claim(dir, p, "other", "Other", "2026-11-23", 1); err == nil || !strings.Contains(err.Error(), "number 1 is already taken by") {
		t.Fatalf("taken explicit number: %v", err)
	}
	// The next automatic number is past the highest.
	_, n3, release3, err := Claim(dir, p, "chat", "Chat", "2026-11-23", 0)
	if err != nil || n3 != 43 {
		t.Fatalf("after 42: %d, %v", n3, err)
	}
	// release removes only an untouched placeholder.
	write(t, AnswersPath(doc2), "designdoc: 1\ntitle: Feed\nnumber: 42\n")
	release()
	release2()
	release3()
	if _, err := os.Stat(AnswersPath(doc)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("release kept the placeholder: %v", err)
	}
	if _, err := os.Stat(AnswersPath(doc2)); err != nil {
		t.Errorf("release removed written answers: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, lockName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("lock left behind: %v", err)
	}
}

func TestClaimSkipsExistingFiles(t *testing.T) {
	dir := t.TempDir()
	// A file the pattern would give, with no number designdoc can read.
	p := mustPattern(t, "{{ .Number }}-{{ .Slug }}.md")
	write(t, filepath.Join(dir, "x-1-a.md"), "")
	write(t, filepath.Join(dir, "1-a.designdoc.yaml"), "") // being written this moment
	doc, n, _, err := Claim(dir, p, "a", "A", "", 0)
	if err != nil || n != 2 || filepath.Base(doc) != "2-a.md" {
		t.Fatalf("Claim = %q %d %v", doc, n, err)
	}
	// A pattern without the number cannot move on.
	fixed := mustPattern(t, "{{ .Slug }}.md")
	write(t, filepath.Join(dir, "b.md"), "")
	if _, _, _, err := Claim(dir, fixed, "b", "B", "", 0); err == nil || !strings.Contains(err.Error(), "b.md already exists") {
		t.Fatalf("fixed pattern: %v", err)
	}
}

func TestClaimConcurrent(t *testing.T) {
	dir := t.TempDir()
	p := mustPattern(t, DefaultFilename)
	const runs = 16
	var wg sync.WaitGroup
	nums := make([]int, runs)
	paths := make([]string, runs)
	errs := make([]error, runs)
	for i := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			paths[i], nums[i], _, errs[i] = Claim(dir, p, fmt.Sprintf("doc-%d", i), fmt.Sprintf("Doc %d", i), "2026-11-23", 0)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Ints(nums)
	for i, n := range nums {
		if n != i+1 {
			t.Fatalf("numbers = %v, want 1..%d each once", nums, runs)
		}
	}
	entries, err := List(dir)
	if err != nil || len(entries) != runs || len(Duplicates(entries)) != 0 {
		t.Fatalf("List: %d entries, %v, duplicates %v", len(entries), err, Duplicates(entries))
	}
}
