package value

import (
	"fmt"
	"testing"
)

// benchTerm is a mixed term: a list of 100 tuples {I, atom, "string", #{k => I}, 2.5}.
func benchTerm() Term {
	l := make(List, 100)
	for i := range l {
		l[i] = Tuple{Int(i), Atom("atom"), String("string"), NewMap(Atom("k"), Int(i)), Float(2.5)}
	}
	return l
}

func BenchmarkCompare(b *testing.B) {
	x, y := benchTerm(), benchTerm()
	for b.Loop() {
		if Compare(x, y) != 0 {
			b.Fatal("not equal")
		}
	}
}

func BenchmarkEqual(b *testing.B) {
	x, y := benchTerm(), benchTerm()
	for b.Loop() {
		if !Equal(x, y) {
			b.Fatal("not equal")
		}
	}
}

func BenchmarkFormat(b *testing.B) {
	t := benchTerm()
	for b.Loop() {
		_ = Format(t)
	}
}

func BenchmarkPretty(b *testing.B) {
	t := benchTerm()
	for b.Loop() {
		_ = Pretty(t, 1, 80, -1, true)
	}
}

func BenchmarkNewMap(b *testing.B) {
	for _, n := range []int{8, 64} {
		kvs := make([]Term, 0, 2*n)
		for i := range n {
			kvs = append(kvs, Int(i), Atom("v"))
		}
		b.Run(fmt.Sprintf("keys=%d", n), func(b *testing.B) {
			for b.Loop() {
				_ = NewMap(kvs...)
			}
		})
	}
}
