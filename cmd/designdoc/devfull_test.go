package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/cli"
)

// TestStdoutFull runs the commands that print with stdout on /dev/full,
// where every write fails with ENOSPC: each must exit 2 and say so, never
// exit 0 having printed nothing. --help is printed by cobra, which drops
// write errors; Main catches them.
func TestStdoutFull(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	dir := t.TempDir()
	answers := filepath.Join(dir, "t.designdoc.yaml")
	if err := os.WriteFile(answers, []byte("designdoc: 1\ntitle: T\nnumber: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"render", answers, "-o", "-"},
		{"guide"},
		{"guide", "caches"},
		{"list", "--json", "--dir", dir},
		{"list", "--dir", dir},
		{"check", answers, "--format", "json"},
		{"estimate", "--dau", "1M", "--reads-per-user", "1", "--writes-per-user", "1", "--read-size", "1KB", "--write-size", "1KB", "--json"},
		{"estimate", "--cheatsheet"},
		{"templates", "list"},
		{"templates", "show", "rfc"},
		{"practice", "--list"},
		{"--version"},
		{"--help"},
		{"render", "--help"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stderr bytes.Buffer
			code := cli.Main(args, &cli.IO{In: strings.NewReader(""), Out: full, Err: &stderr})
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, stderr.String())
			}
			if !regexp.MustCompile(`^designdoc: write /dev/full: no space left on device\n`).MatchString(stderr.String()) {
				t.Errorf("stderr does not say the write failed:\n%s", stderr.String())
			}
		})
	}
	got, err := os.ReadFile(answers)
	if err != nil || string(got) != "designdoc: 1\ntitle: T\nnumber: 1\n" {
		t.Errorf("the answers file changed: %q, %v", got, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files were written beside the answers: %v", entries)
	}
}
