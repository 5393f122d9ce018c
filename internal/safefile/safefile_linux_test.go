package safefile

import (
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteFailsHalfway makes the write of the temporary file fail after
// its first bytes, as a full disk does, by lowering the file-size limit of
// the process (RLIMIT_FSIZE: writes past it fail with EFBIG once SIGXFSZ
// is ignored). The file being replaced must keep its contents and the
// temporary file must be gone.
func TestWriteFailsHalfway(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.md")
	old := []byte("the doc as it was\n")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}

	var saved syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &saved); err != nil {
		t.Skipf("getrlimit: %v", err)
	}
	signal.Ignore(syscall.SIGXFSZ)
	defer signal.Reset(syscall.SIGXFSZ)
	limit := saved
	limit.Cur = 1024
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Skipf("setrlimit: %v", err)
	}
	err := Write(path, make([]byte, 64<<10), 0o644)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &saved); err != nil {
		t.Fatalf("restore the file-size limit: %v", err)
	}

	if err == nil || !strings.HasPrefix(err.Error(), "write "+path+": ") || !strings.Contains(err.Error(), "file too large") {
		t.Errorf("Write = %v, want \"write %s: file too large\"", err, path)
	}
	if got, _ := os.ReadFile(path); string(got) != string(old) {
		t.Errorf("the file was changed to %d bytes", len(got))
	}
	if l := leftovers(t, dir, "doc.md"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}
