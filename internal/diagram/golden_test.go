package diagram

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the output")

// kinds are the diagram kinds, by the name their golden files use.
var kinds = []struct {
	name string
	fn   func(*design.Doc) string
}{
	{"architecture", Architecture},
	{"sequence", Sequence},
	{"er", ER},
}

// TestGolden draws every diagram of every example, of the stress answers
// and of testdata/*.designdoc.yaml, and compares each with
// testdata/NAME.KIND.golden; go test ./internal/diagram -update rewrites
// them.
func TestGolden(t *testing.T) {
	for _, path := range goldenAnswers(t) {
		doc, err := design.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".designdoc.yaml")
		for _, k := range kinds {
			t.Run(name+"/"+k.name, func(t *testing.T) {
				got := k.fn(doc)
				golden := filepath.Join("testdata", name+"."+k.name+".golden")
				if *update {
					if got == "" {
						os.Remove(golden)
						return
					}
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if os.IsNotExist(err) && got == "" {
					return
				}
				if err != nil {
					t.Fatalf("%v (go test ./internal/diagram -update writes it)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs; run go test ./internal/diagram -update and review the diff\n%s", golden, lineDiff(string(want), got))
				}
			})
		}
	}
}

// goldenAnswers lists the answers files the golden tests draw.
func goldenAnswers(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../../examples/*.designdoc.yaml", "../../testdata/stress/*.designdoc.yaml", "testdata/*.designdoc.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("found only %d answers files", len(files))
	}
	return files
}

// lineDiff shows the first line where two texts differ.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(no line differs)"
}
