package check

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// FuzzCheck runs the linter on whatever the loader accepts, and the
// Markdown linter on any bytes: neither may panic, and the same input
// gives the same findings in the same order.
func FuzzCheck(f *testing.F) {
	for _, glob := range []string{"../../examples/*.designdoc.yaml", "../../examples/*.md", "../../testdata/stress/*"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("title: T\nstatus: accepted\nopen_questions: [a, {question: b, resolved: c}]\nextra_sections: [{id: risks}]\n"))
	f.Add([]byte("# T\n\n## Requirements\n\n- FR1\n\n```\nunclosed\n"))
	opts := Options{RequiredSections: []string{"summary", "capacity", "risks"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		md := RunMarkdown(data, "f.md", opts)
		if again := RunMarkdown(data, "f.md", opts); !reflect.DeepEqual(md, again) {
			t.Fatalf("RunMarkdown is not deterministic")
		}
		doc, err := design.Parse("f.yaml", data)
		if err != nil {
			return
		}
		fs := Run(doc, "f.yaml", opts)
		doc2, _ := design.Parse("f.yaml", data)
		if again := Run(doc2, "f.yaml", opts); !reflect.DeepEqual(fs, again) {
			t.Fatalf("Run is not deterministic")
		}
		for i := 1; i < len(fs); i++ {
			if fs[i-1].Line > fs[i].Line {
				t.Fatalf("findings out of order: %+v before %+v", fs[i-1], fs[i])
			}
		}
	})
}
