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
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
	"text/template/parse"

	"github.com/Masterminds/sprig/v3"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
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
	// compiled are the built-in partials written out in Go (compiled.go),
	// by the parse tree they stand in for.
	compiled map[*parse.Tree]compiledPartial
}

// New parses the embedded templates.
func New() (*Engine, error) {
	e, err := newEngine(templates.FS)
	if err != nil {
		return nil, err
	}
	e.compiled = compiledFor(func(name string) *parse.Tree {
		if t := e.base.Lookup(name); t != nil {
			return t.Tree
		}
		return nil
	})
	return e, nil
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
	Name     string // built-in name, or the path of a custom template file
	set      *template.Template
	main     string
	compiled map[*parse.Tree]compiledPartial // see Engine.compiled
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
				return &Template{Name: name, set: e.base, main: name, compiled: e.compiled}, nil
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
	return &Template{Name: file, set: set, main: name, compiled: e.compiled}, nil
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
	// Replaced in each execution (see Execute); these are for parsing.
	fm["include"] = func(string, any) (string, error) {
		return "", errors.New("include works only while a template renders")
	}
	fm["each"] = func(string, any) (string, error) {
		return "", errors.New("each works only while a template renders")
	}
	return fm
}

var undefinedFunc = lazyre.New(`function "([^"]+)" not defined`)

// templateError rewrites text/template's messages ("template: x:3: …")
// into file:line: message, explaining sandboxed functions.
func templateError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	msg = strings.ReplaceAll(msg, "error calling include: template: ", "error calling include: ")
	msg = strings.ReplaceAll(msg, "error calling each: template: ", "error calling each: ")
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
	// include and each need the set they run in, and a depth count of
	// their own for this execution, so each execution gets a clone that
	// knows both.
	set, err := newExecutor(t.set, 0, t.compiled)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(4096 + 1024*len(v.Entities)) // about what an entity renders to, with its share of the rest
	if err := set.ExecuteTemplate(&buf, t.main, v); err != nil {
		return nil, templateError(err)
	}
	return Normalize(buf.Bytes()), nil
}

// maxIncludeDepth bounds include and each calls within one another, so
// a template that includes itself fails instead of exhausting the stack.
const maxIncludeDepth = 64

// executor runs a template set's include and each for one execution.
type executor struct {
	set      *template.Template
	depth    int
	compiled map[*parse.Tree]compiledPartial
}

// newExecutor clones set and gives the clone an include and an each of
// its own, starting depth deep, and returns the clone.
func newExecutor(set *template.Template, depth int, compiled map[*parse.Tree]compiledPartial) (*template.Template, error) {
	clone, err := set.Clone()
	if err != nil {
		return nil, err
	}
	x := &executor{set: clone, depth: depth, compiled: compiled}
	clone.Funcs(template.FuncMap{"include": x.include, "each": x.each})
	return clone, nil
}

// include is Helm's include: it runs a named template and returns its
// output as a string, so that a pipeline can change it
// ({{ include "capacity" . | demote }}).
func (x *executor) include(name string, data any) (string, error) {
	if x.depth >= maxIncludeDepth {
		return "", fmt.Errorf("include %q: more than %d includes deep (does a template include itself?)", name, maxIncludeDepth)
	}
	x.depth++
	defer func() { x.depth-- }()
	var b strings.Builder
	if err := x.set.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// eachChunk is how many items of a list an each worker takes at a time,
// and a list shorter than two chunks is rendered in place.
const eachChunk = 32

// each runs the named template for every item of a list and returns the
// outputs joined, in order: {{ each "entity" .Entities }} is
// {{ range .Entities }}{{ template "entity" . }}{{ end }}, with the items
// of a long list rendered in parallel, one worker a core, each on a
// clone of the set. The template must not depend on the order the items
// are rendered in (none of the built-in functions do).
func (x *executor) each(name string, list any) (string, error) {
	if x.depth >= maxIncludeDepth {
		return "", fmt.Errorf("each %q: more than %d includes deep (does a template include itself?)", name, maxIncludeDepth)
	}
	items := reflect.ValueOf(list)
	switch {
	case list == nil:
		return "", nil
	case items.Kind() != reflect.Slice && items.Kind() != reflect.Array:
		return "", fmt.Errorf("each %q: wants a list, not %T", name, list)
	}
	n := items.Len()
	// write renders item i with the set given; a built-in partial written
	// out in Go needs none.
	write := func(set *template.Template, b *strings.Builder, i int) error {
		return set.ExecuteTemplate(b, name, items.Index(i).Interface())
	}
	compiled := false
	if t := x.set.Lookup(name); t != nil && x.compiled[t.Tree] != nil {
		if w, ok := x.compiled[t.Tree](list); ok {
			write = func(_ *template.Template, b *strings.Builder, i int) error {
				w(b, i)
				return nil
			}
			compiled = true
		}
	}
	workers := min(runtime.GOMAXPROCS(0), n/eachChunk)
	if workers < 2 {
		x.depth++
		defer func() { x.depth-- }()
		var b strings.Builder
		for i := 0; i < n; i++ {
			if err := write(x.set, &b, i); err != nil {
				return "", err
			}
		}
		return b.String(), nil
	}
	chunks := (n + eachChunk - 1) / eachChunk
	outs := make([]string, chunks)
	errs := make([]error, chunks)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		set := x.set
		if !compiled {
			var err error
			if set, err = newExecutor(x.set, x.depth+1, x.compiled); err != nil {
				return "", err
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b strings.Builder
			for c := int(next.Add(1) - 1); c < chunks; c = int(next.Add(1) - 1) {
				b.Reset()
				for i := c * eachChunk; i < min(n, (c+1)*eachChunk); i++ {
					if err := write(set, &b, i); err != nil {
						errs[c] = err
						break
					}
				}
				outs[c] = b.String()
			}
		}()
	}
	wg.Wait()
	size := 0
	for c := range outs {
		if errs[c] != nil {
			return "", errs[c] // the first in the list's order, as in place
		}
		size += len(outs[c])
	}
	var b strings.Builder
	b.Grow(size)
	for _, o := range outs {
		b.WriteString(o)
	}
	return b.String(), nil
}
