package team

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// The markers around the table list --index keeps in docs_dir/README.md;
// text outside them is the team's and is kept.
const (
	IndexStart = "<!-- designdoc:index -->"
	IndexEnd   = "<!-- /designdoc:index -->"
)

// Index is a new docs_dir/README.md: a heading and the table of entries.
func Index(entries []Entry) []byte {
	var b bytes.Buffer
	b.WriteString("# Design docs\n\n")
	b.WriteString("<!-- The table is kept by `designdoc list --index`: edit outside the markers. -->\n\n")
	b.Write(indexBlock(entries))
	return b.Bytes()
}

// UpdateIndex is an existing README.md with the table between its
// markers replaced by the table of entries. A file without markers gets
// the table appended, so nothing written there is lost.
func UpdateIndex(existing []byte, entries []Entry) []byte {
	block := indexBlock(entries)
	start := bytes.Index(existing, []byte(IndexStart))
	if start >= 0 {
		if end := bytes.Index(existing[start:], []byte(IndexEnd)); end >= 0 {
			end += start + len(IndexEnd)
			if end < len(existing) && existing[end] == '\n' {
				end++
			}
			var b bytes.Buffer
			b.Write(existing[:start])
			b.Write(block)
			b.Write(existing[end:])
			return b.Bytes()
		}
	}
	var b bytes.Buffer
	b.Write(existing)
	if len(existing) > 0 {
		if !bytes.HasSuffix(existing, []byte("\n")) {
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	b.Write(block)
	return b.Bytes()
}

func indexBlock(entries []Entry) []byte {
	var b bytes.Buffer
	b.WriteString(IndexStart + "\n\n")
	if len(entries) == 0 {
		b.WriteString("No design docs yet: `designdoc new` writes the first.\n\n")
	} else {
		b.WriteString("| Number | Title | Status | Authors | Created |\n")
		b.WriteString("| --- | --- | --- | --- | --- |\n")
		for _, e := range entries {
			title := e.Title
			if title == "" {
				title = filepath.Base(e.Path)
			}
			fmt.Fprintf(&b, "| %s | [%s](%s) | %s | %s | %s |\n",
				number(e.Number), linkText(title), linkTarget(filepath.Base(e.Path)),
				cell(e.Status), cell(strings.Join(e.Authors, ", ")), cell(e.Created))
		}
		b.WriteByte('\n')
	}
	b.WriteString(IndexEnd + "\n")
	return b.Bytes()
}

func number(n int) string {
	if n == 0 {
		return "—"
	}
	return strconv.Itoa(n)
}

// cell escapes text for a table cell: a pipe would end the cell, a line
// break the row, and HTML or Markdown markup would not be read as text.
func cell(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '|', '\\', '`', '*', '_', '[', ']', '<', '>', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

func linkText(s string) string { return cell(s) }

// linkTarget writes a file name as a link destination; angle brackets
// allow spaces, and the characters that would end them are escaped.
func linkTarget(name string) string {
	if !strings.ContainsAny(name, " ()<>\\") {
		return name
	}
	r := strings.NewReplacer("\\", "\\\\", "<", "\\<", ">", "\\>")
	return "<" + r.Replace(name) + ">"
}
