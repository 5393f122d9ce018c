package team

import "slices"

// ExtraSectionKeys lists the keys an item of extra_sections may have.
func ExtraSectionKeys() []string { return slices.Clone(extraKeys) }
