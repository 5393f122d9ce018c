package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/render"
)

// DefaultEjectDir is where templates eject writes when given no folder.
const DefaultEjectDir = "templates"

// TemplatesOptions are the inputs of designdoc templates list, show and
// eject.
type TemplatesOptions struct {
	IO     *IO
	Action string // "list", "show" or "eject"
	Name   string // show and eject: the template or partial
	// Dir is a folder of custom templates to list and show beside the
	// built-ins (--dir).
	Dir string
	// Target is the folder eject writes into.
	Target string
	Force  bool
	DryRun bool
}

func newTemplatesCmd(io *IO, runF func(*TemplatesOptions) error) *cobra.Command {
	opts := &TemplatesOptions{IO: io}
	run := func(action string) func(*cobra.Command, []string) error {
		return func(cmd *cobra.Command, args []string) error {
			opts.Action = action
			if len(args) > 0 {
				opts.Name = args[0]
			}
			if action == "eject" {
				opts.Target = DefaultEjectDir
				if len(args) > 1 {
					opts.Target = args[1]
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return templatesRun(opts)
		}
	}
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "List, show and eject the templates docs are rendered with",
		Long: `A template turns answers into a doc. designdoc has three built in: design
(every phase, the default), rfc (YAML front matter, context, goals, the
design as the proposal, rollout, security) and interview (the phases only,
for practice). Each is made of partials, one per section, which any
template can call with {{ template "capacity" . }}.

A folder of custom templates (--dir) holds NAME.md.tmpl files, used by
name like the built-ins (one with a built-in's name takes its place), and
a partials/ folder whose files replace the built-in partials of the same
names for the templates beside it. templates eject lays a built-in out
that way for you to edit.`,
		Example: `  designdoc templates list
  designdoc templates show rfc
  designdoc templates eject rfc team-templates
  designdoc templates list --dir team-templates
  designdoc render answers.yaml --template team-templates/rfc.md.tmpl`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &usageError{err: fmt.Errorf("unknown subcommand %q for %s; use list, show or eject", args[0], cmd.CommandPath()), cmd: cmd.CommandPath()}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return &usageError{err: fmt.Errorf("%s needs a subcommand: list, show or eject", cmd.CommandPath()), cmd: cmd.CommandPath()}
		},
	}
	cmd.PersistentFlags().StringVar(&opts.Dir, "dir", "", "also list and show the custom templates in `FOLDER`")

	list := &cobra.Command{
		Use:   "list",
		Short: "List the built-in templates, the custom ones and the partials",
		Long: `List prints every document template by name with where it comes from and
what it is for, then the partials a template can call. With --dir the
custom templates in that folder are listed too; one with a built-in's name
is marked as replacing it.`,
		Example: `  designdoc templates list
  designdoc templates list --dir team-templates`,
		Args: maximumArgs(0, "no arguments"),
		RunE: run("list"),
	}
	show := &cobra.Command{
		Use:   "show NAME",
		Short: "Print the source of a template or partial",
		Long: `Show prints the text/template source of a document template or a partial,
custom (with --dir) or built in, so you can read what a section renders or
copy it into your own template.`,
		Example: `  designdoc templates show rfc
  designdoc templates show capacity
  designdoc templates show team --dir team-templates`,
		Args:              exactArgs(1, "a template or partial name"),
		ValidArgsFunction: completeTemplateNames,
		RunE:              run("show"),
	}
	eject := &cobra.Command{
		Use:   "eject NAME [DIR]",
		Short: "Copy a built-in template and its partials into a folder to customise",
		Long: `Eject writes the built-in template NAME into DIR (default: templates) as
NAME.md.tmpl, with every partial it calls under DIR/partials/. Rendering
with DIR/NAME.md.tmpl (or with NAME from a templates folder of DIR) then
gives the same doc until you edit a file: each partial you change replaces
the built-in one, and the rest can be deleted to keep following designdoc's.
NAME may also be one partial, written alone to DIR/partials/.

Every file is written atomically. A file already there with other contents
is not overwritten, and nothing is written, without --force; --dry-run
prints what would be written.`,
		Example: `  designdoc templates eject rfc
  designdoc templates eject rfc team-templates --dry-run
  designdoc templates eject capacity team-templates   # one partial
  designdoc templates eject rfc team-templates --force`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 {
				return exactArgs(1, "a template name and an optional folder")(cmd, args)
			}
			return maximumArgs(2, "a template name and an optional folder")(cmd, args)
		},
		ValidArgsFunction: completeTemplateNames,
		RunE:              run("eject"),
	}
	eject.Flags().BoolVar(&opts.Force, "force", false, "overwrite files in DIR that have other contents")
	eject.Flags().BoolVar(&opts.DryRun, "dry-run", false, "print what would be written and write nothing")
	cmd.AddCommand(list, show, eject)
	return cmd
}

func templatesRun(opts *TemplatesOptions) error {
	engine, err := render.NewWithDir(opts.Dir)
	if err != nil {
		return err
	}
	switch opts.Action {
	case "list":
		return templatesList(opts, engine)
	case "show":
		src, err := engine.Source(opts.Name)
		if err != nil {
			return err
		}
		_, err = opts.IO.Out.Write(src.Text)
		return err
	case "eject":
		return templatesEject(opts, engine)
	}
	return fmt.Errorf("internal error: templates action %q", opts.Action)
}

func templatesList(opts *TemplatesOptions, engine *render.Engine) error {
	tw := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	fprintf(tw, "NAME\tSOURCE\tDESCRIPTION\n")
	for _, t := range engine.Templates() {
		source := "built-in"
		if !t.Builtin {
			source = filepath.ToSlash(t.File)
			if t.Replaces {
				source += " (replaces the built-in)"
			}
		}
		fprintf(tw, "%s\t%s\t%s\n", t.Name, source, t.Description)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	custom := map[string]bool{}
	for _, p := range engine.CustomPartials() {
		custom[p] = true
	}
	var parts []string
	for _, p := range engine.Partials() {
		if custom[p] {
			p += " (custom)"
		}
		parts = append(parts, p)
	}
	fprintf(opts.IO.Out, "\nPartials, called with {{ template \"NAME\" . }}: %s\n", strings.Join(parts, ", "))
	if len(custom) > 0 {
		fprintf(opts.IO.Out, "The custom partials are in %s and apply to the templates there.\n", filepath.ToSlash(filepath.Join(engine.Dir(), "partials")))
	}
	return nil
}

func templatesEject(opts *TemplatesOptions, engine *render.Engine) error {
	files, err := engine.EjectFiles(opts.Name)
	if err != nil {
		return err
	}
	res, err := render.Eject(files, opts.Target, opts.Force, opts.DryRun)
	if err != nil {
		return err
	}
	for _, r := range res {
		path := filepath.ToSlash(r.Path)
		switch {
		case opts.DryRun && r.Action == "unchanged":
			fprintf(opts.IO.Out, "unchanged     %s\n", path)
		case opts.DryRun:
			fprintf(opts.IO.Out, "would %-7s %s\n", r.Action, path)
		case r.Action == "unchanged":
			opts.IO.Infof("%s is up to date\n", path)
		default:
			opts.IO.Infof("wrote %s\n", path)
		}
	}
	if !opts.DryRun && len(files) > 1 {
		main := filepath.ToSlash(filepath.Join(opts.Target, files[0].Path))
		opts.IO.Infof("render with --template %s, or set templates_dir: %s in .designdoc.yaml and use --template %s\n", main, filepath.ToSlash(opts.Target), opts.Name)
	}
	return nil
}
