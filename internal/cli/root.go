// Package cli wires designdoc's commands with cobra: flags, help and
// exit codes. The work itself lives in the domain packages.
package cli

import (
	"errors"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X …/internal/cli.Version=v1.2.3";
// otherwise the module version from the build info is used.
var Version = ""

// version returns the version this binary reports.
func version() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// globalOptions are the flags every command has.
type globalOptions struct {
	noColor bool
	quiet   bool
}

// NewRoot builds the designdoc command tree around the given streams.
func NewRoot(io *IO) *cobra.Command {
	var g globalOptions
	root := &cobra.Command{
		Use:   "designdoc",
		Short: "Interview an engineer through a system design and render the design doc",
		Long: `designdoc walks you through a system design — requirements, capacity
estimation, core entities, API, data flow, high-level design, deep dives —
and renders a complete Markdown design doc from your answers.`,
		Example: `  # Render a design doc from an answers file
  designdoc render url-shortener.designdoc.yaml

  # Print it instead of writing a file
  designdoc render url-shortener.designdoc.yaml -o -`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			// no-color.org: NO_COLOR set to any non-empty value.
			io.Color = io.ErrTerminal && !g.noColor && os.Getenv("NO_COLOR") == ""
			io.Quiet = g.quiet
		},
	}
	root.SetVersionTemplate("designdoc {{.Version}}\n")
	root.PersistentFlags().BoolVar(&g.noColor, "no-color", false, "never use colour (also: NO_COLOR=1)")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "print only errors and requested output")
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{err: err, cmd: cmd.CommandPath()}
	})
	root.AddCommand(newNewCmd(io, nil), newEditCmd(io, nil), newRenderCmd(io, nil), newEstimateCmd(io, nil), newCheckCmd(io, nil), newGuideCmd(io, nil), newVersionCmd(io))
	root.AddCommand(newTemplatesCmd(io, nil))
	root.AddCommand(newInitCmd(io, nil))
	root.AddCommand(newListCmd(io, nil))
	root.AddCommand(newStatusCmd(io, nil))
	root.AddCommand(newPracticeCmd(io, nil))
	root.AddCommand(newSchemaCmd(io, nil))
	setUpCompletion(root)
	return root
}

// Main runs designdoc with args and returns the process exit code.
//
// Ctrl-C during the interview reaches it as a key press (the terminal is
// in raw mode while a question waits), so new and edit save the answers
// and exit 130 themselves. Anywhere else Ctrl-C is left to the Go runtime:
// every write is atomic, and the shell sees the process end by SIGINT.
func Main(args []string, io *IO) int {
	out := &failWriter{w: io.Out}
	io.Out = out
	defer func() { io.Out = out.w }()
	root := NewRoot(io)
	if isCompletionRequest(args) {
		completeEveryFlag(root)
	}
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil && out.err != nil {
		err = out.err
	}
	if err != nil {
		if cmd != nil && !errors.As(err, new(*ExitError)) && isArgError(err) {
			err = &usageError{err: err, cmd: cmd.CommandPath()}
		}
		printError(io.Err, err, io.Color)
	}
	return exitCode(err)
}

// isArgError recognises cobra's own complaints about arguments and
// unknown commands, which are usage mistakes.
func isArgError(err error) bool {
	var ue *usageError
	if errors.As(err, &ue) {
		return false
	}
	msg := err.Error()
	for _, p := range []string{"accepts ", "requires ", "unknown command", "unknown flag", "unknown shorthand", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
