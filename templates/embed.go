// Package templates holds designdoc's built-in templates: one file per
// document template (NAME.md.tmpl) and the shared section partials under
// partials/, which custom templates can call with {{template "NAME" .}}.
package templates

import "embed"

// FS holds every built-in template file.
//
//go:embed *.md.tmpl partials/*.md.tmpl
var FS embed.FS
