package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/interview"
	"github.com/designdoc-cli/designdoc/internal/render"
	"github.com/designdoc-cli/designdoc/internal/safefile"
	"github.com/designdoc-cli/designdoc/internal/team"
)

// InitOptions are the inputs of designdoc init.
type InitOptions struct {
	IO               *IO
	Dir              string // where to write; "" the repository root, else the working directory
	DocsDir          string
	Template         string
	Filename         string
	Authors          []string
	RequiredSections []string
	NoInput          bool
	Force            bool
	DryRun           bool
	Prompter         interview.Prompter
	// authorGiven is set when --author was given (even empty): the prompt
	// then does not default to git's user.name.
	authorGiven bool
}

func newInitCmd(io *IO, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write the team config (.designdoc.yaml) for a repository",
		Long: `Init writes .designdoc.yaml, the config every designdoc command in the
repository reads: where the docs live, the template, the file-name pattern,
the default authors and the sections every doc must fill in.

It asks for each value, or with --no-input takes the flags and the
defaults. The file goes to the root of the git repository you are in (the
folder that holds .git), else into the current folder; --dir chooses
another. An existing config is never replaced without --force, and
--dry-run prints the file instead of writing it.

The file-name pattern is a Go template over .Number, .Slug, .Created and
.Title; its result must be a file name ending in .md.`,
		Example: `  designdoc init
  designdoc init --no-input
  designdoc init --no-input --docs-dir rfcs --template rfc --author "Platform Team"
  designdoc init --no-input --filename '{{ .Created }}-{{ .Slug }}.md' --dry-run`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.authorGiven = cmd.Flags().Changed("author")
			opts.Authors = trimList(opts.Authors)
			opts.RequiredSections = trimList(opts.RequiredSections)
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Dir, "dir", "", "write .designdoc.yaml in `DIR` (default: the repository root, else the current folder)")
	f.StringVar(&opts.DocsDir, "docs-dir", team.DefaultDocsDir, "folder of the docs, relative to the config")
	f.StringVar(&opts.Template, "template", "rfc", "built-in template `NAME` or path of a .md.tmpl file")
	f.StringVar(&opts.Filename, "filename", team.DefaultFilename, "file-name `PATTERN` over .Number, .Slug, .Created, .Title")
	f.StringSliceVar(&opts.Authors, "author", nil, "default author of new docs (repeatable, or comma-separated)")
	f.StringSliceVar(&opts.RequiredSections, "required-sections", team.DefaultRequiredSections, "sections every doc must fill in, comma-separated")
	f.BoolVar(&opts.NoInput, "no-input", false, "never prompt: use the flags and the defaults")
	f.BoolVar(&opts.Force, "force", false, "replace an existing .designdoc.yaml")
	f.BoolVar(&opts.DryRun, "dry-run", false, "print the config instead of writing it")
	_ = cmd.RegisterFlagCompletionFunc("template", completeTemplates)
	return cmd
}

