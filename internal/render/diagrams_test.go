package render

import (
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// section returns the text of the ## section with this title.
func section(md, title string) string {
	_, after, ok := strings.Cut(md, "\n## "+title+"\n")
	if !ok {
		return ""
	}
	if i := strings.Index(after, "\n## "); i >= 0 {
		after = after[:i]
	}
	return after
}

func renderDoc(t *testing.T, doc *design.Doc) string {
	t.Helper()
	tm, err := newTestEngine(t).Lookup("design")
	if err != nil {
		t.Fatal(err)
	}
	md, err := tm.Execute(NewView(doc, "x.designdoc.yaml", "design"))
	if err != nil {
		t.Fatal(err)
	}
	return string(md)
}

func TestDiagramsInTheirSections(t *testing.T) {
	md, _ := renderFile(t, newTestEngine(t), "../../examples/url-shortener.designdoc.yaml")
	for title, kind := range map[string]string{
		"Core entities":     "```mermaid\nerDiagram\n",
		"Data flow":         "```mermaid\nsequenceDiagram\n",
		"High-level design": "```mermaid\nflowchart LR\n",
	} {
		s := section(string(md), title)
		if !strings.HasPrefix(strings.TrimLeft(s, "\n"), kind) {
			t.Errorf("section %s does not start with its diagram:\n%.200s", title, s)
		}
		if n := strings.Count(s, "```mermaid"); n != 1 {
			t.Errorf("section %s has %d diagrams, want 1", title, n)
		}
	}
	if n := strings.Count(string(md), "```mermaid"); n != 3 {
		t.Errorf("%d diagrams in the doc, want 3", n)
	}
}

func TestNoDiagramWithoutData(t *testing.T) {
	md := renderDoc(t, &design.Doc{Title: "Empty", Status: "draft"})
	if strings.Contains(md, "mermaid") {
		t.Errorf("a doc with no entities, steps or components has a diagram:\n%s", md)
	}
	for _, title := range []string{"Core entities", "Data flow", "High-level design"} {
		if !strings.Contains(section(md, title), "<!-- ") {
			t.Errorf("empty section %s has no guidance comment", title)
		}
	}
	// Only components: the architecture, and nothing else.
	doc := &design.Doc{Title: "Boxes", Status: "draft"}
	doc.HighLevelDesign.Components = []design.Component{{Name: "API", Kind: "service"}}
	md = renderDoc(t, doc)
	if strings.Count(md, "```mermaid") != 1 || !strings.Contains(section(md, "High-level design"), "flowchart LR") {
		t.Errorf("want exactly the architecture diagram:\n%s", md)
	}
}

func TestDiagramTooBigIsLeftOut(t *testing.T) {
	doc := &design.Doc{Title: "Big", Status: "draft"}
	doc.HighLevelDesign.Components = []design.Component{{Name: "a", Kind: "service"}, {Name: "b", Kind: "database"}}
	for i := 0; i < 501; i++ {
		doc.HighLevelDesign.Connections = append(doc.HighLevelDesign.Connections, design.Connection{From: "a", To: "b", Label: "call " + itoa(i)})
	}
	s := section(renderDoc(t, doc), "High-level design")
	if strings.Contains(s, "```mermaid") || !strings.Contains(s, "<!-- The architecture diagram is left out: with 501 connections") {
		t.Errorf("an architecture over Mermaid's edge limit:\n%.300s", s)
	}
}

func TestDiagramOverTheSizeLimitIsLeftOut(t *testing.T) {
	doc := &design.Doc{Title: "Long", Status: "draft"}
	for i := 0; i < 2000; i++ {
		doc.DataFlow = append(doc.DataFlow, design.Step{From: "client", To: "server " + itoa(i%40), Action: "sends request number " + itoa(i)})
	}
	s := section(renderDoc(t, doc), "Data flow")
	if strings.Contains(s, "```mermaid") || !strings.Contains(s, "<!-- The sequence diagram is left out: it is over Mermaid's limit of 50000 characters.") {
		t.Errorf("a sequence over Mermaid's size limit:\n%.300s", s)
	}
}

func TestDiagramFenceCannotBeClosedByAnswers(t *testing.T) {
	doc := &design.Doc{Title: "Fences", Status: "draft"}
	doc.HighLevelDesign.Components = []design.Component{{Name: "```\n# not a heading", Kind: "service", Technology: "~~~"}}
	md := renderDoc(t, doc)
	s := section(md, "High-level design")
	body, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimLeft(s, "\n"), "```mermaid\n"), "\n```\n")
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(strings.TrimLeft(line, " "), "```") || strings.HasPrefix(strings.TrimLeft(line, " "), "~~~") || strings.HasPrefix(line, "#") {
			t.Errorf("a line of the diagram could end the fence or read as Markdown: %q", line)
		}
	}
	if !strings.Contains(body, "#96;#96;#96; #35; not a heading") {
		t.Errorf("the name is not escaped as expected:\n%s", body)
	}
}
