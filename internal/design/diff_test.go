package design

import (
	"slices"
	"testing"
)

func TestChangedKeys(t *testing.T) {
	base := func() *Doc {
		return &Doc{Title: "T", Authors: []string{"A"}, Requirements: Requirements{Functional: []Requirement{{Text: "x", Pos: Pos{3, 5}}}},
			HighLevelDesign: HighLevelDesign{Components: []Component{{Name: "C", Kind: "service", Serves: []int{1}}}}}
	}
	tests := []struct {
		name   string
		change func(*Doc)
		want   []string
	}{
		{"nothing", func(*Doc) {}, nil},
		{"positions only", func(d *Doc) { d.Requirements.Functional[0].Pos = Pos{9, 1} }, nil},
		{"nil and empty list", func(d *Doc) { d.Entities = []Entity{} }, nil},
		{"title", func(d *Doc) { d.Title = "U" }, []string{"title"}},
		{"nested", func(d *Doc) { d.HighLevelDesign.Components[0].Serves = nil }, []string{"high_level_design"}},
		{"two keys", func(d *Doc) { d.Authors = nil; d.Capacity = &Capacity{} }, []string{"authors", "capacity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			tt.change(b)
			if got := ChangedKeys(base(), b); !slices.Equal(got, tt.want) {
				t.Errorf("ChangedKeys = %v, want %v", got, tt.want)
			}
		})
	}
}
