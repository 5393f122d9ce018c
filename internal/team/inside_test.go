package team

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindRefusesDocsDirOutsideTheRepository(t *testing.T) {
	repo := t.TempDir()
	sub := filepath.Join(repo, "services", "feed")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		docsDir string
		ok      bool
	}{
		{"docs", true},
		{".", true},
		{"../../docs", true}, // up from the config, still in the repository
		{filepath.Join(repo, "docs"), true},
		{"../../../elsewhere", false},
		{"/etc/designdoc", false},
	} {
		if err := os.WriteFile(filepath.Join(sub, ConfigName), []byte("docs_dir: "+tt.docsDir+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Find(sub)
		switch {
		case tt.ok && err != nil:
			t.Errorf("docs_dir %s: %v", tt.docsDir, err)
		case !tt.ok && (err == nil || !strings.Contains(err.Error(), ":1:1: docs_dir: ") || !strings.Contains(err.Error(), "is outside the repository")):
			t.Errorf("docs_dir %s: got %v, want an error at :1:1 saying it is outside the repository", tt.docsDir, err)
		}
	}
}
