package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template/parse"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/lazyre"
	"github.com/designdoc-cli/designdoc/internal/safefile"
)

// What templates list, show and eject work with: the document templates
// an engine knows, their sources, and the files that customise one.

// TemplateInfo describes one document template.
type TemplateInfo struct {
	Name string
	// Builtin is false for a custom template in the engine's folder.
	Builtin bool
	// File is the custom template's path, or the built-in's file in
	// designdoc's templates/ folder.
	File string
	// Replaces marks a custom template that has a built-in's name and so
	// takes its place.
	Replaces bool
	// Description is the first sentence of the template's leading
	// {{/* comment */}}.
	Description string
}

// Templates lists the document templates by name: the custom ones in the
// engine's folder and the built-ins they leave visible.
func (e *Engine) Templates() []TemplateInfo {
	var out []TemplateInfo
	custom := map[string]bool{}
	for _, name := range e.customNames() {
		custom[name] = true
		file, _ := e.customFile(name)
		src, _ := os.ReadFile(file)
		out = append(out, TemplateInfo{Name: name, File: file, Replaces: e.isBuiltin(name), Description: description(src)})
	}
	for _, name := range e.builtins {
		if custom[name] {
			continue
		}
		src, _ := fs.ReadFile(e.fsys, e.files[name])
		out = append(out, TemplateInfo{Name: name, Builtin: true, File: e.files[name], Description: description(src)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// CustomPartials lists the partials in the engine's folder (its partials/
// subfolder), which replace the built-ins of the same names for the
// folder's templates.
func (e *Engine) CustomPartials() []string {
	if e.dir == "" {
		return nil
	}
	return globNames(filepath.Join(e.dir, "partials"))
}

func (e *Engine) isBuiltin(name string) bool {
	_, ok := e.files[name]
	return ok && !e.isPartial(name)
}

func (e *Engine) isPartial(name string) bool {
	i := sort.SearchStrings(e.partials, name)
	return i < len(e.partials) && e.partials[i] == name
}

// customFile is the file of the custom template name, if the engine's
// folder has one.
func (e *Engine) customFile(name string) (string, bool) {
	if e.dir == "" || name == "" || strings.ContainsAny(name, `/\`) {
		return "", false
	}
	file := filepath.Join(e.dir, name+".md.tmpl")
	info, err := os.Stat(file)
	return file, err == nil && !info.IsDir()
}

func (e *Engine) customNames() []string {
	if e.dir == "" {
		return nil
	}
	return globNames(e.dir)
}

// globNames lists the names of the *.md.tmpl files in dir, sorted.
func globNames(dir string) []string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.md.tmpl"))
	var names []string
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && !info.IsDir() {
			names = append(names, templateName(f))
		}
	}
	sort.Strings(names)
	return names
}

// names lists every document template name the engine knows.
func (e *Engine) names() []string {
	var names []string
	for _, t := range e.Templates() {
		names = append(names, t.Name)
	}
	return names
}

// unknown is the error for a template name nothing answers to.
func (e *Engine) unknown(name string) error {
	names := e.names()
	msg := fmt.Sprintf("no template %q", name)
	if e.dir == "" {
		msg = fmt.Sprintf("no built-in template %q", name)
	}
	if s := design.Suggest(name, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	if e.dir != "" {
		return fmt.Errorf("%s, built in or in %s; templates: %s; or give the path of a .md.tmpl file", msg, e.dir, strings.Join(names, ", "))
	}
	if e.isPartial(name) {
		msg += fmt.Sprintf("; %q is a partial, which a template calls with {{ template %q . }}", name, name)
	}
	return fmt.Errorf("%s; built-in templates: %s; or give the path of a .md.tmpl file", msg, strings.Join(names, ", "))
}

var leadingComment = lazyre.New(`^\s*\{\{-?\s*/\*([\s\S]*?)\*/\s*-?\}\}`)

// description is the first sentence of a template's leading comment.
func description(src []byte) string {
	m := leadingComment.FindSubmatch(src)
	if m == nil {
		return ""
	}
	s := strings.Join(strings.Fields(string(m[1])), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i+1]
	}
	return s
}

// Source is the text of a template or partial, as templates show prints
// it.
type Source struct {
	Name    string
	File    string // the custom file, or the built-in's file in templates/
	Builtin bool
	Partial bool
	Text    []byte
}

// Source finds the text of a document template or a partial by name:
// the engine's folder first, then the built-ins.
func (e *Engine) Source(name string) (Source, error) {
	if file, ok := e.customFile(name); ok {
		src, err := os.ReadFile(file)
		if err != nil {
			return Source{}, fmt.Errorf("template %s: %w", file, unwrapPath(err))
		}
		return Source{Name: name, File: file, Text: src}, nil
	}
	if e.dir != "" && e.isPartial(name) {
		file := filepath.Join(e.dir, "partials", name+".md.tmpl")
		if src, err := os.ReadFile(file); err == nil {
			return Source{Name: name, File: file, Partial: true, Text: src}, nil
		}
	}
	file, ok := e.files[name]
	if !ok {
		all := append(e.names(), e.partials...)
		msg := fmt.Sprintf("no template or partial %q", name)
		if s := design.Suggest(name, all); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return Source{}, fmt.Errorf("%s; designdoc templates list shows them all", msg)
	}
	src, err := fs.ReadFile(e.fsys, file)
	if err != nil {
		return Source{}, err
	}
	return Source{Name: name, File: file, Builtin: true, Partial: e.isPartial(name), Text: src}, nil
}

// File is one file of an eject, its path relative to the target folder.
type File struct {
	Path string // slash-separated
	Data []byte
}

// EjectFiles is what customising the built-in name takes: for a document
// template, NAME.md.tmpl and under partials/ every partial it calls,
// directly or through other partials; for a partial, that partial alone.
// A template in that layout sees the partials beside it in place of the
// built-ins, so each file can be edited on its own.
func (e *Engine) EjectFiles(name string) ([]File, error) {
	if _, ok := e.files[name]; !ok {
		all := append(e.Builtins(), e.partials...)
		msg := fmt.Sprintf("no built-in template or partial %q", name)
		if s := design.Suggest(name, all); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return nil, fmt.Errorf("%s; built-in templates: %s; partials: %s", msg, strings.Join(e.builtins, ", "), strings.Join(e.partials, ", "))
	}
	names := []string{name}
	if !e.isPartial(name) {
		names = append(names, e.calledPartials(name)...)
	}
	var out []File
	for _, n := range names {
		f := e.files[n]
		data, err := fs.ReadFile(e.fsys, f)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: f, Data: data})
	}
	return out, nil
}

// calledPartials lists the partials template name calls, through
// {{ template }} or include, directly or not, sorted.
func (e *Engine) calledPartials(name string) []string {
	seen := map[string]bool{}
	var visit func(n string)
	visit = func(n string) {
		t := e.base.Lookup(n)
		if t == nil || t.Tree == nil {
			return
		}
		walkCalls(t.Tree.Root, func(called string) {
			if !seen[called] && e.isPartial(called) {
				seen[called] = true
				visit(called)
			}
		})
	}
	visit(name)
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// walkCalls reports the name of every {{ template "NAME" }} and
// include "NAME" under node.
func walkCalls(node parse.Node, called func(string)) {
	switch n := node.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkCalls(c, called)
		}
	case *parse.TemplateNode:
		called(n.Name)
		if n.Pipe != nil {
			walkCalls(n.Pipe, called)
		}
	case *parse.ActionNode:
		walkCalls(n.Pipe, called)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkCalls(c, called)
		}
	case *parse.CommandNode:
		if len(n.Args) >= 2 {
			if id, ok := n.Args[0].(*parse.IdentifierNode); ok && (id.Ident == "include" || id.Ident == "each") {
				if s, ok := n.Args[1].(*parse.StringNode); ok {
					called(s.Text)
				}
			}
		}
		for _, a := range n.Args {
			walkCalls(a, called)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, called)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, called)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, called)
	}
}

func walkBranch(b *parse.BranchNode, called func(string)) {
	walkCalls(b.Pipe, called)
	walkCalls(b.List, called)
	if b.ElseList != nil {
		walkCalls(b.ElseList, called)
	}
}

// Ejected reports what an eject did, or would do, with one file.
type Ejected struct {
	Path   string // where the file goes
	Action string // "write", "overwrite" or "unchanged"
}

// Eject writes files into dir, each atomically. A file already there with
// other contents is refused, and nothing is written, unless force is set;
// one with the same contents is left alone. With dryRun nothing is
// written and the report says what would be.
func Eject(files []File, dir string, force, dryRun bool) ([]Ejected, error) {
	out := make([]Ejected, len(files))
	var clashes []string
	for i, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.Path))
		out[i] = Ejected{Path: target, Action: "write"}
		existing, err := os.ReadFile(target)
		switch {
		case err == nil && bytes.Equal(existing, f.Data):
			out[i].Action = "unchanged"
		case err == nil:
			out[i].Action = "overwrite"
			clashes = append(clashes, target)
		case errors.Is(err, fs.ErrNotExist):
		default:
			if info, serr := os.Stat(target); serr == nil && info.IsDir() {
				return out, fmt.Errorf("%s is a directory", target)
			}
			return out, fmt.Errorf("read %s: %w", target, unwrapPath(err))
		}
	}
	if len(clashes) > 0 && !force {
		return out, fmt.Errorf("%s already %s different contents; run again with --force to overwrite %s, or eject into another folder",
			strings.Join(clashes, ", "), plural(len(clashes), "has", "have"), plural(len(clashes), "it", "them"))
	}
	if dryRun {
		return out, nil
	}
	for i, f := range files {
		if out[i].Action == "unchanged" {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(out[i].Path), 0o755); err != nil {
			return out, fmt.Errorf("create %s: %w", filepath.Dir(out[i].Path), unwrapPath(err))
		}
		if err := safefile.Write(out[i].Path, f.Data, 0o644); err != nil {
			return out, err
		}
	}
	return out, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
