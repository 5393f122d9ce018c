package render

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"text/template"

	"github.com/Masterminds/sprig/v3"
	"gopkg.in/yaml.v3"

	"github.com/designdoc-cli/designdoc/internal/benchgen"
	"github.com/designdoc-cli/designdoc/internal/design"
)

// BenchmarkLoadRender measures what `designdoc render` does in process for
// generated answers of N entities: parse and validate the YAML, then
// execute the design template. Report ratios between sizes, or against
// BenchmarkLoadRender/reference (plain text/template over the same data),
// measured in the same run: divide N=…'s time by N=…/reference's.
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
		b.Run(fmt.Sprintf("N=%d/reference", n), func(b *testing.B) {
			// What a plain Go program does with the same file: yaml.v3 into
			// maps, then one text/template with sprig, no checks, no escaping.
			ref := template.Must(template.New("ref").Funcs(sprig.TxtFuncMap()).Option("missingkey=error").Parse(referenceTemplate))
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				var answers map[string]any
				if err := yaml.Unmarshal(data, &answers); err != nil {
					b.Fatal(err)
				}
				if err := ref.Execute(io.Discard, answers); err != nil {
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

// referenceTemplate renders the same sections as the design template in
// the plainest way, over the answers decoded into maps.
const referenceTemplate = `# {{ .title }}

{{ .summary }}

## Requirements

{{ range $i, $r := .requirements.functional }}- FR{{ add1 $i }}: {{ $r }}
{{ end }}
| Quality | Requirement |
| --- | --- |
{{ range .requirements.non_functional }}| {{ .quality }} | {{ .requirement }} |
{{ end }}
## Core entities

| Entity | Description | Fields |
| --- | --- | --- |
{{ range .entities }}| {{ .name }} | {{ .description }} | {{ len .fields }} |
{{ end }}{{ range .entities }}
### {{ .name }}

{{ .description }}

| Field | Type | Note |
| --- | --- | --- |
{{ range .fields }}| {{ .name }} | {{ .type }} | {{ .note }} |
{{ end }}{{ end }}
## API

| Method | Path | Summary |
| --- | --- | --- |
{{ range .api.endpoints }}| {{ .method | upper }} | {{ .path }} | {{ .summary }} |
{{ end }}
## Components

{{ range .high_level_design.components }}- {{ .name }} ({{ .technology }}): {{ .responsibility }}
{{ end }}
## Data flow

{{ range $i, $s := .data_flow }}{{ add1 $i }}. {{ $s.from }} -> {{ $s.to }}: {{ $s.action }}
{{ end }}`
