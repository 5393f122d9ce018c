package team

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestClaimAcrossProcesses runs Claim in 16 separate processes at once
// (this test binary, re-run as a helper): each gets its own number and
// every placeholder is there afterwards.
func TestClaimAcrossProcesses(t *testing.T) {
	if dir := os.Getenv("DESIGNDOC_CLAIM_DIR"); dir != "" {
		t.Skip("helper process")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	const runs = 16
	outs := make([]string, runs)
	errs := make([]error, runs)
	var wg sync.WaitGroup
	for i := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(exe, "-test.run=^TestClaimHelper$")
			cmd.Env = append(os.Environ(), "DESIGNDOC_CLAIM_DIR="+dir, "DESIGNDOC_CLAIM_SLUG=doc-"+strconv.Itoa(i))
			out, err := cmd.CombinedOutput()
			outs[i], errs[i] = string(out), err
		}()
	}
	wg.Wait()
	var nums []int
	for i := range runs {
		if errs[i] != nil {
			t.Fatalf("helper %d: %v\n%s", i, errs[i], outs[i])
		}
		_, after, ok := strings.Cut(outs[i], "claimed ")
		if !ok {
			t.Fatalf("helper %d printed no number:\n%s", i, outs[i])
		}
		n, _ := strconv.Atoi(strings.Fields(after)[0])
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for i, n := range nums {
		if n != i+1 {
			t.Fatalf("numbers = %v, want 1..%d each once", nums, runs)
		}
	}
	entries, err := List(dir)
	if err != nil || len(entries) != runs || len(Duplicates(entries)) != 0 {
		t.Fatalf("List: %d entries, %v", len(entries), err)
	}
	if _, err := os.Stat(filepath.Join(dir, lockName)); err == nil {
		t.Error("the lock was left behind")
	}
}

// TestClaimHelper is one process of TestClaimAcrossProcesses.
func TestClaimHelper(t *testing.T) {
	dir := os.Getenv("DESIGNDOC_CLAIM_DIR")
	if dir == "" {
		t.Skip("run by TestClaimAcrossProcesses")
	}
	p, err := ParsePattern(DefaultFilename)
	if err != nil {
		t.Fatal(err)
	}
	slug := os.Getenv("DESIGNDOC_CLAIM_SLUG")
	_, n, _, err := Claim(dir, p, slug, slug, "2026-11-23", 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("claimed %d\n", n)
}
