// Package team holds what a team shares across its design docs: the
// project config (.designdoc.yaml), the user's personal defaults, doc
// numbering, and the list and index of the docs in a project's docs_dir.
package team

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// ConfigName is the name of the project config file.
const ConfigName = ".designdoc.yaml"

// maxConfigSize bounds what Load reads: a config is a few lines.
const maxConfigSize = 1 << 20

// Config is one config file as written: the project's .designdoc.yaml or
// the user's config.yaml. A key the file does not write is zero here and
// absent from Keys; Resolve fills it from the next source.
type Config struct {
	// Path is the file the config was loaded from.
	Path string
	// DocsDir is where the docs live, as written (relative to the config
	// file's folder for a project config).
	DocsDir string
	// Template is a built-in template name or a path of a .md.tmpl file.
	Template string
	// Filename is the text/template the doc's file name is made from.
	Filename string
	// Authors are the default authors of a new doc.
	Authors []string
	// RequiredSections are the sections check's DD001 requires.
	RequiredSections []string
	// ExtraSections are the team's own sections, asked, rendered and linted.
	ExtraSections []ExtraSection
	// TemplatesDir is a folder of the team's custom templates.
	TemplatesDir string
	// Keys records where each top-level key was written.
	Keys map[string]design.Pos
}

// ExtraSection is a section a team adds to every doc.
type ExtraSection struct {
	ID       string // a key: lower-case letters, digits and underscores
	Title    string // the heading
	Prompt   string // the question the interview asks; "" asks the title
	Required bool   // check reports it when empty
	Pos      design.Pos
}

// Has reports whether the config file writes key.
func (c *Config) Has(key string) bool {
	if c == nil {
		return false
	}
	_, ok := c.Keys[key]
	return ok
}

// Dir is the folder the config file is in; relative paths in a project
// config are relative to it.
func (c *Config) Dir() string { return filepath.Dir(c.Path) }

// Load reads and checks the config file at path. Every problem is
// reported at its file:line:col in one *design.LoadError.
func Load(path string) (*Config, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", path)
		}
		return nil, fmt.Errorf("read %s: %w", path, unwrapPathErr(err))
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if info.Size() > maxConfigSize {
		return nil, fmt.Errorf("%s: %d bytes is too large for a designdoc config", path, info.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPathErr(err))
	}
	return Parse(path, data)
}

// Find looks for .designdoc.yaml in dir and then in each folder above it,
// and loads the first one found. It returns (nil, nil) when there is none.
//
// The walk stops at the repository root: a folder that contains .git (a
// directory, or the file a worktree or submodule has) is the last one
// looked in, so a config above the repository never applies to it. It
// also stops at the filesystem root.
func Find(dir string) (*Config, error) {
	path, err := FindPath(dir)
	if path == "" || err != nil {
		return nil, err
	}
	c, err := Load(path)
	if err != nil {
		return nil, err
	}
	if err := CheckInsideRepository(c); err != nil {
		return nil, err
	}
	return c, nil
}

// CheckInsideRepository refuses a project config whose docs_dir leaves the
// repository it belongs to (the nearest folder above the config holding
// .git, else the config's own folder): every member of the team runs new
// with it, and it must never write into someone's home or /etc.
func CheckInsideRepository(c *Config) error {
	if !c.Has("docs_dir") {
		return nil
	}
	root, err := filepath.Abs(repositoryOf(c.Dir()))
	if err != nil {
		return err
	}
	dir := filepath.FromSlash(c.DocsDir)
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(c.Dir(), dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(root, abs); err == nil && filepath.IsLocal(rel) {
		return nil
	}
	return &design.LoadError{File: c.Path, Problems: []design.Problem{{File: c.Path, Pos: c.Keys["docs_dir"], Path: "docs_dir",
		Msg: fmt.Sprintf("%q is outside the repository %s; give a folder inside it, relative to %s", c.DocsDir, root, ConfigName)}}}
}

// repositoryOf is the nearest folder at or above dir that holds .git,
// else dir itself.
func repositoryOf(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return abs
		}
	}
}

// FindPath is Find without loading: the path of the config that applies
// to dir, or "" when there is none.
func FindPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(abs, ConfigName)
		if info, err := os.Lstat(p); err == nil {
			if info.IsDir() {
				return "", fmt.Errorf("%s is a directory, not a designdoc config", p)
			}
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("read %s: %w", p, unwrapPathErr(err))
		}
		if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
			return "", nil // the repository root: never look above it
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", nil
		}
		abs = parent
	}
}

// UserPath is where the user's config lives:
// os.UserConfigDir()/designdoc/config.yaml.
func UserPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "designdoc", "config.yaml"), nil
}

// LoadUser loads the user's config; (nil, nil) when there is none or the
// system has no config folder (no $HOME).
func LoadUser() (*Config, error) {
	path, err := UserPath()
	if err != nil {
		return nil, nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return Load(path)
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
