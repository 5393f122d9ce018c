package main

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
)

// Conditions and commands for the scripts that need a file system which
// refuses writes: a read-only folder, a read-only mount, a full disk.

// canMountTmpfs probes once whether this process may mount a tmpfs (root,
// or CAP_SYS_ADMIN; not in most containers of CI).
var canMountTmpfs = sync.OnceValue(func() bool {
	dir, err := os.MkdirTemp("", "designdoc-tmpfs-probe")
	if err != nil {
		return false
	}
	defer os.Remove(dir)
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", dir).Run(); err != nil {
		return false
	}
	return exec.Command("umount", dir).Run() == nil
})

// readOnlyDirRefuses probes once whether a folder without write permission
// stops this process from creating a file in it; as root it does not.
var readOnlyDirRefuses = sync.OnceValue(func() bool {
	dir, err := os.MkdirTemp("", "designdoc-ro-probe")
	if err != nil {
		return false
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o555); err != nil {
		return false
	}
	defer os.Chmod(dir, 0o755)
	f, err := os.Create(filepath.Join(dir, "x"))
	if err == nil {
		f.Close()
		return false
	}
	return true
})

// scriptCondition answers the scripts' own conditions:
//
//	[root]    running as uid 0
//	[rodir]   a folder without write permission refuses writes here
//	[tmpfs]   the tmpfs command can mount a small file system
func scriptCondition(cond string) (bool, error) {
	switch cond {
	case "root":
		return os.Geteuid() == 0, nil
	case "rodir":
		return readOnlyDirRefuses(), nil
	case "tmpfs":
		return canMountTmpfs(), nil
	}
	return false, nil
}

// cmdTmpfs mounts a tmpfs of SIZE on DIR (created if missing) for the rest
// of the script, and always unmounts it at the end:
//
//	tmpfs DIR SIZE
func cmdTmpfs(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: tmpfs DIR SIZE")
	}
	dir := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(dir, 0o755))
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+args[1], "tmpfs", dir).CombinedOutput(); err != nil {
		ts.Fatalf("mount tmpfs on %s: %v\n%s", dir, err, out)
	}
	ts.Defer(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			ts.Logf("umount %s: %v\n%s", dir, err, out)
		}
	})
}

// cmdRemountRO makes the tmpfs on DIR read-only: even root cannot write
// there then.
//
//	remount-ro DIR
func cmdRemountRO(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: remount-ro DIR")
	}
	dir := ts.MkAbs(args[0])
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		ts.Fatalf("remount %s read-only: %v\n%s", dir, err, out)
	}
}

// cmdFill writes DIR/FILE until the disk is full, so that the next write
// on that file system fails with "no space left on device".
//
//	fill DIR/FILE
func cmdFill(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: fill FILE")
	}
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				ts.Fatalf("fill %s: %v", args[0], err)
			}
			break
		}
	}
	// Small writes too, so not a byte is left.
	for _, err := f.Write(block[:1]); err == nil; _, err = f.Write(block[:1]) {
	}
}

// cmdNoStray fails if a folder holds a temporary file a write left behind
// (designdoc's are named .<name>.*.tmp), or, with names given after --,
// any file but those:
//
//	nostray DIR
//	nostray DIR -- a.yaml b.md
func cmdNoStray(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: nostray DIR [-- NAME...]")
	}
	var only map[string]bool
	if len(args) > 1 {
		if args[1] != "--" {
			ts.Fatalf("usage: nostray DIR [-- NAME...]")
		}
		only = map[string]bool{}
		for _, n := range args[2:] {
			only[n] = true
		}
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	var stray []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasSuffix(name, ".tmp"):
			stray = append(stray, name)
		case only != nil && !only[name]:
			stray = append(stray, name)
		}
	}
	if len(stray) > 0 {
		ts.Fatalf("%s has files it should not: %s", args[0], strings.Join(stray, ", "))
	}
}

// snapshots holds each script's last snapshot of its work folder.
var snapshots sync.Map // *testscript.TestScript → map[string]string

// cmdSnapshot records every file under $WORK (its mode and contents), for
// unchanged to compare with later:
//
//	snapshot
func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: snapshot")
	}
	snapshots.Store(ts, readTree(ts))
}

// cmdUnchanged fails if a file under $WORK was changed, created or removed
// since the last snapshot (a left-over temporary file included):
//
//	unchanged
func cmdUnchanged(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: unchanged")
	}
	v, ok := snapshots.Load(ts)
	if !ok {
		ts.Fatalf("unchanged: no snapshot taken")
	}
	before, now := v.(map[string]string), readTree(ts)
	var diffs []string
	for p, b := range before {
		switch n, ok := now[p]; {
		case !ok:
			diffs = append(diffs, "removed "+p)
		case n != b:
			diffs = append(diffs, "changed "+p)
		}
	}
	for p := range now {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "created "+p)
		}
	}
	if len(diffs) > 0 {
		slices.Sort(diffs)
		ts.Fatalf("files changed since the snapshot:\n%s", strings.Join(diffs, "\n"))
	}
}

// readTree maps each path under $WORK, but testscript's own $WORK/.tmp,
// to its mode and contents.
func readTree(ts *testscript.TestScript) map[string]string {
	work := ts.Getenv("WORK")
	tree := map[string]string{}
	err := filepath.WalkDir(work, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(work, p)
		if rel == ".tmp" && d.IsDir() {
			return filepath.SkipDir
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		entry := info.Mode().String()
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			entry += " -> " + target
		case d.Type().IsRegular():
			if info.Mode().Perm()&0o444 == 0 {
				break // unreadable on purpose: the mode says enough
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			entry += " " + string(data)
		}
		tree[filepath.ToSlash(rel)] = entry
		return nil
	})
	ts.Check(err)
	return tree
}

// cmdWriteBytes writes a file from a Go string literal, for the bytes a
// txtar file should not hold (NUL, invalid UTF-8):
//
//	writebytes FILE "title: T\x00\n"
func cmdWriteBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE GO-STRING")
	}
	data, err := strconv.Unquote(`"` + args[1] + `"`)
	if err != nil {
		ts.Fatalf("writebytes: %v", err)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
}
