package yamltree

import (
	"strconv"
	"strings"
)

// locateV3Error turns a yaml.v3 error message into a *SyntaxError with the
// position of the mistake.
func locateV3Error(data []byte, msg string) *SyntaxError {
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line, msg = n, rest[i+2:]
			}
		}
	}
	return &SyntaxError{Line: max(line, 1), Column: 1, Msg: msg}
}
