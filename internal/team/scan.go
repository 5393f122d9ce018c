package team

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/design/yamltree"
)

// Entry is one doc of a project, as List reads it.
type Entry struct {
	Number  int      `json:"number"`
	Title   string   `json:"title"`
	Status  string   `json:"status"`
	Authors []string `json:"authors"`
	Created string   `json:"created"`
	// Path is the doc (the Markdown file) when it exists or its answers
	// record one, else the answers file.
	Path string `json:"path"`
	// Answers is the answers file beside the doc; "" for a doc without one.
	Answers string `json:"-"`
}

// answersSuffixes name the answers files of a docs folder.
var answersSuffixes = []string{".designdoc.yaml", ".designdoc.yml", ".designdoc.json"}

func answersStem(name string) (string, bool) {
	for _, s := range answersSuffixes {
		if strings.HasSuffix(name, s) && len(name) > len(s) {
			return strings.TrimSuffix(name, s), true
		}
	}
	return "", false
}

// indexName is the index list --index writes; it is never a doc.
const indexName = "README.md"

// List reads every doc in docsDir (not its subfolders): from the answers
// file beside a doc when there is one, else from the doc's YAML front
// matter (as the rfc template writes it), else a doc whose file name
// starts with a number is listed with the title of its first heading.
// Entries are sorted by number, then path; a missing docsDir has none.
// An answers file that does not load is an error naming its problems.
func List(docsDir string) ([]Entry, error) {
	return scan(docsDir, true)
}

// NextNumber is the number the next doc in docsDir gets: one more than the
// highest taken, 1 for the first. A number is taken by an answers file's
// number:, a doc's front matter number: or a file name that starts with
// one (0007-x.md), so that a file being written, or one that no longer
// loads, still keeps its number.
func NextNumber(docsDir string) (int, error) {
	entries, err := scan(docsDir, false)
	if err != nil {
		return 0, err
	}
	highest := 0
	for _, e := range entries {
		highest = max(highest, e.Number)
	}
	return highest + 1, nil
}

// scan reads docsDir's docs. strict makes a broken answers file an error;
// otherwise its number is read as well as can be.
func scan(docsDir string, strict bool) ([]Entry, error) {
	files, err := os.ReadDir(docsDir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	names := map[string]bool{}
	for _, f := range files {
		names[f.Name()] = true
	}
	var out []Entry
	var errs []error
	withAnswers := map[string]bool{} // doc names an answers file covers
	for _, f := range files {
		stem, ok := answersStem(f.Name())
		if !ok || !f.Type().IsRegular() {
			continue
		}
		path := filepath.Join(docsDir, f.Name())
		e, docName, err := fromAnswers(path, stem, names, strict)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if docName != "" {
			withAnswers[docName] = true
		}
		if e != nil {
			out = append(out, *e)
		}
	}
	for _, f := range files {
		name := f.Name()
		if !strings.HasSuffix(name, ".md") || name == indexName || withAnswers[name] || !f.Type().IsRegular() {
			continue
		}
		if e := fromDoc(filepath.Join(docsDir, name)); e != nil {
			out = append(out, *e)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Number != out[j].Number {
			return out[i].Number < out[j].Number
		}
		return out[i].Path < out[j].Path
	})
	return out, nil
}

// fromAnswers reads one answers file. docName is the doc file (in the
// same folder) it stands for. An empty file — one being created this
// moment — gives no entry.
func fromAnswers(path, stem string, names map[string]bool, strict bool) (e *Entry, docName string, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if strict {
			return nil, "", err
		}
		return &Entry{Number: leadingNumber(stem), Path: path, Answers: path}, stem + ".md", nil
	}
	docName = stem + ".md"
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, docName, nil
	}
	doc, perr := design.ParseDraft(path, data)
	if perr != nil {
		if strict {
			return nil, "", perr
		}
		n := numberKey(data)
		if n == 0 {
			n = leadingNumber(stem)
		}
		return &Entry{Number: n, Path: path, Answers: path}, docName, nil
	}
	e = &Entry{Number: doc.Number, Title: doc.Title, Status: string(doc.Status), Authors: doc.Authors, Created: doc.Created, Answers: path}
	if e.Number == 0 {
		e.Number = leadingNumber(stem)
	}
	dir := filepath.Dir(path)
	switch {
	case doc.Rendered != nil && doc.Rendered.Path != "" && !filepath.IsAbs(filepath.FromSlash(doc.Rendered.Path)):
		rel := filepath.FromSlash(doc.Rendered.Path)
		e.Path = filepath.Join(dir, rel)
		if filepath.Dir(rel) == "." {
			docName = rel
		}
	case names[docName]:
		e.Path = filepath.Join(dir, docName)
	default:
		e.Path = path
	}
	return e, docName, nil
}

