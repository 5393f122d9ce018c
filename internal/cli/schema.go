package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/safefile"
	"github.com/designdoc-cli/designdoc/schema"
)

// SchemaOptions are the inputs of designdoc schema.
type SchemaOptions struct {
	IO     *IO
	Name   string // answers or config
	Output string // "" or "-" prints to stdout
	Force  bool
}

func newSchemaCmd(io *IO, runF func(*SchemaOptions) error) *cobra.Command {
	opts := &SchemaOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "schema answers|config",
		Short: "Print the JSON Schema of answers files or of the team config",
		Long: `Schema prints the JSON Schema (draft 2020-12) of an answers file or of a
team config (.designdoc.yaml), for editors and CI.

Every answers file designdoc writes starts with a line that points editors
at the published schema:

  # yaml-language-server: $schema=https://raw.githubusercontent.com/designdoc-cli/designdoc/main/schema/answers.schema.json

VS Code's YAML extension (and any editor using the YAML language server)
reads it and completes keys and enum values, shows what each key is for
and marks mistakes as you type. Save the schema locally with -o to work
offline or to pin it to this version of designdoc.`,
		Example: `  designdoc schema answers
  designdoc schema config
  designdoc schema answers -o answers.schema.json`,
		Args:      schemaArgs,
		ValidArgs: schema.Names,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			if runF != nil {
				return runF(opts)
			}
			return schemaRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write the schema to `FILE` instead of stdout")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace an existing FILE")
	return cmd
}

// schemaArgs takes exactly one schema name, one of schema.Names.
func schemaArgs(cmd *cobra.Command, args []string) error {
	choices := strings.Join(schema.Names, " or ")
	if len(args) != 1 {
		return &usageError{err: fmt.Errorf("%s takes one schema name, %s; got %d arguments", cmd.CommandPath(), choices, len(args)), cmd: cmd.CommandPath()}
	}
	if _, err := schema.Get(args[0]); err != nil {
		return &usageError{err: err, cmd: cmd.CommandPath()}
	}
	return nil
}

func schemaRun(opts *SchemaOptions) error {
	data, err := schema.Get(opts.Name)
	if err != nil {
		return &usageError{err: err, cmd: "designdoc schema"}
	}
	if !bytes.HasSuffix(data, []byte("\n")) {
		data = append(data, '\n')
	}
	if opts.Output == "" || opts.Output == "-" {
		_, err := opts.IO.Out.Write(data)
		return err
	}
	if exists(opts.Output) && !opts.Force {
		return fmt.Errorf("%s already exists; pass --force to replace it", opts.Output)
	}
	if err := safefile.Write(opts.Output, data, 0o644); err != nil {
		return err
	}
	opts.IO.Infof("wrote %s\n", opts.Output)
	return nil
}
