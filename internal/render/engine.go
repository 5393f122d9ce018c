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

	"github.com/designdoc-cli/designdoc/templates"
)

// DefaultTemplate is the template used when neither the answers nor the
// command line name one.
const DefaultTemplate = "design"

// Engine holds the built-in templates, parsed once, and optionally a
// folder of custom templates layered over them.
type Engine struct {
	base     *template.Template // partials and every built-in document template
	builtins []string           // names of the built-in document templates, sorted
	partials []string           // names of the built-in partials, sorted
	fsys     fs.FS              // where the built-ins were read from
	files    map[string]string  // built-in name → its file in fsys
	dir      string             // folder of custom templates, "" for none
}

// New parses the embedded templates.
func New() (*Engine, error) {
	return newEngine(templates.FS)
}

// NewWithDir is New with a folder of custom templates: dir/NAME.md.tmpl is
// a document template named NAME (taking the place of a built-in of that
// name), and dir/partials/NAME.md.tmpl replaces the built-in partial NAME
// for the templates in dir. Custom files are read when looked up, so a
// broken one fails only the renders that use it. An empty dir is New.
func NewWithDir(dir string) (*Engine, error) {
	e, err := New()
	if err != nil || dir == "" {
		return e, err
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("templates folder %s: no such directory", dir)
	case err != nil:
		return nil, fmt.Errorf("templates folder %s: %w", dir, unwrapPath(err))
	case !info.IsDir():
		return nil, fmt.Errorf("templates folder %s: not a directory", dir)
	}
	e.dir = dir
	return e, nil
}

// Dir is the folder of custom templates, "" when there is none.
func (e *Engine) Dir() string { return e.dir }

// builtinParseName is what errors call a built-in file: where it lives in
// designdoc's source, marked as built in.
func builtinParseName(file string) string { return "builtin:" + file }

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
	e := &Engine{base: base, fsys: fsys, files: map[string]string{}}
	for _, name := range append(partials, docs...) {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		// Partials are named for their file ("capacity"), so that a custom
		// template can say {{template "capacity" .}}.
		tmplName := templateName(name)
		if strings.HasPrefix(name, "partials/") {
			e.partials = append(e.partials, tmplName)
		} else {
			e.builtins = append(e.builtins, tmplName)
		}
		if _, taken := e.files[tmplName]; taken {
			return nil, fmt.Errorf("built-in template %s: name %q is already taken", name, tmplName)
		}
		e.files[tmplName] = name
		if err := parseAs(base, builtinParseName(name), tmplName, src); err != nil {
			return nil, fmt.Errorf("built-in template %w", err)
		}
	}
	sort.Strings(e.builtins)
	sort.Strings(e.partials)
	return e, nil
}

// templateName is the name a template file is called by: its base name
// without .md.tmpl.
func templateName(file string) string {
	return strings.TrimSuffix(path.Base(filepath.ToSlash(file)), ".md.tmpl")
}

// parseAs parses src into set as the template parseName (what errors
// call it: the file) and makes it callable as name too.
func parseAs(set *template.Template, parseName, name string, src []byte) error {
	t, err := set.New(parseName).Parse(string(src))
	if err != nil {
		return templateError(err)
	}
	if name != parseName && t.Tree != nil {
		// A file holding only {{define}}s has an empty body, which
		// AddParseTree leaves in place of nothing.
		if _, err := set.AddParseTree(name, t.Tree); err != nil {
			return fmt.Errorf("%s: %w", parseName, err)
		}
	}
	return nil
}

// Builtins lists the names of the built-in document templates.
func (e *Engine) Builtins() []string { return append([]string(nil), e.builtins...) }

// Partials lists the names of the built-in partials, which any template
// can call with {{ template "NAME" . }} or redefine with {{ define }}.
func (e *Engine) Partials() []string { return append([]string(nil), e.partials...) }

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

// Lookup finds a template by name (a custom template in the engine's
// folder first, then the built-ins) or by file path. A custom template
// sees every built-in partial, the partials/ folder beside it in their
// place, and may redefine any of them with {{ define }}.
func (e *Engine) Lookup(name string) (*Template, error) {
	if name == "" {
		name = DefaultTemplate
	}
	if !IsPath(name) {
		if file, ok := e.customFile(name); ok {
			t, err := e.loadFile(file)
			if err != nil {
				return nil, err
			}
			t.Name = name
			return t, nil
		}
		for _, b := range e.builtins {
			if b == name {
				// Executing is safe for concurrent use, so built-ins share
				// the parsed set.
				return &Template{Name: name, set: e.base, main: name}, nil
			}
		}
		return nil, e.unknown(name)
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
	// The partials/ folder beside a template replaces the built-in
	// partials of the same names, as templates eject lays them out.
	partials, _ := filepath.Glob(filepath.Join(filepath.Dir(file), "partials", "*.md.tmpl"))
	sort.Strings(partials)
	for _, p := range partials {
		psrc, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", p, unwrapPath(err))
		}
		if err := parseAs(set, filepath.ToSlash(p), templateName(p), psrc); err != nil {
			return nil, err
		}
	}
	name := filepath.ToSlash(file)
	if _, err := set.New(name).Parse(string(src)); err != nil {
		return nil, templateError(err)
	}
	return &Template{Name: file, set: set, main: name}, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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
	fm["demote"] = Demote
	// Replaced in each execution (see Execute); this one is for parsing.
	fm["include"] = func(string, any) (string, error) {
		return "", errors.New("include works only while a template renders")
	}
	return fm
}

var undefinedFunc = regexp.MustCompile(`function "([^"]+)" not defined`)

// templateError rewrites text/template's messages ("template: x:3: …")
// into file:line: message, explaining sandboxed functions.
func templateError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	msg = strings.ReplaceAll(msg, "error calling include: template: ", "error calling include: ")
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
	// include needs the set it runs in, and a depth count of its own for
	// this execution, so each execution gets a clone that knows both.
	set, err := t.set.Clone()
	if err != nil {
		return nil, err
	}
	set.Funcs(template.FuncMap{"include": includeFunc(set)})
	v.prefetch()
	var buf bytes.Buffer
	buf.Grow(4096 + 1024*len(v.Entities)) // about what an entity renders to, with its share of the rest
	if err := set.ExecuteTemplate(&buf, t.main, v); err != nil {
		return nil, templateError(err)
	}
	return Normalize(buf.Bytes()), nil
}

// maxIncludeDepth bounds include calls within include calls, so a template
// that includes itself fails instead of exhausting the stack.
const maxIncludeDepth = 64

// includeFunc is Helm's include: it runs a named template and returns its
// output as a string, so that a pipeline can change it
// ({{ include "capacity" . | demote }}).
func includeFunc(set *template.Template) func(string, any) (string, error) {
	depth := 0
	return func(name string, data any) (string, error) {
		if depth >= maxIncludeDepth {
			return "", fmt.Errorf("include %q: more than %d includes deep (does a template include itself?)", name, maxIncludeDepth)
		}
		depth++
		defer func() { depth-- }()
		var b strings.Builder
		if err := set.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		return b.String(), nil
	}
}
