package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/safefile"
	"github.com/designdoc-cli/designdoc/internal/team"
)

// ListOptions are the inputs of designdoc list.
type ListOptions struct {
	IO      *IO
	DocsDir string // --dir: list this folder instead of the config's docs_dir
	JSON    bool
	Status  string
	Index   bool
	Check   bool
	DryRun  bool
}

func newListCmd(io *IO, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the project's design docs: number, title, status, authors, created",
		Long: `List prints every doc in the project's docs_dir (from .designdoc.yaml,
found in this folder or above, up to the repository root), sorted by
number. Each doc is read from the answers file beside it, else from its
YAML front matter (as the rfc template writes it).

--index writes the same table, with a link to each doc, to
<docs_dir>/README.md. Only the part between its designdoc:index markers is
replaced, so text around the table is kept; the write is atomic and the
same docs always give the same file.

--check exits 1 when two docs have the same number (as happens when two
branches each took the next one), naming both files: a gate for CI.`,
		Example: `  designdoc list
  designdoc list --status accepted
  designdoc list --json
  designdoc list --index
  designdoc list --check           # in CI: fail on duplicate numbers
  designdoc list --dir docs/adr    # any folder, without a config`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.DocsDir, "dir", "", "list the docs in `DIR` instead of the config's docs_dir")
	f.BoolVar(&opts.JSON, "json", false, "print a JSON array of {number, title, status, authors, created, path}")
	f.StringVar(&opts.Status, "status", "", "only docs with this `STATUS` ("+strings.Join(design.Statuses, ", ")+")")
	f.BoolVar(&opts.Index, "index", false, "write the table of docs to <docs_dir>/README.md")
	f.BoolVar(&opts.Check, "check", false, "exit 1 if two docs have the same number")
	f.BoolVar(&opts.DryRun, "dry-run", false, "with --index: print the README instead of writing it")
	return cmd
}

func listRun(opts *ListOptions) error {
	if opts.Index && opts.Status != "" {
		return &usageError{err: errors.New("--index always lists every doc; it does not take --status"), cmd: "designdoc list"}
	}
	if opts.DryRun && !opts.Index {
		return &usageError{err: errors.New("--dry-run goes with --index, the only thing list writes"), cmd: "designdoc list"}
	}
	if opts.Status != "" {
		s, err := design.NormalizeField("status", opts.Status)
		if err != nil {
			return &usageError{err: fmt.Errorf("--status: %w", err), cmd: "designdoc list"}
		}
		opts.Status = s
	}
	docsDir := opts.DocsDir
	if docsDir == "" {
		s, err := projectSettings(".")
		if err != nil {
			return err
		}
		docsDir = s.DocsDir
	}
	entries, err := team.List(docsDir)
	if err != nil {
		return err
	}
	for i := range entries {
		entries[i].Path = relToWorkingDir(entries[i].Path)
		if entries[i].Answers != "" {
			entries[i].Answers = relToWorkingDir(entries[i].Answers)
		}
		if entries[i].Authors == nil {
			entries[i].Authors = []string{}
		}
	}
	switch {
	case opts.Check:
		return checkNumbers(opts.IO, entries)
	case opts.Index:
		return writeIndex(opts, docsDir, entries)
	}
	if opts.Status != "" {
		kept := entries[:0]
		for _, e := range entries {
			if e.Status == opts.Status {
				kept = append(kept, e)
			}
		}
		entries = kept
	}
	if opts.JSON {
		if entries == nil {
			entries = []team.Entry{}
		}
		b, err := json.MarshalIndent(entries, "", "  ")
		if err != nil {
			return err
		}
		_, err = opts.IO.Out.Write(append(b, '\n'))
		return err
	}
	if len(entries) == 0 {
		if opts.Status != "" {
			opts.IO.Infof("no %s docs in %s\n", opts.Status, relToWorkingDir(docsDir))
		} else {
			opts.IO.Infof("no docs in %s yet; designdoc new writes the first\n", relToWorkingDir(docsDir))
		}
		return nil
	}
	tw := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NUMBER\tTITLE\tSTATUS\tAUTHORS\tCREATED\tPATH")
	for _, e := range entries {
		num := "-"
		if e.Number > 0 {
			num = strconv.Itoa(e.Number)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", num, oneLine(e.Title), e.Status, oneLine(strings.Join(e.Authors, ", ")), e.Created, e.Path)
	}
	return tw.Flush()
}

// projectSettings finds the project config from dir (required) and the
// user config, and resolves them.
func projectSettings(dir string) (team.Settings, error) {
	project, err := team.Find(dir)
	if err != nil {
		return team.Settings{}, err
	}
	if project == nil {
		return team.Settings{}, fmt.Errorf("no %s in this folder or above it (up to the repository root); run designdoc init, or pass --dir DIR", team.ConfigName)
	}
	user, err := team.LoadUser()
	if err != nil {
		return team.Settings{}, err
	}
	return team.Resolve(project, user), nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func checkNumbers(io *IO, entries []team.Entry) error {
	dups := team.Duplicates(entries)
	if len(dups) == 0 {
		io.Infof("%d docs, no number used twice\n", len(entries))
		return nil
	}
	for _, d := range dups {
		fprintf(io.Err, "number %d is used by %s\n", d.Number, strings.Join(d.Paths, " and "))
	}
	what := "a number is"
	if len(dups) > 1 {
		what = strconv.Itoa(len(dups)) + " numbers are"
	}
	return &ExitError{Code: ExitFindings, Err: fmt.Errorf("%s used by more than one doc; renumber all but one (designdoc edit ANSWERS --set number=N --no-input)", what)}
}

func writeIndex(opts *ListOptions, docsDir string, entries []team.Entry) error {
	path := filepath.Join(docsDir, "README.md")
	existing, err := os.ReadFile(path)
	var data []byte
	switch {
	case err == nil:
		data = team.UpdateIndex(existing, entries)
	case errors.Is(err, fs.ErrNotExist):
		data = team.Index(entries)
	default:
		return fmt.Errorf("read %s: %w", path, err)
	}
	shown := relToWorkingDir(path)
	if err == nil && bytes.Equal(data, existing) {
		opts.IO.Infof("%s is up to date\n", shown)
		return nil
	}
	if opts.DryRun {
		opts.IO.Infof("would write %s:\n", shown)
		_, err := opts.IO.Out.Write(data)
		return err
	}
	if err := safefile.Write(path, data, 0o644); err != nil {
		return err
	}
	opts.IO.Infof("wrote %s (%d docs)\n", shown, len(entries))
	return nil
}
