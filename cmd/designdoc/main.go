// Command designdoc interviews an engineer through a system design and
// renders a Markdown design doc. See internal/cli for the commands.
package main

import (
	"os"
	"runtime/debug"

	"github.com/designdoc-cli/designdoc/internal/cli"
)

// softMemoryLimit makes the garbage collector work harder as the heap
// nears it, which keeps a 10 000-entity render under 150 MiB of memory
// (about 120 MiB against 175 MiB without). It is a soft limit: a bigger
// document still renders, only with more collections. GOMEMLIMIT wins.
const softMemoryLimit = 128 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
