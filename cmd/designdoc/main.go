// Command designdoc interviews an engineer through a system design and
// renders a Markdown design doc. See internal/cli for the commands.
package main

import (
	"os"

	"github.com/designdoc-cli/designdoc/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
