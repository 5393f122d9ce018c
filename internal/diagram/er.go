package diagram

import (
	"strconv"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// crowsFeet maps a relation kind to Mermaid's ER notation, read from the
// entity that has the relation: 1-n is "one of this to many of those".
var crowsFeet = map[string]string{
	"1-1": "||--||",
	"1-n": "||--o{",
	"n-1": "}o--||",
	"n-n": "}o--o{",
}

// Key markers, from what a field's note says.
var (
	primaryKey = lazyre.New(`(?i)\bprimary[ -]key\b|\bpk\b`)
	foreignKey = lazyre.New(`(?i)\bforeign[ -]key\b|\bfk\b|\breferences\b`)
	uniqueKey  = lazyre.New(`(?i)\bunique\b|\buk\b`)
	notUnique  = lazyre.New(`(?i)\b(not|non)[ -]unique\b`)
)

// ER returns the core entities as a Mermaid ER diagram: each entity with
// its fields (type and name, PK, FK and UK where the note says primary
// key, foreign key or unique) and each relation with its cardinality and
// label. Types and names that are not identifiers Mermaid accepts are
// written in a safe form, with the text as written in the comment column.
// A diagram over Mermaid's size limit is written again without the fields.
// It returns "" when there are no entities.
func ER(doc *design.Doc) string {
	d, _ := erWithin(doc, noLimit)
	return d
}

// ERWithin is ER, giving up ("", false) as soon as the text is over
// MaxTextSize, the most Mermaid draws: a design too big to draw costs
// only the part written.
func ERWithin(doc *design.Doc) (string, bool) { return erWithin(doc, MaxTextSize) }

func erWithin(doc *design.Doc, limit int) (string, bool) {
	if len(doc.Entities) == 0 {
		return "", true
	}
	if d, ok := er(doc, true, MaxTextSize); ok {
		return d, true
	}
	return er(doc, false, limit)
}

// er writes the diagram, with or without the fields, giving up (ok
// false) as soon as the text is over limit.
func er(doc *design.Doc, fields bool, limit int) (d string, ok bool) {
	ents := doc.Entities
	names := make([]string, len(ents))
	for i, e := range ents {
		names[i] = e.Name
	}
	index := indexOf(names)
	var extra []string // relation targets that are not entities (unvalidated answers)
	for _, e := range ents {
		for _, r := range e.Relations {
			if _, ok := index[r.To]; !ok {
				index[r.To] = len(names) + len(extra)
				extra = append(extra, r.To)
			}
		}
	}

	var b strings.Builder
	b.Grow(min(64+160*len(ents), limit))
	b.WriteString("erDiagram\n")
	for i, e := range ents {
		if b.Len() > limit {
			return "", false
		}
		b.WriteString("    " + id("e", i+1) + `["` + label(e.Name, erAlias, nameWidth, nameLines, "Unnamed entity") + `"]`)
		if !fields || len(e.Fields) == 0 {
			b.WriteByte('\n')
			continue
		}
		b.WriteString(" {\n")
		for k, f := range e.Fields {
			writeAttribute(&b, k, f)
		}
		b.WriteString("    }\n")
	}
	for k, name := range extra {
		if b.Len() > limit {
			return "", false
		}
		b.WriteString("    " + id("e", len(ents)+k+1) + `["` + label(name, erAlias, nameWidth, nameLines, "Unnamed entity") + `"]` + "\n")
	}
	for i, e := range ents {
		for _, r := range e.Relations {
			feet, ok := crowsFeet[r.Kind]
			if !ok {
				feet = crowsFeet["n-n"]
			}
			b.WriteString("    " + id("e", i+1) + " " + feet + " " + id("e", index[r.To]+1) +
				` : "` + label(r.Label, erText, erLabelWidth, 1, "") + `"` + "\n")
		}
		if b.Len() > limit {
			return "", false
		}
	}
	if b.Len() > limit {
		return "", false
	}
	return b.String(), true
}

// writeAttribute writes field f, the k-th (0-based), as an ER attribute
// line: type, name, keys, and a comment with what the answers wrote when
// the type or name had to change.
func writeAttribute(b *strings.Builder, k int, f design.Field) {
	typ, name := clean(f.Type), clean(f.Name)
	safeType := identifier(typ, true, "untyped")
	safeName := identifier(name, false, "field_"+strconv.Itoa(k+1))
	b.WriteString("        " + safeType + " " + safeName)
	var keys []string
	if note := strings.ToLower(f.Note); note != "" {
		// The substring tests spare the regular expressions on most notes.
		if (strings.Contains(note, "key") || strings.Contains(note, "pk")) && primaryKey.MatchString(note) {
			keys = append(keys, "PK")
		}
		if (strings.Contains(note, "key") || strings.Contains(note, "fk") || strings.Contains(note, "references")) && foreignKey.MatchString(note) {
			keys = append(keys, "FK")
		}
		if (strings.Contains(note, "unique") || strings.Contains(note, "uk")) && uniqueKey.MatchString(note) && !notUnique.MatchString(note) {
			keys = append(keys, "UK")
		}
	}
	if len(keys) > 0 {
		b.WriteString(" " + strings.Join(keys, ", "))
	}
	var asWritten []string
	if typ != "" && typ != safeType {
		asWritten = append(asWritten, typ)
	}
	if name != safeName {
		asWritten = append(asWritten, name)
	}
	if len(asWritten) > 0 {
		b.WriteString(` "` + label(strings.Join(asWritten, " "), erText, erCommentWidth, 1, "") + `"`)
	}
	b.WriteByte('\n')
}

// identifier turns text into a word Mermaid reads as an attribute type
// or name: ASCII letters, digits and _ (types also keep [] and (), as in
// string[] or varchar(64)), starting with a letter or _, and never read
// as one of the key words PK, FK, UK. Runs of other characters become
// one _ (none at the ends); an empty result gives fallback.
func identifier(s string, isType bool, fallback string) string {
	var b strings.Builder
	pending := false // characters were dropped since the last one written
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' ||
			isType && strings.ContainsRune("[]()", r)
		if !ok {
			pending = true
			continue
		}
		if pending && b.Len() > 0 && r != '_' && !strings.HasSuffix(b.String(), "_") {
			b.WriteByte('_')
		}
		pending = false
		b.WriteRune(r)
	}
	out := b.String()
	if out == "" {
		return fallback
	}
	// Mermaid reads PK, FK and UK as key markers wherever a word break
	// follows them ("pk(5)", "fk"), in any case.
	if c := out[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') || keyWord.MatchString(out) {
		out = "_" + out
	}
	return out
}

var keyWord = lazyre.New(`(?i)^(pk|fk|uk)(\W|$)`)
