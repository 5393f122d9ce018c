package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/cli"
)

// TestGenerate writes the pages twice: every visible command has one,
// with the standard sections and the header, no other page is written,
// and the second run gives the same bytes.
func TestGenerate(t *testing.T) {
	date := time.Date(2026, time.March, 14, 0, 0, 0, 0, time.UTC)
	dirs := []string{t.TempDir(), filepath.Join(t.TempDir(), "man", "man1")}
	for _, dir := range dirs {
		if err := generate(dir, "v1.2.3", date); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		want = append(want, strings.ReplaceAll(c.CommandPath(), " ", "-")+".1")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
				walk(sub)
			}
		}
	}
	walk(cli.NewRoot(&cli.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}))
	for _, name := range []string{"designdoc.1", "designdoc-new.1", "designdoc-templates-eject.1", "designdoc-completion-zsh.1"} {
		if !slices.Contains(want, name) {
			t.Errorf("the command tree has no %s: %q", name, want)
		}
	}
	entries, err := os.ReadDir(dirs[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(want) {
		t.Errorf("%d pages, want %d: %q", len(entries), len(want), want)
	}
	for _, name := range want {
		page, err := os.ReadFile(filepath.Join(dirs[0], name))
		if err != nil {
			t.Errorf("no page for %s: %v", name, err)
			continue
		}
		title := strings.ToUpper(strings.TrimSuffix(name, ".1"))
		th := `.TH "` + title + `" "1" "Mar 2026" "designdoc v1.2.3" "designdoc manual"`
		if !bytes.Contains(page, []byte(th+"\n")) {
			t.Errorf("%s: no header %s in:\n%.200s", name, th, page)
		}
		for _, section := range []string{".SH NAME\n", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n"} {
			if !bytes.Contains(page, []byte(section)) {
				t.Errorf("%s: no %q section", name, strings.TrimSpace(section))
			}
		}
		for _, junk := range []string{"spf13/cobra", `\<`} {
			if bytes.Contains(page, []byte(junk)) {
				t.Errorf("%s: has %q", name, junk)
			}
		}
		again, err := os.ReadFile(filepath.Join(dirs[1], name))
		if err != nil || !bytes.Equal(page, again) {
			t.Errorf("%s: a second run wrote other bytes (%v)", name, err)
		}
	}
	newPage, _ := os.ReadFile(filepath.Join(dirs[0], "designdoc-new.1"))
	if !bytes.Contains(newPage, []byte("<slug>.md")) {
		t.Errorf("designdoc-new.1 lost the <slug> of <slug>.md")
	}
}

func TestSourceDate(t *testing.T) {
	for _, tt := range []struct {
		epoch string
		want  time.Time
		err   bool
	}{
		{"", fixedDate, false},
		{"1700000000", time.Unix(1700000000, 0).UTC(), false},
		{"soon", time.Time{}, true},
		{"-5", time.Time{}, true},
	} {
		got, err := sourceDate(tt.epoch)
		if (err != nil) != tt.err || !got.Equal(tt.want) {
			t.Errorf("sourceDate(%q) = %v, %v; want %v (error %v)", tt.epoch, got, err, tt.want, tt.err)
		}
	}
}
