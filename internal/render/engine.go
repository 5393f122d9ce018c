// Package render turns a design.Doc into Markdown through text/template,
// with the built-in templates and partials embedded in the binary and a
// sandboxed function map: templates cannot read the environment or the
// network, and answers are only ever data, never template text.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/templates"
)

// DefaultTemplate is the template used when neither the answers nor the
// command line name one.
const DefaultTemplate = "design"

// Engine holds the built-in templates, parsed once.
type Engine struct {
	base     *template.Template // partials and every built-in document template
	builtins []string           // names of the built-in document templates, sorted
}

// New parses the embedded templates.
func New() (*Engine, error) {
	return newEngine(templates.FS)
}

func newEngine(fsys fs.FS) (*Engine, error) {
	base := template.New("").Option("missingkey=error").Funcs(funcMap())
	partials, err := fs.Glob(fsys, "partials/*.md.tmpl")
	if err != nil {
		return nil, err
	}
	docs, err := fs.Glob(fsys, "*.md.tmpl")
	if err != nil {
		return nil, err
	}
	e := &Engine{base: base}
	for _, name := range append(partials, docs...) {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		// Partials are named for their file ("capacity"), so that a custom
		// template can say {{template "capacity" .}}.
		tmplName := strings.TrimSuffix(path.Base(name), ".md.tmpl")
		if !strings.HasPrefix(name, "partials/") {
			e.builtins = append(e.builtins, tmplName)
		}
		if base.Lookup(tmplName) != nil {
			return nil, fmt.Errorf("built-in template %s: name %q is already taken", name, tmplName)
		}
		if _, err := base.New(tmplName).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("built-in template %s: %w", name, err)
		}
	}
	sort.Strings(e.builtins)
	return e, nil
}

// Builtins lists the names of the built-in document templates.
func (e *Engine) Builtins() []string { return append([]string(nil), e.builtins...) }

// Template is a document template ready to execute.
type Template struct {
	Name string // built-in name, or the path of a custom template file
	set  *template.Template
	main string
}

// IsPath reports whether a --template value names a file rather than a
// built-in template.
func IsPath(name string) bool {
	return strings.ContainsAny(name, `/\`) || strings.HasSuffix(name, ".tmpl") || strings.HasSuffix(name, ".md")
}

// Lookup finds a template by built-in name or by file path. A custom
// template sees every built-in partial and may redefine any of them.
func (e *Engine) Lookup(name string) (*Template, error) {
	if name == "" {
		name = DefaultTemplate
	}
	if !IsPath(name) {
		for _, b := range e.builtins {
			if b == name {
				// Executing is safe for concurrent use, so built-ins share
				// the parsed set.
				return &Template{Name: name, set: e.base, main: name}, nil
			}
		}
		msg := fmt.Sprintf("no built-in template %q", name)
		if s := design.Suggest(name, e.builtins); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return nil, fmt.Errorf("%s; built-in templates: %s; or give the path of a .md.tmpl file", msg, strings.Join(e.builtins, ", "))
	}
	return e.loadFile(name)
}

func (e *Engine) loadFile(file string) (*Template, error) {
	info, err := os.Stat(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("template %s: no such file", file)
		}
		return nil, fmt.Errorf("template %s: %w", file, err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("template %s: is a directory, not a template file", file)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("template %s: %w", file, err)
	}
	set, err := e.base.Clone()
	if err != nil {
		return nil, err
	}
	name := filepath.ToSlash(file)
	if _, err := set.New(name).Parse(string(src)); err != nil {
		return nil, templateError(err)
	}
	return &Template{Name: file, set: set, main: name}, nil
}

// sandboxed names the functions taken out of sprig's map; a template
// calling one gets an error that says why.
var sandboxed = map[string]string{
	"env":           "templates cannot read environment variables",
	"expandenv":     "templates cannot read environment variables",
	"getHostByName": "templates cannot use the network",
}

func funcMap() template.FuncMap {
	fm := sprig.TxtFuncMap()
	for name := range sandboxed {
		delete(fm, name)
	}
	for name, fn := range helpers() {
		fm[name] = fn
	}
	return fm
}

var undefinedFunc = regexp.MustCompile(`function "([^"]+)" not defined`)

// templateError rewrites text/template's messages ("template: x:3: …")
// into file:line: message, explaining sandboxed functions.
func templateError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	if m := undefinedFunc.FindStringSubmatch(msg); m != nil {
		if why, ok := sandboxed[m[1]]; ok {
			msg += " (" + why + ": designdoc removes " + m[1] + " from its template functions)"
		}
	}
	return errors.New(msg)
}

// Execute renders doc with the template and returns the normalised
// Markdown.
func (t *Template) Execute(v *View) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(4096 + 600*len(v.Entities))
	if err := t.set.ExecuteTemplate(&buf, t.main, v); err != nil {
		return nil, templateError(err)
	}
	return Normalize(buf.Bytes()), nil
}