// fromDoc reads a doc without answers: its front matter, else a number at
// the start of its name. Other Markdown files are not docs.
func fromDoc(path string) *Entry {
	data, err := readHead(path, 64<<10)
	if err != nil {
		return nil
	}
	e := &Entry{Path: path}
	if fm, ok := frontMatter(data); ok {
		readFrontMatter(fm, e)
	}
	if e.Number == 0 {
		e.Number = leadingNumber(filepath.Base(path))
	}
	if e.Number == 0 {
		return nil
	}
	if e.Title == "" {
		e.Title = firstHeading(data)
	}
	if e.Status == "" {
		e.Status = string(design.StatusDraft)
	}
	return e
}

func readHead(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	k, err := f.Read(buf)
	if k == 0 && err != nil {
		return nil, err
	}
	return buf[:k], nil
}

// frontMatter is the YAML between a first line "---" and the next "---".
func frontMatter(data []byte) ([]byte, bool) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	rest, ok := cutLine(data, "---")
	if !ok {
		return nil, false
	}
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if end >= 0 {
			line = rest[off : off+end]
		}
		if t := strings.TrimRight(string(line), "\r \t"); t == "---" || t == "..." {
			return rest[:off], true
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return nil, false
}

func cutLine(data []byte, want string) ([]byte, bool) {
	end := bytes.IndexByte(data, '\n')
	if end < 0 || strings.TrimRight(string(data[:end]), "\r \t") != want {
		return nil, false
	}
	return data[end+1:], true
}

func readFrontMatter(fm []byte, e *Entry) {
	root, err := yamltree.Parse(fm)
	if err != nil || root == nil || root.Kind != yamltree.Mapping {
		return
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "number":
			if v.Kind == yamltree.Scalar {
				if n, err := strconv.Atoi(strings.TrimSpace(v.Value)); err == nil && n > 0 {
					e.Number = n
				}
			}
		case "title":
			e.Title = scalar(v)
		case "status":
			e.Status = scalar(v)
		case "created", "date":
			if e.Created == "" || k.Value == "created" {
				e.Created = scalar(v)
			}
		case "authors":
			switch v.Kind {
			case yamltree.Sequence:
				for _, it := range v.Content {
					if s := scalar(it); s != "" {
						e.Authors = append(e.Authors, s)
					}
				}
			case yamltree.Scalar:
				e.Authors = splitList(scalar(v))
			}
		}
	}
}

func scalar(n *yamltree.Node) string {
	if n.Kind != yamltree.Scalar || n.IsNull() {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// numberKey reads a top-level number: from answers that do not load.
func numberKey(data []byte) int {
	root, err := yamltree.Parse(data)
	if err != nil || root == nil || root.Kind != yamltree.Mapping {
		return 0
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "number" {
			if n, err := strconv.Atoi(strings.TrimSpace(scalar(root.Content[i+1]))); err == nil && n > 0 {
				return n
			}
		}
	}
	return 0
}

// leadingNumber is the number a file name starts with (0007-x.md → 7),
// 0 when it starts with none.
func leadingNumber(name string) int {
	i := 0
	for i < len(name) && i < 9 && name[i] >= '0' && name[i] <= '9' {
		i++
	}
	if i == 0 || i < len(name) && name[i] >= '0' && name[i] <= '9' {
		return 0
	}
	n, _ := strconv.Atoi(name[:i])
	return n
}

func firstHeading(data []byte) string {
	for _, line := range strings.Split(string(data), "\n") {
		if t, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "# "); ok {
			return strings.TrimSpace(t)
		}
	}
	return ""
}

// Duplicate is a number more than one doc has.
type Duplicate struct {
	Number int
	Paths  []string // the docs, sorted
}

// Duplicates lists the numbers that more than one entry has (0, no
// number, is never a duplicate), by number. Each doc is named by its
// Path, or by its answers file when two entries have the same Path.
func Duplicates(entries []Entry) []Duplicate {
	by := map[int][]Entry{}
	for _, e := range entries {
		if e.Number > 0 {
			by[e.Number] = append(by[e.Number], e)
		}
	}
	var out []Duplicate
	for n, group := range by {
		if len(group) > 1 {
			// Name each doc by its path, or by its answers file when two
			// answers name the same doc (a copied answers file).
			count := map[string]int{}
			for _, e := range group {
				count[e.Path]++
			}
			var paths []string
			for _, e := range group {
				p := e.Path
				if count[p] > 1 && e.Answers != "" {
					p = e.Answers
				}
				paths = append(paths, p)
			}
			sort.Strings(paths)
			out = append(out, Duplicate{Number: n, Paths: paths})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out
}
