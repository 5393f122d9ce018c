package knowledge

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits on the one-line texts, so that they fit a terminal line and the
// space under a prompt.
const (
	maxSummary = 79 // runes
	maxHelp    = 500
)

// load parses every dir/NN-id.md file of fsys into a catalog. The number
// prefix gives the order within a group; the group decides the rest.
func load(fsys fs.FS, dir string) (*catalog, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var topics []Topic
	var errs []error
	for _, e := range entries { // ReadDir sorts by name
		if e.IsDir() || path.Ext(e.Name()) != ".md" {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t, err := parseTopic(e.Name(), data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		topics = append(topics, t)
	}
	groups := Groups()
	slices.SortStableFunc(topics, func(a, b Topic) int {
		return slices.Index(groups, a.Group) - slices.Index(groups, b.Group)
	})
	c := &catalog{topics: topics, byName: make(map[string]int)}
	for i, t := range topics {
		for _, name := range append([]string{t.ID}, t.Aliases...) {
			key := normalize(name)
			if j, dup := c.byName[key]; dup {
				errs = append(errs, fmt.Errorf("%s: name %q is already used by topic %s", t.ID, name, topics[j].ID))
				continue
			}
			c.byName[key] = i
		}
	}
	if len(topics) == 0 {
		errs = append(errs, fmt.Errorf("no topics in %s", dir))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return c, nil
}

// parseTopic reads one topic file: a front matter of "key: value" lines
// between two "---" lines, then the Markdown body. file is NN-id.md.
func parseTopic(file string, data []byte) (Topic, error) {
	fail := func(format string, args ...any) (Topic, error) {
		return Topic{}, fmt.Errorf("%s: %s", file, fmt.Sprintf(format, args...))
	}
	if !utf8.Valid(data) {
		return fail("not valid UTF-8")
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return fail("does not start with a --- line")
	}
	front, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return fail("front matter has no closing --- line")
	}
	fields := map[string]string{}
	for n, line := range strings.Split(front, "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return fail("line %d: want \"key: value\", got %q", n+2, line)
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !slices.Contains([]string{"id", "title", "group", "summary", "aliases", "help"}, key) {
			return fail("line %d: unknown key %q", n+2, key)
		}
		if _, dup := fields[key]; dup {
			return fail("line %d: %s given twice", n+2, key)
		}
		fields[key] = value
	}
	t := Topic{
		ID:      fields["id"],
		Title:   fields["title"],
		Group:   fields["group"],
		Summary: fields["summary"],
		Help:    fields["help"],
		Body:    strings.Trim(body, "\n") + "\n",
	}
	for _, a := range strings.Split(fields["aliases"], ",") {
		if a = strings.TrimSpace(a); a != "" {
			t.Aliases = append(t.Aliases, a)
		}
	}
	for _, k := range []struct{ name, value string }{
		{"id", t.ID}, {"title", t.Title}, {"group", t.Group},
		{"summary", t.Summary}, {"help", t.Help}, {"body", strings.TrimSpace(t.Body)},
	} {
		if k.value == "" {
			return fail("%s is missing or empty", k.name)
		}
	}
	prefix, id, _ := strings.Cut(strings.TrimSuffix(file, ".md"), "-")
	if id != t.ID || prefix == "" || strings.Trim(prefix, "0123456789") != "" {
		return fail("id %q does not match the file name (want NN-%s.md)", t.ID, t.ID)
	}
	if normalize(t.ID) != t.ID {
		return fail("id %q is not lower-case words joined by hyphens", t.ID)
	}
	if !slices.Contains(Groups(), t.Group) {
		return fail("unknown group %q (want one of %s)", t.Group, strings.Join(Groups(), ", "))
	}
	if n := utf8.RuneCountInString(t.Summary); n > maxSummary {
		return fail("summary is %d characters, more than %d", n, maxSummary)
	}
	if strings.HasSuffix(t.Summary, ".") {
		return fail("summary ends with a period")
	}
	if n := utf8.RuneCountInString(t.Help); n > maxHelp {
		return fail("help is %d characters, more than %d", n, maxHelp)
	}
	return t, nil
}
