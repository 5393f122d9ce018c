// Package schema holds the JSON Schemas (draft 2020-12) of designdoc's
// files, written by hand and tested against the loaders: answers.schema.json
// for an answers file, config.schema.json for a team config. Editors that
// read the `# yaml-language-server: $schema=…` line designdoc writes use
// them to complete and check the files as they are typed.
package schema

import (
	"embed"
	"fmt"
	"strings"
)

// FS holds the schema files, NAME.schema.json.
//
//go:embed *.schema.json
var FS embed.FS

// Names lists the schemas by the name designdoc schema takes.
var Names = []string{"answers", "config"}

// Get returns the schema called name (one of Names) as JSON text.
func Get(name string) ([]byte, error) {
	for _, n := range Names {
		if n == name {
			return FS.ReadFile(name + ".schema.json")
		}
	}
	return nil, fmt.Errorf("unknown schema %q; use %s", name, strings.Join(Names, " or "))
}