func initRun(opts *InitOptions) error {
	dir := opts.Dir
	if dir == "" {
		var err error
		if dir, err = repositoryRoot("."); err != nil {
			return err
		}
	}
	path := filepath.Join(dir, team.ConfigName)
	if _, err := os.Lstat(path); err == nil && !opts.Force {
		return fmt.Errorf("%s already exists; pass --force to replace it (or edit it)", path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		if errors.Is(err, syscall.ENOTDIR) {
			return &usageError{err: fmt.Errorf("--dir: %s is a file, not a folder", dir), cmd: "designdoc init"}
		}
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	c := &team.Config{Path: path, DocsDir: opts.DocsDir, Template: opts.Template, Filename: opts.Filename,
		Authors: opts.Authors, RequiredSections: opts.RequiredSections}
	if !opts.NoInput {
		p := opts.Prompter
		if p == nil {
			if !opts.IO.InTerminal {
				return errors.New("designdoc init needs a terminal to ask; pass --no-input (with --docs-dir, --template, … as needed) to run without prompts")
			}
			var err error
			if p, err = terminalPrompter(opts.IO); err != nil {
				return err
			}
		}
		if err := askConfig(p, c, opts); err != nil {
			if errors.Is(err, interview.ErrInterrupted) {
				opts.IO.Infof("\ninterrupted; nothing was written\n")
				return &ExitError{Code: ExitInterrupted}
			}
			return err
		}
	}
	c.Keys = map[string]design.Pos{"docs_dir": {}, "template": {}, "filename": {}, "required_sections": {}}
	if len(c.Authors) > 0 {
		c.Keys["authors"] = design.Pos{}
	}
	data := team.Marshal(c)
	// What is written must load: the flags are checked as the file will be.
	parsed, err := team.Parse(path, data)
	if err == nil {
		err = team.CheckInsideRepository(parsed)
	}
	if err != nil {
		if opts.NoInput {
			err = asFlagProblems(err)
		}
		return &usageError{err: err, cmd: "designdoc init"}
	}
	if opts.DryRun {
		opts.IO.Infof("would write %s:\n", path)
		_, err := opts.IO.Out.Write(data)
		return err
	}
	if err := safefile.Write(path, data, 0o644); err != nil {
		return err
	}
	opts.IO.Infof("wrote %s; docs go to %s\n", path, filepath.Join(dir, c.DocsDir))
	return nil
}

// initFlags are the flags of init by the config key each one writes.
var initFlags = map[string]string{"docs_dir": "--docs-dir", "template": "--template", "filename": "--filename",
	"authors": "--author", "required_sections": "--required-sections"}

// asFlagProblems restates the problems of the config made from the flags
// with the flag that gave each value: the file is not written yet, so its
// lines and columns would point nowhere.
func asFlagProblems(err error) error {
	var le *design.LoadError
	if !errors.As(err, &le) {
		return err
	}
	lines := make([]string, len(le.Problems))
	for i, p := range le.Problems {
		key, _, _ := strings.Cut(p.Path, "[")
		flag, ok := initFlags[key]
		if !ok {
			lines[i] = p.String()
			continue
		}
		lines[i] = flag + ": " + p.Msg
	}
	if len(lines) == 1 {
		return errors.New(lines[0])
	}
	return fmt.Errorf("%d problems with the flags\n%s", len(lines), strings.Join(lines, "\n"))
}

// trimList trims each item of a comma-separated flag and drops empty ones.
func trimList(items []string) []string {
	var out []string
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

// repositoryRoot is the folder holding .git at or above dir, else dir.
func repositoryRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return relToWorkingDir(d), nil
		}
		if filepath.Dir(d) == d {
			return relToWorkingDir(abs), nil
		}
	}
}

// relToWorkingDir shortens a path for messages when it is under the
// working directory.
func relToWorkingDir(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return p
}

// askConfig asks for each value, with the flags (or defaults) as defaults.
func askConfig(p interview.Prompter, c *team.Config, opts *InitOptions) error {
	var err error
	if c.DocsDir, err = p.Input(interview.Prompt{
		Message: "Folder of the design docs", Default: c.DocsDir,
		Help: "Every doc and its answers file go into this folder, relative to the repository root.",
		Validate: func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("give a folder, e.g. docs/design")
			}
			return nil
		},
	}); err != nil {
		return err
	}
	c.DocsDir = strings.TrimSpace(c.DocsDir)
	templates := []string{"design", "rfc", "interview"}
	if engine, err := render.New(); err == nil {
		templates = engine.Builtins()
	}
	if slices.Contains(templates, c.Template) {
		if c.Template, err = p.Select(interview.Choice{
			Message: "Template", Options: templates, Default: c.Template,
			Help: "rfc: front matter and RFC sections; design: every interview phase; interview: compact, for practice. A custom template can be given later as a path.",
		}); err != nil {
			return err
		}
	}
	if c.Filename, err = p.Input(interview.Prompt{
		Message: "File-name pattern", Default: c.Filename,
		Help:     "A Go template over .Number, .Slug, .Created and .Title that gives a file name ending in .md.",
		Validate: func(s string) error { _, err := team.ParsePattern(s); return err },
	}); err != nil {
		return err
	}
	authorDefault := strings.Join(c.Authors, ", ")
	if authorDefault == "" && !opts.authorGiven {
		authorDefault = SystemEnv().Author()
	}
	authors, err := p.Input(interview.Prompt{
		Message: "Default authors (comma-separated, empty for none)", Default: authorDefault,
		Help: "New docs start with these authors; the interview can change them.",
	})
	if err != nil {
		return err
	}
	c.Authors = nil
	for _, a := range strings.Split(authors, ",") {
		if a = strings.TrimSpace(a); a != "" {
			c.Authors = append(c.Authors, a)
		}
	}
	if c.RequiredSections, err = p.MultiSelect(interview.Choice{
		Message: "Sections every doc must fill in", Options: team.BuiltinSections, Defaults: c.RequiredSections,
		Help: "designdoc check reports each of these when it is empty (rule DD001).",
	}); err != nil {
		return err
	}
	return nil
}
