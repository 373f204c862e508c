package tests

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/value"
)

// scenario is one .bl program and what it must do.
type scenario struct {
	path   string // the .bl file
	name   string // GROUP/NAME
	module string
	output []string   // expected output lines
	result value.Term // expected result of main/0, or nil
	exit   *expectedExit
}

type expectedExit struct {
	class  value.Atom
	reason value.Term
}

// any is what _ in an expectation becomes (the atom '_'): it matches every term.
const any = value.Atom("_")

var wildcard = regexp.MustCompile(`(^|[^A-Za-z0-9_'"@])_([^A-Za-z0-9_@]|$)`)

// parseExpected parses a term that may contain _ wildcards.
func parseExpected(file, text string) (value.Term, error) {
	for wildcard.MatchString(text) { // overlapping matches need more than one pass
		text = wildcard.ReplaceAllString(text, "${1}'_'${2}")
	}
	return asm.ParseTerm(file, text)
}

// matches reports whether got matches the expected term want (with wildcards).
func matches(want, got value.Term) bool {
	if want == any {
		return true
	}
	switch w := want.(type) {
	case value.Tuple:
		g, ok := got.(value.Tuple)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !matches(w[i], g[i]) {
				return false
			}
		}
		return true
	case value.List:
		g, ok := got.(value.List)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !matches(w[i], g[i]) {
				return false
			}
		}
		return true
	}
	return value.Equal(want, got)
}

// loadScenarios reads every scenario under dir.
func loadScenarios(dir string) ([]*scenario, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".bl") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []*scenario
	for _, p := range paths {
		s, err := parseScenario(dir, p)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func parseScenario(dir, path string) (*scenario, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	rel, _ := filepath.Rel(dir, path)
	s := &scenario{path: path, name: strings.TrimSuffix(filepath.ToSlash(rel), ".bl"),
		module: strings.TrimSuffix(filepath.Base(path), ".bl")}
	sc := bufio.NewScanner(bytes.NewReader(src))
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if !strings.HasPrefix(text, "%%") {
			continue
		}
		key, val, ok := strings.Cut(strings.TrimPrefix(text, "%%"), ":")
		if !ok {
			continue
		}
		key, pos := strings.TrimSpace(key), fmt.Sprintf("%s:%d", path, line)
		switch key {
		case "output":
			s.output = append(s.output, strings.TrimPrefix(val, " "))
		case "result":
			t, err := parseExpected(pos, strings.TrimSpace(val))
			if err != nil {
				return nil, err
			}
			s.result = t
		case "exit":
			class, reason, _ := strings.Cut(strings.TrimSpace(val), " ")
			t, err := parseExpected(pos, strings.TrimSpace(reason))
			if err != nil {
				return nil, err
			}
			s.exit = &expectedExit{class: value.Atom(class), reason: t}
		}
	}
	if (s.result == nil) == (s.exit == nil) {
		return nil, fmt.Errorf("%s: a scenario states exactly one of %%%% result: and %%%% exit:", path)
	}
	return s, nil
}

// outcome is what running a scenario produced, on beamlite or on erl.
type outcome struct {
	output string
	result value.Term // nil after an exit
	class  value.Atom
	reason value.Term
}

// check compares an outcome with the scenario's expectations and returns the differences.
func (s *scenario) check(o outcome) []string {
	var problems []string
	want := ""
	if len(s.output) > 0 {
		want = strings.Join(s.output, "\n") + "\n"
	}
	if o.output != want {
		problems = append(problems, fmt.Sprintf("output:\n--- want\n%s--- got\n%s---", want, o.output))
	}
	switch {
	case s.result != nil && o.result == nil:
		problems = append(problems, fmt.Sprintf("want result %s, got exit %s %s", value.Print(s.result), o.class, value.Print(o.reason)))
	case s.result != nil && !matches(s.result, o.result):
		problems = append(problems, fmt.Sprintf("want result %s, got %s", value.Print(s.result), value.Print(o.result)))
	case s.exit != nil && o.result != nil:
		problems = append(problems, fmt.Sprintf("want exit %s %s, got result %s", s.exit.class, value.Print(s.exit.reason), value.Print(o.result)))
	case s.exit != nil && (s.exit.class != o.class || !matches(s.exit.reason, o.reason)):
		problems = append(problems, fmt.Sprintf("want exit %s %s, got exit %s %s", s.exit.class, value.Print(s.exit.reason), o.class, value.Print(o.reason)))
	}
	return problems
}
