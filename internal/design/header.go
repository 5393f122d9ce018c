package design

import (
	"bytes"
	"strings"
)

// AnswersSchemaURL is where the JSON Schema of answers files is published
// (the repository's schema/answers.schema.json, also printed by designdoc
// schema answers).
const AnswersSchemaURL = "https://raw.githubusercontent.com/designdoc-cli/designdoc/main/schema/answers.schema.json"

// SchemaComment is the first line of every answers file Marshal writes:
// editors with the YAML language server (VS Code's YAML extension, …)
// read it and complete and check the file against the schema.
const SchemaComment = "# yaml-language-server: $schema=" + AnswersSchemaURL + "\n"

// InsertComment returns data with comment (whole lines, each ending in a
// newline) added after the schema line that starts it, or at the top when
// data has none: the schema line stays first, where editors look for it.
func InsertComment(data []byte, comment string) []byte {
	if !strings.HasSuffix(comment, "\n") {
		comment += "\n"
	}
	var b bytes.Buffer
	b.Grow(len(data) + len(comment))
	if rest, ok := bytes.CutPrefix(data, []byte(SchemaComment)); ok {
		b.WriteString(SchemaComment)
		data = rest
	}
	b.WriteString(comment)
	b.Write(data)
	return b.Bytes()
}
