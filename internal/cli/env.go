package cli

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"strings"
	"time"

	"github.com/AlecAivazis/survey/v2/terminal"

	"github.com/designdoc-cli/designdoc/internal/interview"
)

// Env is what a new doc takes from the machine: today's date and who is
// writing. Tests give fixed values.
type Env struct {
	Today  func() string
	Author func() string
}

// SystemEnv reads the date from the clock (or SOURCE_DATE_EPOCH, for
// reproducible output) and the author from git, else the OS account.
func SystemEnv() *Env {
	return &Env{Today: today, Author: defaultAuthor}
}

func today() string {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC().Format(time.DateOnly)
		}
	}
	return time.Now().Format(time.DateOnly)
}

// defaultAuthor is git config user.name, else the OS user's full name,
// else the login name.
func defaultAuthor() string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "git", "config", "user.name").Output(); err == nil {
		if name := strings.TrimSpace(string(out)); name != "" {
			return name
		}
	}
	if u, err := user.Current(); err == nil {
		if name := strings.TrimSpace(strings.Split(u.Name, ",")[0]); name != "" {
			return name
		}
		return u.Username
	}
	return ""
}

// terminalPrompter is the survey Prompter on the command's own streams,
// which must be the terminal's files.
func terminalPrompter(io *IO) (interview.Prompter, error) {
	in, ok := io.In.(terminal.FileReader)
	if !ok {
		return nil, errors.New(noTerminal)
	}
	out, ok := io.Err.(terminal.FileWriter)
	if !ok {
		return nil, errors.New(noTerminal)
	}
	return &interview.Survey{In: in, Out: out, Err: io.Err, Color: io.Color}, nil
}
