package lazyre

import (
	"strings"
	"sync"
	"testing"
)

func TestLazyMatchesLikeRegexp(t *testing.T) {
	l := New(`(\w+)@(\w+)`)
	if got := l.FindStringSubmatch("mail ann@example now"); strings.Join(got, ",") != "ann@example,ann,example" {
		t.Errorf("FindStringSubmatch = %q", got)
	}
	if !l.MatchString("a@b") || l.MatchString("no at sign") {
		t.Error("MatchString disagrees with the pattern")
	}
	if got := l.ReplaceAllLiteralString("x@y and p@q", "$1"); got != "$1 and $1" {
		t.Errorf("ReplaceAllLiteralString = %q", got)
	}
	if got := l.FindAllStringIndex("x@y and p@q", -1); len(got) != 2 || got[1][0] != 8 {
		t.Errorf("FindAllStringIndex = %v", got)
	}
	if l.String() != `(\w+)@(\w+)` {
		t.Errorf("String = %q", l.String())
	}
}

func TestCompiledOnceAcrossGoroutines(t *testing.T) {
	l := New(`^a+$`)
	var wg sync.WaitGroup
	seen := make(chan any, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen <- l.Regexp()
		}()
	}
	wg.Wait()
	close(seen)
	first := <-seen
	for re := range seen {
		if re != first {
			t.Fatal("two goroutines got different compilations")
		}
	}
}

func TestCheckFindsABadPattern(t *testing.T) {
	before := Count()
	if err := Check(); err != nil {
		t.Fatalf("Check before a bad pattern: %v", err)
	}
	New(`(unclosed`)
	if Count() != before+1 {
		t.Fatalf("Count = %d, want %d", Count(), before+1)
	}
	err := Check()
	if err == nil || !strings.Contains(err.Error(), "missing closing )") {
		t.Fatalf("Check = %v, want the compile error of (unclosed", err)
	}
	mu.Lock()
	all = all[:before] // leave the registry as the other tests found it
	mu.Unlock()
}
