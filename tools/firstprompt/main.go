// Command firstprompt measures how long designdoc new takes to show its
// first question in a terminal: it starts the binary under a
// pseudo-terminal, in an empty folder, and stops the clock when the
// prompt's "? " appears. Beside it, the same for designdoc version (the
// floor: starting the process and printing a line).
//
//	go run ./tools/firstprompt -bin bin/designdoc -n 30
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"

	"github.com/creack/pty"
)

func main() {
	bin := flag.String("bin", "bin/designdoc", "the designdoc binary")
	n := flag.Int("n", 30, "runs of each")
	flag.Parse()
	abs, err := filepath.Abs(*bin)
	if err != nil {
		fail(err)
	}
	*bin = abs
	dir, err := os.MkdirTemp("", "firstprompt")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	floor := measure(*bin, dir, *n, []byte("designdoc"), "version")
	prompt := measure(*bin, dir, *n, []byte("? "), "new")
	fmt.Printf("time to first prompt (median of %d, pseudo-terminal, empty folder)\n", *n)
	fmt.Printf("  designdoc version (process start + one line)  %6.1f ms\n", ms(floor))
	fmt.Printf("  designdoc new: first question on screen       %6.1f ms  (%.2f× version)\n", ms(prompt), float64(prompt)/float64(floor))
}

func measure(bin, dir string, n int, want []byte, args ...string) time.Duration {
	var times []time.Duration
	for i := 0; i < n+1; i++ { // the first run warms the page cache
		d, err := once(bin, dir, want, args...)
		if err != nil {
			fail(err)
		}
		if i > 0 {
			times = append(times, d)
		}
	}
	slices.Sort(times)
	return times[len(times)/2]
}

func once(bin, dir string, want []byte, args ...string) (time.Duration, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm", "NO_COLOR=1", "HOME="+dir, "XDG_CONFIG_HOME="+dir)
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		return 0, err
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		f.Close()
	}()
	var seen []byte
	buf := make([]byte, 4096)
	for {
		k, err := f.Read(buf)
		seen = append(seen, buf[:k]...)
		if bytes.Contains(seen, want) {
			return time.Since(start), nil
		}
		if err == io.EOF || err != nil {
			return 0, fmt.Errorf("%s %v ended before %q appeared: %q", bin, args, want, seen)
		}
		if time.Since(start) > 10*time.Second {
			return 0, fmt.Errorf("%s %v: no %q after 10 s: %q", bin, args, want, seen)
		}
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "firstprompt:", err)
	os.Exit(1)
}
