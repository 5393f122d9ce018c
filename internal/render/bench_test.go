package render

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/benchgen"
	"github.com/designdoc-cli/designdoc/internal/design"
)

// BenchmarkLoadRender measures what `designdoc render` does in process for
// generated answers of N entities: parse and validate the YAML, then
// execute the design template. Report ratios between sizes, or against
// BenchmarkLoadRender/reference (plain text/template over the same data),
// measured in the same run.
func BenchmarkLoadRender(b *testing.B) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	tmpl, err := e.Lookup("design")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10, 100, 1000, 10000} {
		var buf bytes.Buffer
		if err := benchgen.Write(&buf, n); err != nil {
			b.Fatal(err)
		}
		data := buf.Bytes()
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				doc, err := design.Parse("bench.yaml", data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := tmpl.Execute(NewView(doc, "bench.yaml", "design")); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("N=%d/load", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := design.Parse("bench.yaml", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
