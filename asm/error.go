package asm

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a .bl file. Line and Col count from 1; Col counts characters (runes),
// not bytes, so that a caret lines up under the character a message is about.
type Pos struct {
	File string
	Line int
	Col  int
}

// String returns the position as file:line:col, the form editors and compilers use.
func (p Pos) String() string {
	file := p.File
	if file == "" {
		file = "<input>"
	}
	if p.Col == 0 {
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Error is one problem in a .bl file. Error() gives the one-line form file:line:col: msg;
// [Error.Detail] adds the source line and a caret under the column.
type Error struct {
	Pos Pos
	Msg string
	// Source is the text of the offending line, without its newline ("" when unknown).
	Source string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Detail returns the error, the source line and a caret under the error's column:
//
//	fib.bl:7:5: unknown instruction "mvoe" (did you mean move?)
//	    mvoe x0, x1
//	    ^
func (e *Error) Detail() string {
	if e.Source == "" || e.Pos.Col == 0 {
		return e.Error()
	}
	var b strings.Builder
	b.WriteString(e.Error())
	b.WriteString("\n    ")
	b.WriteString(e.Source)
	b.WriteString("\n    ")
	// Copy tabs from the source so the caret lines up whatever the terminal's tab width.
	col := 1
	for _, r := range e.Source {
		if col >= e.Pos.Col {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		col++
	}
	b.WriteByte('^')
	return b.String()
}

// MaxErrors is how many errors a file reports before the assembler stops: enough to fix a
// batch at once, few enough that one missing bracket does not bury the first message.
const MaxErrors = 20

// ErrorList is every error found in a file, in source order. Its Error() prints each with its
// source line and caret, one after the other.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Detail())
	}
	if len(l) >= MaxErrors {
		b.WriteString("\n(too many errors; stopped)")
	}
	return b.String()
}

// Err returns l as an error, or nil when l is empty (a nil ErrorList inside a non-nil error
// interface would look like a failure).
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// sortByPos orders errors by line and column, keeping the order of errors at one position.
func (l ErrorList) sortByPos() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// didYouMean returns " (did you mean X?)" for the candidate closest to name by edit
// distance, or "" when none is close enough to be a plausible typo.
func didYouMean(name string, candidates []string) string {
	if s := suggest(name, candidates); s != "" {
		return " (did you mean " + s + "?)"
	}
	return ""
}

// suggest returns the candidate nearest to name, if its edit distance is at most a third of
// name's length (at least 1, at most 3): "mvoe"→"move", but not "x"→"call".
func suggest(name string, candidates []string) string {
	limit := len([]rune(name)) / 3
	if limit < 1 {
		limit = 1
	}
	if limit > 3 {
		limit = 3
	}
	best, bestD := "", limit+1
	for _, c := range candidates {
		if c == name {
			continue
		}
		if d := editDistance(name, c, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance returns the Damerau–Levenshtein (optimal string alignment) distance between a
// and b, so that a swap of two neighbours ("mvoe") counts as one edit. It gives up and returns
// max once the distance is known to be at least max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= max || -d >= max {
		return max
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= max {
			return max
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], max)
}
