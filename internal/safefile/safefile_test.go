package safefile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// leftovers lists what is in dir besides the names given.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		found := false
		for _, k := range keep {
			found = found || e.Name() == k
		}
		if !found {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestWriteReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.md")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "new" || info.Mode().Perm() != 0o600 {
		t.Errorf("got %q with mode %v, want \"new\" with 0600", got, info.Mode().Perm())
	}
	if l := leftovers(t, dir, "doc.md"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

func TestWriteRefuses(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "ro.md")
	if err := os.WriteFile(readOnly, []byte("keep"), 0o444); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{readOnly, readOnly + " is read-only"},
		{sub, sub + " is a directory"},
		{filepath.Join(dir, "missing", "x.md"), "folder " + filepath.Join(dir, "missing") + " does not exist"},
		{"/dev/null", "/dev/null is not a regular file"},
	} {
		err := Write(tt.path, []byte("new"), 0o644)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Write(%s) = %v, want an error containing %q", tt.path, err, tt.want)
		}
	}
	if got, _ := os.ReadFile(readOnly); string(got) != "keep" {
		t.Errorf("the read-only file was changed to %q", got)
	}
	if l := leftovers(t, dir, "ro.md", "sub"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}
