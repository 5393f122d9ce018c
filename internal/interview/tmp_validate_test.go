package interview

import "github.com/designdoc-cli/designdoc/internal/design"

func validate(*design.Doc) error { return nil }
