// Package lazyre holds regular expressions that compile the first time
// they are used instead of when the program starts.
//
// A package-level regexp.MustCompile runs before main on every run, even
// one that never matches anything: designdoc's thirty took half a
// millisecond of each start, a tenth of rendering a small doc. A Regexp
// from New costs nothing until its first match, and compiles once, safely
// from any goroutine. Check compiles every pattern made so far, so that a
// test finds a bad one without having to reach its first use.
package lazyre

import (
	"fmt"
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled on first use. Its methods are
// those of regexp.Regexp that designdoc uses.
type Regexp struct {
	pattern  string
	compiled func() *regexp.Regexp
}

var (
	mu  sync.Mutex
	all []*Regexp
)

// New returns the expression pattern, to be compiled when first used.
// A pattern that does not compile panics then, as regexp.MustCompile
// would have at start-up; Check finds it sooner.
func New(pattern string) *Regexp {
	l := &Regexp{pattern: pattern}
	l.compiled = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
	mu.Lock()
	all = append(all, l)
	mu.Unlock()
	return l
}

// Check compiles every expression New has made and returns the first
// that fails to compile.
func Check() error {
	mu.Lock()
	defer mu.Unlock()
	for _, l := range all {
		if _, err := regexp.Compile(l.pattern); err != nil {
			return fmt.Errorf("lazyre: %w", err)
		}
	}
	return nil
}

// Count is how many expressions New has made.
func Count() int {
	mu.Lock()
	defer mu.Unlock()
	return len(all)
}

// Regexp returns the compiled expression, compiling it on the first call.
func (l *Regexp) Regexp() *regexp.Regexp { return l.compiled() }

func (l *Regexp) String() string { return l.pattern }

func (l *Regexp) MatchString(s string) bool { return l.compiled().MatchString(s) }

func (l *Regexp) FindString(s string) string { return l.compiled().FindString(s) }

func (l *Regexp) FindStringSubmatch(s string) []string {
	return l.compiled().FindStringSubmatch(s)
}

func (l *Regexp) FindStringSubmatchIndex(s string) []int {
	return l.compiled().FindStringSubmatchIndex(s)
}

func (l *Regexp) FindSubmatch(b []byte) [][]byte { return l.compiled().FindSubmatch(b) }

func (l *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return l.compiled().FindAllStringIndex(s, n)
}

func (l *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.compiled().FindAllStringSubmatchIndex(s, n)
}

func (l *Regexp) ReplaceAll(src, repl []byte) []byte { return l.compiled().ReplaceAll(src, repl) }

func (l *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return l.compiled().ReplaceAllLiteralString(src, repl)
}
