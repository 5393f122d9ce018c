package team

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// plainSafe is text YAML reads back unchanged without quotes.
var plainSafe = lazyre.New(`^[A-Za-z_./][A-Za-z0-9_./ -]*$`)

// yamlText writes s as a YAML scalar, quoted when it needs to be.
func yamlText(s string) string {
	switch strings.ToLower(s) {
	case "", "null", "true", "false", "yes", "no", "on", "off", "y", "n", "~":
		return strconv.Quote(s)
	}
	if plainSafe.MatchString(s) && !strings.HasSuffix(s, " ") && !strings.Contains(s, " #") {
		return s
	}
	return strconv.Quote(s) // JSON-style double quotes are valid YAML
}

func yamlList(items []string) string {
	q := make([]string, len(items))
	for i, it := range items {
		q[i] = yamlText(it)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// ConfigSchemaURL is where the JSON Schema of a config file is published
// (the repository's schema/config.schema.json, also printed by designdoc
// schema config).
const ConfigSchemaURL = "https://raw.githubusercontent.com/designdoc-cli/designdoc/main/schema/config.schema.json"

// SchemaComment is the first line Marshal writes, which editors with the
// YAML language server read to complete and check the file.
const SchemaComment = "# yaml-language-server: $schema=" + ConfigSchemaURL + "\n"

// Marshal writes c as a config file, keys in the order of Keys, only
// those c sets (Has), after the schema line and a comment saying what the
// file is. Parse of the result gives back c's values.
func Marshal(c *Config) []byte {
	var b bytes.Buffer
	b.WriteString(SchemaComment)
	b.WriteString("# designdoc project config: https://github.com/designdoc-cli/designdoc#team-configuration\n")
	for _, k := range Keys {
		if !c.Has(k) {
			continue
		}
		switch k {
		case "docs_dir":
			b.WriteString("docs_dir: " + yamlText(strings.ReplaceAll(c.DocsDir, `\`, "/")) + "\n")
		case "template":
			b.WriteString("template: " + yamlText(c.Template) + "\n")
		case "filename":
			b.WriteString("filename: " + strconv.Quote(c.Filename) + "\n")
		case "authors":
			b.WriteString("authors: " + yamlList(c.Authors) + "\n")
		case "required_sections":
			b.WriteString("required_sections: " + yamlList(c.RequiredSections) + "\n")
		case "extra_sections":
			b.WriteString("extra_sections:\n")
			for _, e := range c.ExtraSections {
				b.WriteString("  - id: " + yamlText(e.ID) + "\n    title: " + yamlText(e.Title) + "\n")
				if e.Prompt != "" {
					b.WriteString("    prompt: " + yamlText(e.Prompt) + "\n")
				}
				if e.Required {
					b.WriteString("    required: true\n")
				}
			}
		case "templates_dir":
			b.WriteString("templates_dir: " + yamlText(strings.ReplaceAll(c.TemplatesDir, `\`, "/")) + "\n")
		}
	}
	return b.Bytes()
}
