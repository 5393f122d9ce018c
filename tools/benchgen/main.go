// Command benchgen writes a synthetic schema-v1 answers file for the
// render benchmarks:
//
//	benchgen -n 1000 -o ours-1000.designdoc.yaml
//
// The file is written atomically (temp file + rename); -o - writes to
// standard output. The same -n always gives the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/designdoc-cli/designdoc/internal/benchgen"
)

func main() {
	n := flag.Int("n", 10, "number of core entities (at least 1)")
	out := flag.String("o", "-", "answers file to write, - for standard output")
	flag.Parse()
	if flag.NArg() > 0 || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: benchgen -n N [-o FILE]  (N at least 1)")
		os.Exit(2)
	}
	if err := run(*n, *out); err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
}

func run(n int, out string) error {
	if out == "-" {
		return benchgen.Write(os.Stdout, n)
	}
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if err := benchgen.Write(f, n); err != nil {
		f.Close()
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}
