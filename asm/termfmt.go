package asm

import (
	"fmt"
	"math"
	"strings"

	"github.com/beamlite/beamlite/value"
)

// formatTerm writes t in the Erlang syntax that [ParseTerm] reads back to exactly t. It is
// value.Print (strings as "…", printable binaries as <<"…">>), refusing what has no written
// form: closures (their environment cannot be written) and non-finite floats.
func formatTerm(t value.Term) (string, error) {
	if err := checkWritable(t); err != nil {
		return "", err
	}
	var b strings.Builder
	writeTerm(&b, t)
	return b.String(), nil
}

// writeTerm writes t as value.Print does, spaced the way people write .bl: {ok, 1},
// [1, 2 | T], #{k => v}, <<1, 2>>. Leaves (atoms, numbers, strings, printable binaries) are
// value.Print's own.
func writeTerm(b *strings.Builder, t value.Term) {
	seq := func(open string, elems []value.Term, close string) {
		b.WriteString(open)
		for i, e := range elems {
			if i > 0 {
				b.WriteString(", ")
			}
			writeTerm(b, e)
		}
		b.WriteString(close)
	}
	switch t := t.(type) {
	case value.Tuple:
		seq("{", t, "}")
	case value.List:
		if s := value.Print(t); strings.HasPrefix(s, "\"") {
			b.WriteString(s)
			return
		}
		seq("[", t, "]")
	case value.ImproperList:
		seq("[", t.Elems, "")
		b.WriteString(" | ")
		writeTerm(b, t.Tail)
		b.WriteString("]")
	case value.Map:
		b.WriteString("#{")
		for i := range t.Keys {
			if i > 0 {
				b.WriteString(", ")
			}
			writeTerm(b, t.Keys[i])
			b.WriteString(" => ")
			writeTerm(b, t.Values[i])
		}
		b.WriteString("}")
	case value.Binary, value.Bitstring:
		s := value.Print(t)
		if strings.HasPrefix(s, "<<\"") {
			b.WriteString(s) // a printable binary: <<"text">>, maybe with a tail segment
			return
		}
		b.WriteString(strings.ReplaceAll(s, ",", ", "))
	default:
		b.WriteString(value.Print(t))
	}
}

func checkWritable(t value.Term) error {
	switch t := t.(type) {
	case value.Fun:
		return fmt.Errorf("a closure (%s) has no literal syntax", value.Print(t))
	case value.Float:
		if math.IsNaN(float64(t)) || math.IsInf(float64(t), 0) {
			return fmt.Errorf("float %v has no literal syntax", float64(t))
		}
	case value.Tuple:
		for _, e := range t {
			if err := checkWritable(e); err != nil {
				return err
			}
		}
	case value.List:
		for _, e := range t {
			if err := checkWritable(e); err != nil {
				return err
			}
		}
	case value.ImproperList:
		for _, e := range t.Elems {
			if err := checkWritable(e); err != nil {
				return err
			}
		}
		return checkWritable(t.Tail)
	case value.Map:
		for i := range t.Keys {
			if err := checkWritable(t.Keys[i]); err != nil {
				return err
			}
			if err := checkWritable(t.Values[i]); err != nil {
				return err
			}
		}
	case nil:
		return fmt.Errorf("missing term")
	}
	return nil
}

// isRegisterName reports whether an operand reads the bare name s as a register: x or y and
// digits.
func isRegisterName(s string) bool {
	if len(s) < 2 || (s[0] != 'x' && s[0] != 'y') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// formatOperandTerm is formatTerm for a whole operand: an atom that a bare name would turn
// into something else there (a register x0, or the words none and all) is quoted.
func formatOperandTerm(t value.Term) (string, error) {
	if a, ok := t.(value.Atom); ok && isOperandWord(string(a)) {
		return "'" + string(a) + "'", nil
	}
	return formatTerm(t)
}

func isOperandWord(s string) bool {
	return s == "none" || s == "all" || isRegisterName(s)
}
