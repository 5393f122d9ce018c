package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/designdoc-cli/designdoc/internal/cli"
)

var updateScripts = flag.Bool("update-scripts", false, "rewrite cmp files in testdata/script from the actual output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"designdoc": func() { os.Exit(cli.Main(os.Args[1:], cli.System())) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each one a
// small shell session with designdoc, its files and its expected output.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *updateScripts,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			env.Setenv("NO_COLOR", "1")
			env.Setenv("GORACE", raceOptions(os.Getenv("GORACE")))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":      cmdExits,
			"tmpfs":      cmdTmpfs,
			"remount-ro": cmdRemountRO,
			"fill":       cmdFill,
			"nostray":    cmdNoStray,
			"snapshot":   cmdSnapshot,
			"unchanged":  cmdUnchanged,
			"writebytes": cmdWriteBytes,
		},
		Condition: scriptCondition,
	})
}

// raceOptions adds a short exit pause to the race detector's options. A
// binary built with -race sleeps a whole second before it exits, so that
// goroutines still running can report; over the scripts' few hundred runs
// of designdoc that sleep was most of go test -race (92 s of 95 on two
// cores). Ten milliseconds still lets a late report out; a pause the
// caller set in GORACE is kept.
func raceOptions(gorace string) string {
	if strings.Contains(gorace, "atexit_sleep_ms=") {
		return gorace
	}
	return strings.TrimSpace(gorace + " atexit_sleep_ms=10")
}

// cmdExits runs a program and checks its exit status:
//
//	exits 2 designdoc new
//
// Its stdout and stderr can be matched afterwards, as after exec.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %q is not an exit code", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("exits: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

func TestRaceOptions(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "atexit_sleep_ms=10"},
		{"halt_on_error=1", "halt_on_error=1 atexit_sleep_ms=10"},
		{"atexit_sleep_ms=500 log_path=/tmp/r", "atexit_sleep_ms=500 log_path=/tmp/r"},
	}
	for _, tt := range tests {
		if got := raceOptions(tt.in); got != tt.want {
			t.Errorf("raceOptions(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
