package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kballard/go-shellquote"

	"github.com/designdoc-cli/designdoc/internal/cli"
)

// TestReadmeTour runs commands the README shows with their output and
// holds the output to the README, so the tour stays true. Each runs in a
// fresh folder holding the bundled examples and the README's own
// feed.designdoc.yaml (and a copy of the URL shortener's answers when the
// command names them there), with no team or user config. In the README,
// a line that is only "…" stands for any number of lines; stdout and
// stderr are read as one stream, as a terminal shows them.
func TestReadmeTour(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	feed, ok := readmeBlockAfter(string(readme), "Given this `feed.designdoc.yaml`:", "```yaml")
	if !ok {
		t.Fatal("README: no feed.designdoc.yaml block after \"Given this `feed.designdoc.yaml`:\"")
	}
	shown := readmeCommands(string(readme))
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	for _, command := range []string{
		"designdoc new </dev/null",
		"designdoc new --answers examples/url-shortener.designdoc.yaml --no-input",
		"designdoc new 'Rate limiter' --no-input --set api.style=grpc --set capacity.dau=50M",
		"designdoc new x --no-input --set api.style=grcp",
		"designdoc guide",
		"designdoc guide redis",
		"designdoc guide cachee",
		"designdoc estimate --dau 100M --reads-per-user 10 --writes-per-user 0.1 --read-size 500B --write-size 500B",
		"designdoc estimate --answers url-shortener.designdoc.yaml --peak-factor 0.5 --read-size 12bananas",
		"designdoc practice --problem url-shortener --answers url-shortener.designdoc.yaml --no-input",
		"designdoc check feed.designdoc.yaml",
		"designdoc check feed.designdoc.yaml --format json",
		"designdoc templates list",
		"designdoc templates eject rfc team-templates",
	} {
		t.Run(command, func(t *testing.T) {
			want, ok := shown[command]
			if !ok {
				t.Fatalf("README shows no console block for $ %s", command)
			}
			dir := t.TempDir()
			t.Chdir(dir)
			t.Setenv("HOME", dir)
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, ".config"))
			if err := os.CopyFS("examples", os.DirFS(examples)); err != nil {
				t.Fatal(err)
			}
			files := map[string]string{"feed.designdoc.yaml": feed}
			if strings.Contains(command, " url-shortener.designdoc.yaml") {
				files["url-shortener.designdoc.yaml"] = mustRead(t, "examples/url-shortener.designdoc.yaml")
			}
			for name, data := range files {
				if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args, err := shellquote.Split(strings.TrimSuffix(command, " </dev/null"))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			cli.Main(args[1:], &cli.IO{In: strings.NewReader(""), Out: &out, Err: &out})
			got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if !linesMatch(want, got) {
				t.Errorf("$ %s\nREADME shows:\n%s\n\nit prints:\n%s", command, strings.Join(want, "\n"), strings.Join(got, "\n"))
			}
		})
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// readmeCommands maps each "$ command" line of the README's console
// blocks to the lines shown after it, up to the next command or the end
// of the block.
func readmeCommands(readme string) map[string][]string {
	shown := map[string][]string{}
	var current string
	inConsole := false
	for line := range strings.SplitSeq(readme, "\n") {
		switch {
		case line == "```console":
			inConsole, current = true, ""
		case !inConsole:
		case strings.HasPrefix(line, "```"):
			inConsole, current = false, ""
		case strings.HasPrefix(line, "$ "):
			current = strings.TrimPrefix(line, "$ ")
			if _, seen := shown[current]; !seen {
				shown[current] = []string{}
			}
		case current != "":
			shown[current] = append(shown[current], line)
		}
	}
	return shown
}

// readmeBlockAfter is the body of the first fenced block that opens with
// fence after the line marker.
func readmeBlockAfter(readme, marker, fence string) (string, bool) {
	_, rest, ok := strings.Cut(readme, marker+"\n")
	if !ok {
		return "", false
	}
	_, rest, ok = strings.Cut(rest, fence+"\n")
	if !ok {
		return "", false
	}
	body, _, ok := strings.Cut(rest, "\n```")
	return body + "\n", ok
}

// linesMatch reports whether got reads as want, where a want line that
// is only "…" (indented or not) matches any run of lines, none included.
func linesMatch(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if strings.TrimSpace(want[0]) == "…" {
		for i := 0; i <= len(got); i++ {
			if linesMatch(want[1:], got[i:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && want[0] == got[0] && linesMatch(want[1:], got[1:])
}

func TestLinesMatch(t *testing.T) {
	tests := []struct {
		want, got string
		ok        bool
	}{
		{"a\nb", "a\nb", true},
		{"a\nb", "a\nc", false},
		{"a\n…\nd", "a\nb\nc\nd", true},
		{"a\n…\nd", "a\nd", true},
		{"a\n  …\nd", "a\nb\nc", false},
		{"a\n…", "a\nb\nc", true},
		{"a", "a\nb", false},
	}
	for _, tt := range tests {
		if got := linesMatch(strings.Split(tt.want, "\n"), strings.Split(tt.got, "\n")); got != tt.ok {
			t.Errorf("linesMatch(%q, %q) = %v, want %v", tt.want, tt.got, got, tt.ok)
		}
	}
}
