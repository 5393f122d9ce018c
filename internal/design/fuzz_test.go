package design

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// FuzzLoad drives the answers loader with any bytes, as YAML or as JSON.
// It must not panic; a refused file gets an error whose every problem
// names the file and, but for the closing "… and N more", a line and
// column inside it; an accepted file passes Validate and ParseDraft too,
// and written back with Marshal loads as the same doc, and writes the
// same bytes again.
func FuzzLoad(f *testing.F) {
	for _, glob := range []string{"../../examples/*.designdoc.yaml", "../../testdata/stress/*.designdoc.yaml"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data, false)
			}
		}
	}
	f.Add([]byte("designdoc: 1\ntitle: T\nentities: [{name: A, relations: [{to: B, kind: 1-n}]}]\n"), false)
	f.Add([]byte("title: T\ncapacity: {dau: -1, read_size: 1XB}\ncreated: 2026-02-30\n"), false)
	f.Add([]byte("title: &a T\nsummary: *b\n"), false)
	f.Add([]byte("title: \xff\n"), false)
	f.Add([]byte(`{"designdoc": 1, "title": "T", "open_questions": ["a", {"question": "b", "resolved": "c"}],}`), true)
	f.Add([]byte(`{"title": "T", "high_level_design": {"components": [{"name": "A", "kind": "service", "serves": [1]}]}}`), true)
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		name := "f.yaml"
		if asJSON {
			name = "f.json"
		}
		// YAML ends a line at \n, \r\n or a lone \r, and so do editors.
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) + 1
		doc, err := Parse(name, data)
		if err != nil {
			checkLoadError(t, name, err, lines)
			return
		}
		if err := Validate(doc); err != nil {
			t.Fatalf("an accepted doc fails Validate: %v", err)
		}
		if _, err := ParseDraft(name, data); err != nil {
			t.Fatalf("ParseDraft refuses what Parse accepts: %v", err)
		}
		out := Marshal(doc)
		back, err := Parse("out.yaml", out)
		if err != nil {
			t.Fatalf("Marshal output does not load: %v\n--- output\n%s", err, out)
		}
		if want, got := comparable(doc), comparable(back); !reflect.DeepEqual(want, got) {
			t.Fatalf("round trip changed the doc\n--- output\n%s\n--- want\n%#v\n--- got\n%#v", out, want, got)
		}
		if again := Marshal(back); !bytes.Equal(again, out) {
			t.Fatalf("Marshal is not stable:\n%s\n--- then\n%s", out, again)
		}
	})
}

// checkLoadError holds a load error to the contract: it names the file,
// and each problem is at a real place in it.
func checkLoadError(t *testing.T, name string, err error, lines int) {
	t.Helper()
	if !strings.HasPrefix(err.Error(), name) {
		t.Fatalf("error does not name the file: %v", err)
	}
	var le *LoadError
	if !errors.As(err, &le) {
		return // not about the content (none today), but it names the file
	}
	if len(le.Problems) == 0 {
		t.Fatalf("a LoadError with no problems: %v", err)
	}
	for i, p := range le.Problems {
		if p.File != name {
			t.Fatalf("problem %d names %q, not %q: %v", i, p.File, name, p)
		}
		if !p.Pos.Known() {
			if i == len(le.Problems)-1 && strings.HasPrefix(p.Msg, "… and ") {
				continue
			}
			t.Fatalf("problem %d has no position: %v", i, p)
		}
		if p.Pos.Line < 1 || p.Pos.Line > lines || p.Pos.Column < 1 {
			t.Fatalf("problem %d is at %d:%d, outside the file's %d lines: %v", i, p.Pos.Line, p.Pos.Column, lines, p)
		}
	}
}
