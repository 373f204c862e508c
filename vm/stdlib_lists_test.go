package vm

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// stdHelperSrc holds the funs that the standard library tests pass to lists, maps and string
// functions, as fun sth:Name/Arity.
const stdHelperSrc = `
module sth
export double/1, even/1, bad/1, le/2, ge/2, fst_le/2, fm/1, mf/2, cons/2, trace/2, small/1,
    kv_sum/3, kv_even/2, kv_double/2, kv_bad/2, kv_send/2, kv_cons/3, kv_comb/3, kv_fm/2,
    parity/1, times10/1, dup/1, add/2, tens_le/2, lt/2

% double(X) -> X * 2.
function double/1
    bif2 none, erlang:'*'/2, x0, 2, x0
    return

% even(X) -> X rem 2 =:= 0.
function even/1
    bif2 none, erlang:'rem'/2, x0, 2, x0
    is_eq_exact @odd, x0, 0
    move true, x0
    return
@odd:
    move false, x0
    return

% bad(_) -> x.
function bad/1
    move x, x0
    return

% le(A, B) -> A =< B.
function le/2
    is_lt @le, x1, x0
    move false, x0
    return
@le:
    move true, x0
    return

% lt(A, B) -> A < B: an order that says false for equal elements.
function lt/2
    is_lt @no, x0, x1
    move true, x0
    return
@no:
    move false, x0
    return

% ge(A, B) -> A >= B.
function ge/2
    is_ge @no, x0, x1
    move true, x0
    return
@no:
    move false, x0
    return

% fst_le(A, B) -> element(1, A) =< element(1, B).
function fst_le/2
    bif2 none, erlang:element/2, 1, x0, x0
    bif2 none, erlang:element/2, 1, x1, x1
    call_only 2, le/2

% fm(3) -> true; fm(X) when X rem 2 =:= 0 -> {true, X * 10}; fm(_) -> false.
function fm/1
    is_eq_exact @not3, x0, 3
    move true, x0
    return
@not3:
    bif2 none, erlang:'rem'/2, x0, 2, x1
    is_eq_exact @no, x1, 0
    bif2 none, erlang:'*'/2, x0, 10, x0
    put_tuple x0, [true, x0]
    return
@no:
    move false, x0
    return

% mf(X, A) -> {X * 2, A + X}.
function mf/2
    bif2 none, erlang:'*'/2, x0, 2, x2
    bif2 none, erlang:'+'/2, x1, x0, x1
    put_tuple x0, [x2, x1]
    return

% cons(X, A) -> [X | A].
function cons/2
    put_list x0, x1, x0
    return

% trace(X, A) -> {X, [X | A]}.
function trace/2
    put_list x0, x1, x1
    put_tuple x0, [x0, x1]
    return

% small(X) -> X < 3.
function small/1
    is_lt @no, x0, 3
    move true, x0
    return
@no:
    move false, x0
    return

% kv_sum(K, V, Acc) -> Acc + K * V.
function kv_sum/3
    bif2 none, erlang:'*'/2, x0, x1, x0
    bif2 none, erlang:'+'/2, x0, x2, x0
    return

% kv_even(_K, V) -> V rem 2 =:= 0.
function kv_even/2
    move x1, x0
    call_only 1, even/1

% kv_double(_K, V) -> V * 2.
function kv_double/2
    bif2 none, erlang:'*'/2, x1, 2, x0
    return

% kv_bad(_K, _V) -> x.
function kv_bad/2
    move x, x0
    return

% kv_cons(K, V, Acc) -> [{K, V} | Acc].
function kv_cons/3
    put_tuple x0, [x0, x1]
    put_list x0, x2, x0
    return

% kv_comb(K, V1, V2) -> {K, V1, V2}.
function kv_comb/3
    put_tuple x0, [x0, x1, x2]
    return

% kv_fm(_K, V) -> V > 2 orelse {true, V * 10}.
function kv_fm/2
    is_lt @small, 2, x1
    move true, x0
    return
@small:
    bif2 none, erlang:'*'/2, x1, 10, x1
    put_tuple x0, [true, x1]
    return

% parity(X) -> X rem 2.
function parity/1
    bif2 none, erlang:'rem'/2, x0, 2, x0
    return

% times10(X) -> X * 10.
function times10/1
    bif2 none, erlang:'*'/2, x0, 10, x0
    return

% tens_le(A, B) -> A div 10 =< B div 10.
function tens_le/2
    bif2 none, erlang:'div'/2, x0, 10, x0
    bif2 none, erlang:'div'/2, x1, 10, x1
    call_only 2, le/2

% dup(X) -> [X, X].
function dup/1
    put_list x0, [], x1
    put_list x0, x1, x0
    return

% add(X, Y) -> X + Y.
function add/2
    bif2 none, erlang:'+'/2, x0, x1, x0
    return

% kv_send(K, V) -> self() ! {K, V}.
function kv_send/2
    put_tuple x0, [x0, x1]
    bif0 erlang:self/0, x1
    send x1, x0
    return
`

// stdCall is one call of a standard library function and what it must give: want, or the
// error reason err when err is not nil.
type stdCall struct {
	fn   string
	args []value.Term
	want value.Term
	err  value.Term
}

// runStd runs the calls of module mod in v, with the helper module sth loaded.
func runStd(t *testing.T, v *VM, mod string, calls []stdCall) {
	t.Helper()
	loadSrc(t, v, "sth.bl", stdHelperSrc)
	for _, c := range calls {
		r, err := v.Apply(mod, c.fn, c.args...)
		name := mod + ":" + c.fn + value.Format(value.List(c.args))
		if c.err != nil {
			if !assert.Error(t, err, name) {
				continue
			}
			ee := exitOf(t, err)
			assert.Equal(t, value.Atom("error"), ee.Class, name)
			assert.True(t, value.Equal(c.err, ee.Reason), "%s: reason %s, want %s", name,
				value.Format(ee.Reason), value.Format(c.err))
			continue
		}
		if !assert.NoError(t, err, name) {
			continue
		}
		assert.True(t, value.Equal(c.want, r), "%s = %s, want %s", name, value.Format(r),
			value.Format(c.want))
	}
}

func ints(xs ...int) value.List {
	l := make(value.List, len(xs))
	for i, x := range xs {
		l[i] = value.Int(x)
	}
	return l
}

func lst(xs ...value.Term) value.List    { return value.List(xs) }
func tup(xs ...value.Term) value.Tuple   { return value.Tuple(xs) }
func args(xs ...value.Term) []value.Term { return xs }
func sthFun(name string, arity int) value.ExportFun {
	return value.ExportFun{Module: "sth", Function: value.Atom(name), Arity: arity}
}

var (
	fcl   = value.Atom("function_clause")
	badar = value.Atom("badarg")
	atX   = value.Atom("x")
	atA   = value.Atom("a")
	atB   = value.Atom("b")
	atC   = value.Atom("c")
)

func TestStdlibListsFunctions(t *testing.T) {
	double, even, bad := sthFun("double", 1), sthFun("even", 1), sthFun("bad", 1)
	le, ge, cons := sthFun("le", 2), sthFun("ge", 2), sthFun("cons", 2)
	small := sthFun("small", 1)
	improper := value.ImproperList{Elems: ints(1), Tail: value.Int(2)}
	caseX := tup(value.Atom("case_clause"), atX)
	kv := lst(tup(atA, value.Int(1)), tup(atB, value.Int(2)), tup(atA, value.Int(3)))
	calls := []stdCall{
		{fn: "seq", args: args(value.Int(1), value.Int(5)), want: ints(1, 2, 3, 4, 5)},
		{fn: "seq", args: args(value.Int(5), value.Int(4)), want: value.Nil},
		{fn: "seq", args: args(value.Int(5), value.Int(3)), err: fcl},
		{fn: "seq", args: args(value.Int(1), atA), err: fcl},
		{fn: "seq", args: args(value.Int(10), value.Int(1), value.Int(-3)), want: ints(10, 7, 4, 1)},
		{fn: "seq", args: args(value.Int(1), value.Int(10), value.Int(4)), want: ints(1, 5, 9)},
		{fn: "seq", args: args(value.Int(1), value.Int(0), value.Int(1)), want: value.Nil},
		{fn: "seq", args: args(value.Int(1), value.Int(1), value.Int(0)), want: ints(1)},
		{fn: "seq", args: args(value.Int(1), value.Int(10), value.Int(0)), err: badar},
		{fn: "seq", args: args(value.Int(1), value.Int(10), value.Int(-1)), err: badar},
		{fn: "seq", args: args(value.Int(1), value.Int(2), atA), err: fcl},

		{fn: "map", args: args(double, ints(1, 2, 3)), want: ints(2, 4, 6)},
		{fn: "map", args: args(double, value.Nil), want: value.Nil},
		{fn: "map", args: args(double, improper), err: fcl},
		{fn: "foldl", args: args(cons, value.Nil, ints(1, 2, 3)), want: ints(3, 2, 1)},
		{fn: "foldl", args: args(cons, value.Nil, atA), err: fcl},
		{fn: "foldr", args: args(cons, value.Nil, ints(1, 2, 3)), want: ints(1, 2, 3)},
		{fn: "foldr", args: args(cons, atA, value.Nil), want: atA},
		{fn: "foldr", args: args(cons, value.Nil, improper), err: fcl},
		{fn: "foreach", args: args(double, ints(1, 2)), want: value.Ok},
		{fn: "foreach", args: args(double, atA), err: fcl},
		{fn: "sum", args: args(ints(1, 2, 3)), want: value.Int(6)},
		{fn: "sum", args: args(lst(atA)), err: value.Atom("badarith")},

		{fn: "filter", args: args(even, ints(1, 2, 3, 4)), want: ints(2, 4)},
		{fn: "filter", args: args(even, value.Nil), want: value.Nil},
		{fn: "filter", args: args(bad, ints(1)), err: tup(value.Atom("bad_filter"), atX)},
		{fn: "filter", args: args(even, atA), err: tup(value.Atom("bad_generator"), atA)},
		{fn: "filter", args: args(atA, ints(1)), err: fcl},
		{fn: "filtermap", args: args(sthFun("fm", 1), ints(1, 2, 3, 4, 5)), want: ints(20, 3, 40)},
		{fn: "filtermap", args: args(bad, ints(1)), err: caseX},

		{fn: "sort", args: args(ints(3, 1, 2, 1)), want: ints(1, 1, 2, 3)},
		{fn: "sort", args: args(value.Nil), want: value.Nil},
		{fn: "sort", args: args(ints(7)), want: ints(7)},
		{fn: "sort", args: args(lst(value.Float(1), value.Int(1))), want: lst(value.Float(1), value.Int(1))},
		{fn: "sort", args: args(lst(value.Int(1), value.Float(1))), want: lst(value.Int(1), value.Float(1))},
		{fn: "sort", args: args(lst(atB, value.Int(2), tup(), atA, value.Nil)),
			want: lst(value.Int(2), atA, atB, tup(), value.Nil)},
		{fn: "sort", args: args(atA), err: fcl},
		{fn: "sort", args: args(value.ImproperList{Elems: ints(1), Tail: value.Int(2)}), err: fcl},
		{fn: "sort", args: args(value.ImproperList{Elems: ints(3, 1), Tail: value.Int(2)}), err: fcl},
		{fn: "sort", args: args(value.ImproperList{Elems: ints(1, 2, 3, 4, 5), Tail: atX}), err: fcl},
		{fn: "sort", args: args(value.ImproperList{Elems: ints(5, 4, 3, 2, 1), Tail: atX}), err: fcl},
		{fn: "sort", args: args(value.ImproperList{Elems: ints(1, 1, 1), Tail: atX}), err: fcl},
		{fn: "sort", args: args(ge, ints(1, 3, 2)), want: ints(3, 2, 1)},
		{fn: "sort", args: args(le, value.Nil), want: value.Nil},
		{fn: "sort", args: args(sthFun("fst_le", 2), lst(tup(value.Int(2), atA), tup(value.Int(1), atB),
			tup(value.Int(2), atC), tup(value.Int(1), atA))),
			want: lst(tup(value.Int(1), atB), tup(value.Int(1), atA), tup(value.Int(2), atA), tup(value.Int(2), atC))},
		{fn: "sort", args: args(sthFun("kv_bad", 2), ints(1, 2)), err: caseX},
		{fn: "sort", args: args(atA, ints(1, 2)), err: tup(value.Atom("badfun"), atA)},
		{fn: "usort", args: args(lst(value.Float(1), value.Int(1), value.Int(2), value.Int(1))),
			want: lst(value.Float(1), value.Int(2))},
		{fn: "usort", args: args(ints(3, 3, 1, 3, 1)), want: ints(1, 3)},
		{fn: "usort", args: args(value.Nil), want: value.Nil},
		{fn: "usort", args: args(atA), err: fcl},
		{fn: "keysort", args: args(value.Int(2), lst(tup(atA, value.Int(2)), tup(atB, value.Int(1)), tup(atC, value.Int(2)))),
			want: lst(tup(atB, value.Int(1)), tup(atA, value.Int(2)), tup(atC, value.Int(2)))},
		{fn: "keysort", args: args(value.Int(2), lst(tup(atA))), want: lst(tup(atA))},
		{fn: "keysort", args: args(value.Int(2), lst(tup(atA), tup(atB))), err: badar},
		{fn: "keysort", args: args(value.Int(0), lst(tup(atA))), err: fcl},

		{fn: "nth", args: args(value.Int(2), ints(5, 6, 7)), want: value.Int(6)},
		{fn: "nth", args: args(value.Int(4), ints(5, 6, 7)), err: fcl},
		{fn: "nth", args: args(value.Int(0), ints(5)), err: fcl},
		{fn: "nthtail", args: args(value.Int(2), ints(5, 6, 7)), want: ints(7)},
		{fn: "nthtail", args: args(value.Int(0), ints(5)), want: ints(5)},
		{fn: "nthtail", args: args(value.Int(3), ints(5, 6, 7)), want: value.Nil},
		{fn: "nthtail", args: args(value.Int(2), ints(5)), err: fcl},
		{fn: "last", args: args(ints(1, 2, 3)), want: value.Int(3)},
		{fn: "last", args: args(value.Nil), err: fcl},
		{fn: "last", args: args(improper), err: fcl},
		{fn: "append", args: args(lst(ints(1), ints(2, 3), value.Nil, ints(4))), want: ints(1, 2, 3, 4)},
		{fn: "append", args: args(value.Nil), want: value.Nil},
		{fn: "append", args: args(lst(ints(1), atA)), want: value.ImproperList{Elems: ints(1), Tail: atA}},
		{fn: "append", args: args(ints(1, 2), ints(3)), want: ints(1, 2, 3)},
		{fn: "append", args: args(value.Nil, atA), want: atA},
		{fn: "append", args: args(improper, ints(3)), err: badar},
		{fn: "flatten", args: args(lst(value.Int(1), lst(value.Int(2), ints(3)), value.Nil, value.Int(4))), want: ints(1, 2, 3, 4)},
		{fn: "flatten", args: args(lst(lst(value.Nil)), ints(9)), want: ints(9)},
		{fn: "flatten", args: args(atA), err: fcl},
		{fn: "flatten", args: args(lst(improper)), err: fcl},
		{fn: "zip", args: args(ints(1, 2), lst(atA, atB)), want: lst(tup(value.Int(1), atA), tup(value.Int(2), atB))},
		{fn: "zip", args: args(ints(1), lst(atA, atB)), err: fcl},
		{fn: "unzip", args: args(lst(tup(value.Int(1), atA), tup(value.Int(2), atB))), want: tup(ints(1, 2), lst(atA, atB))},
		{fn: "unzip", args: args(lst(tup(value.Int(1), atA), atX)), err: fcl},
		{fn: "max", args: args(ints(3, 9, 2)), want: value.Int(9)},
		{fn: "max", args: args(lst(value.Int(1), value.Float(1))), want: value.Int(1)},
		{fn: "max", args: args(lst(value.Float(1), value.Int(1))), want: value.Float(1)},
		{fn: "max", args: args(value.Nil), err: fcl},
		{fn: "min", args: args(ints(3, 1, 2)), want: value.Int(1)},
		{fn: "min", args: args(lst(value.Int(1), value.Float(1))), want: value.Int(1)},
		{fn: "min", args: args(value.Nil), err: fcl},
		{fn: "any", args: args(even, ints(1, 3, 4)), want: value.True},
		{fn: "any", args: args(even, ints(1, 3)), want: value.False},
		{fn: "any", args: args(bad, ints(1)), err: caseX},
		{fn: "all", args: args(even, ints(2, 4)), want: value.True},
		{fn: "all", args: args(even, ints(2, 3)), want: value.False},
		{fn: "all", args: args(even, value.Nil), want: value.True},
		{fn: "all", args: args(bad, ints(1)), err: caseX},
		{fn: "partition", args: args(even, ints(1, 2, 3, 4, 5)), want: tup(ints(2, 4), ints(1, 3, 5))},
		{fn: "partition", args: args(bad, ints(1)), err: caseX},
		{fn: "split", args: args(value.Int(2), ints(1, 2, 3)), want: tup(ints(1, 2), ints(3))},
		{fn: "split", args: args(value.Int(0), ints(1)), want: tup(value.Nil, ints(1))},
		{fn: "split", args: args(value.Int(3), ints(1, 2)), err: badar},
		{fn: "split", args: args(value.Int(-1), ints(1, 2)), err: badar},
		{fn: "sublist", args: args(ints(1, 2, 3), value.Int(2)), want: ints(1, 2)},
		{fn: "sublist", args: args(ints(1, 2, 3), value.Int(5)), want: ints(1, 2, 3)},
		{fn: "sublist", args: args(ints(1, 2, 3), value.Int(-1)), err: fcl},
		{fn: "sublist", args: args(ints(1, 2, 3), value.Int(2), value.Int(5)), want: ints(2, 3)},
		{fn: "sublist", args: args(ints(1, 2, 3), value.Int(4), value.Int(5)), want: value.Nil},
		{fn: "sublist", args: args(ints(1, 2, 3), value.Int(5), value.Int(5)), err: fcl},
		{fn: "sublist", args: args(ints(1, 2, 3), value.Int(0), value.Int(1)), err: fcl},
		{fn: "duplicate", args: args(value.Int(3), atA), want: lst(atA, atA, atA)},
		{fn: "duplicate", args: args(value.Int(0), atA), want: value.Nil},
		{fn: "duplicate", args: args(value.Int(-1), atA), err: fcl},

		{fn: "keystore", args: args(atA, value.Int(1), kv, tup(atA, value.Int(9))),
			want: lst(tup(atA, value.Int(9)), tup(atB, value.Int(2)), tup(atA, value.Int(3)))},
		{fn: "keystore", args: args(atC, value.Int(1), kv, tup(atC)),
			want: lst(tup(atA, value.Int(1)), tup(atB, value.Int(2)), tup(atA, value.Int(3)), tup(atC))},
		{fn: "keystore", args: args(atA, value.Int(1), kv, atX), err: fcl},
		{fn: "keydelete", args: args(atA, value.Int(1), lst(atX, tup(atA, value.Int(1)), tup(atA, value.Int(2)))),
			want: lst(atX, tup(atA, value.Int(2)))},
		{fn: "keydelete", args: args(value.Int(1), value.Int(1), lst(tup(value.Float(1)))), want: value.Nil},
		{fn: "keydelete", args: args(atA, value.Int(2), lst(tup(atA), tup(atB, atA))), want: lst(tup(atA))},
		{fn: "keydelete", args: args(atC, value.Int(1), kv), want: kv},
		{fn: "keydelete", args: args(atA, value.Int(0), kv), err: fcl},
		{fn: "keyreplace", args: args(atA, value.Int(1), lst(atX, tup(atA, value.Int(1)), tup(atA, value.Int(2))), tup(atC)),
			want: lst(atX, tup(atC), tup(atA, value.Int(2)))},
		{fn: "keyreplace", args: args(atC, value.Int(1), kv, tup(atC)), want: kv},
		{fn: "keyreplace", args: args(atA, value.Int(1), kv, atC), err: fcl},
		{fn: "dropwhile", args: args(small, ints(1, 2, 3, 1)), want: ints(3, 1)},
		{fn: "dropwhile", args: args(small, ints(1, 2)), want: value.Nil},
		{fn: "dropwhile", args: args(bad, ints(1)), err: caseX},
		{fn: "takewhile", args: args(small, ints(1, 2, 3, 1)), want: ints(1, 2)},
		{fn: "takewhile", args: args(small, ints(1, 2)), want: ints(1, 2)},
		{fn: "takewhile", args: args(bad, ints(1)), err: caseX},
		{fn: "mapfoldl", args: args(sthFun("mf", 2), value.Int(0), ints(1, 2, 3)), want: tup(ints(2, 4, 6), value.Int(6))},
		{fn: "mapfoldl", args: args(sthFun("trace", 2), value.Nil, ints(1, 2)), want: tup(ints(1, 2), ints(2, 1))},
		{fn: "mapfoldl", args: args(sthFun("kv_bad", 2), value.Int(0), ints(1)), err: tup(value.Atom("badmatch"), atX)},
		{fn: "mapfoldr", args: args(sthFun("trace", 2), value.Nil, ints(1, 2)), want: tup(ints(1, 2), ints(1, 2))},
		{fn: "mapfoldr", args: args(sthFun("kv_bad", 2), value.Int(0), ints(1)), err: tup(value.Atom("badmatch"), atX)},
		{fn: "delete", args: args(value.Int(2), ints(1, 2, 3, 2)), want: ints(1, 3, 2)},
		{fn: "delete", args: args(value.Int(1), lst(value.Float(1))), want: lst(value.Float(1))},
		{fn: "droplast", args: args(ints(1, 2, 3)), want: ints(1, 2)},
		{fn: "droplast", args: args(value.Nil), err: fcl},
		{fn: "map", args: args(atA, ints(1)), err: fcl},
		{fn: "foldl", args: args(atA, value.Nil, ints(1)), err: fcl},
		{fn: "foldr", args: args(atA, value.Nil, value.Nil), err: fcl},
		{fn: "foreach", args: args(atA, value.Nil), err: fcl},

		{fn: "flatmap", args: args(sthFun("dup", 1), ints(1, 2)), want: ints(1, 1, 2, 2)},
		{fn: "flatmap", args: args(sthFun("dup", 1), value.Nil), want: value.Nil},
		{fn: "flatmap", args: args(double, ints(1)), err: badar},
		{fn: "join", args: args(atX, lst(atA, atB, atC)), want: lst(atA, atX, atB, atX, atC)},
		{fn: "join", args: args(atX, value.Nil), want: value.Nil},
		{fn: "join", args: args(atX, atA), err: fcl},
		{fn: "keytake", args: args(atB, value.Int(1), lst(tup(atA), tup(atB, value.Int(1)), tup(atB, value.Int(2)))),
			want: tup(value.Atom("value"), tup(atB, value.Int(1)), lst(tup(atA), tup(atB, value.Int(2))))},
		{fn: "keytake", args: args(atC, value.Int(1), lst(tup(atA))), want: value.False},
		{fn: "keytake", args: args(atB, value.Int(0), lst(tup(atA))), err: fcl},
		{fn: "splitwith", args: args(small, ints(1, 2, 3, 1)), want: tup(ints(1, 2), ints(3, 1))},
		{fn: "splitwith", args: args(small, ints(1, 2)), want: tup(ints(1, 2), value.Nil)},
		{fn: "splitwith", args: args(bad, ints(1)), err: caseX},
		{fn: "uniq", args: args(lst(value.Int(3), value.Int(1), value.Int(3), value.Float(1), value.Int(2))),
			want: lst(value.Int(3), value.Int(1), value.Float(1), value.Int(2))},
		{fn: "uniq", args: args(value.Nil), want: value.Nil},
		{fn: "uniq", args: args(atA), err: fcl},
		{fn: "enumerate", args: args(lst(atA, atB)), want: lst(tup(value.Int(1), atA), tup(value.Int(2), atB))},
		{fn: "enumerate", args: args(value.Int(0), lst(atA, atB)), want: lst(tup(value.Int(0), atA), tup(value.Int(1), atB))},
		{fn: "enumerate", args: args(atA), err: fcl},
		{fn: "keymap", args: args(double, value.Int(2), lst(tup(atA, value.Int(1)), tup(atB, value.Int(2)))),
			want: lst(tup(atA, value.Int(2)), tup(atB, value.Int(4)))},
		{fn: "keymap", args: args(double, value.Int(3), lst(tup(atA, value.Int(1)))), err: badar},
		{fn: "zipwith", args: args(sthFun("add", 2), ints(1, 2), ints(3, 4)), want: ints(4, 6)},
		{fn: "zipwith", args: args(sthFun("add", 2), ints(1, 2), ints(3)), err: fcl},
		{fn: "subtract", args: args(ints(1, 2, 1), ints(1)), want: ints(2, 1)},
		{fn: "prefix", args: args(ints(1), ints(1, 2)), want: value.True},
		{fn: "prefix", args: args(ints(2), ints(1, 2)), want: value.False},
		{fn: "prefix", args: args(ints(1, 2, 3), ints(1, 2)), want: value.False},
		{fn: "suffix", args: args(ints(2), ints(1, 2)), want: value.True},
		{fn: "suffix", args: args(ints(1), ints(1, 2)), want: value.False},
		{fn: "suffix", args: args(ints(0, 1, 2), ints(1, 2)), want: value.False},
		{fn: "zip3", args: args(ints(1), ints(2), ints(3)), want: lst(tup(value.Int(1), value.Int(2), value.Int(3)))},
		{fn: "zip3", args: args(ints(1), ints(2), value.Nil), err: fcl},
		{fn: "unzip3", args: args(lst(tup(value.Int(1), value.Int(2), value.Int(3)), tup(value.Int(4), value.Int(5), value.Int(6)))),
			want: tup(ints(1, 4), ints(2, 5), ints(3, 6))},
		{fn: "unzip3", args: args(lst(atA)), err: fcl},
		{fn: "concat", args: args(lst(atA, value.String("b"), value.Int(12), lst(atA))),
			want: lst(value.Int('a'), value.Int('b'), value.Int('1'), value.Int('2'), atA)},
		{fn: "concat", args: args(lst(value.Binary("x"))), err: fcl},
		{fn: "concat", args: args(atA), err: fcl},
		{fn: "search", args: args(sthFun("even", 1), ints(1, 2, 3, 4)), want: tup(value.Atom("value"), value.Int(2))},
		{fn: "search", args: args(sthFun("even", 1), ints(1, 3)), want: value.False},
		{fn: "search", args: args(bad, ints(1)), err: caseX},
		{fn: "flatlength", args: args(lst(value.Int(1), lst(value.Int(2), ints(3)), value.Nil)), want: value.Int(3)},
		{fn: "merge", args: args(ints(1, 3, 5), ints(2, 3, 4)), want: ints(1, 2, 3, 3, 4, 5)},
		{fn: "merge", args: args(lst(value.Float(1)), ints(1)), want: lst(value.Float(1), value.Int(1))},
		{fn: "merge", args: args(ints(1), lst(value.Float(1))), want: lst(value.Int(1), value.Float(1))},
		{fn: "merge", args: args(value.Nil, ints(1)), want: ints(1)},
		{fn: "merge", args: args(atA, ints(1)), err: fcl},
		{fn: "usort", args: args(sthFun("tens_le", 2), ints(25, 11, 13, 21, 5)), want: ints(5, 11, 25)},
		{fn: "usort", args: args(sthFun("tens_le", 2), value.Nil), want: value.Nil},
		{fn: "usort", args: args(sthFun("kv_bad", 2), ints(1, 2)), err: caseX},
		{fn: "ukeysort", args: args(value.Int(1), lst(tup(value.Int(2), atA), tup(value.Int(1), atA), tup(value.Float(1), atB), tup(value.Int(2), atC))),
			want: lst(tup(value.Int(1), atA), tup(value.Int(2), atA))},
		{fn: "ukeysort", args: args(value.Int(2), lst(tup(atA))), want: lst(tup(atA))},
		{fn: "ukeysort", args: args(value.Int(0), value.Nil), err: fcl},
	}
	eachConfig(t, func(t *testing.T, v *VM) { runStd(t, v, "lists", calls) })
}

// TestStdlibListsLong runs sort and map on 100,000 elements.
func TestStdlibListsLong(t *testing.T) {
	const n = 100_000
	in := make(value.List, n)
	x := uint32(12345)
	for i := range in {
		x = x*1103515245 + 12345
		in[i] = value.Int(int64(x>>8) % 1000)
	}
	want := append(value.List(nil), in...)
	sort.SliceStable(want, func(i, j int) bool { return want[i].(value.Int) < want[j].(value.Int) })
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "sth.bl", stdHelperSrc)
		r, err := v.Apply("lists", "sort", in)
		require.NoError(t, err)
		assert.Equal(t, want, r)
		r, err = v.Apply("lists", "map", sthFun("double", 1), in)
		require.NoError(t, err)
		require.Len(t, r, n)
		assert.Equal(t, in[n-1].(value.Int)*2, r.(value.List)[n-1])
		r, err = v.Apply("lists", "sort", sthFun("le", 2), in)
		require.NoError(t, err)
		assert.Equal(t, want, r)
	})
}

// TestStdlibSortProperties compares sort/1, sort/2, usort/1 and keysort/2 with Go's stable sort
// on random integer lists.
func TestStdlibSortProperties(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "sth.bl", stdHelperSrc)
	rapid.Check(t, func(t *rapid.T) {
		xs := rapid.SliceOfN(rapid.IntRange(-20, 20), 0, 200).Draw(t, "xs")
		in := ints(xs...)
		sorted := append([]int(nil), xs...)
		sort.Ints(sorted)
		r, err := v.Apply("lists", "sort", in)
		require.NoError(t, err)
		require.Equal(t, ints(sorted...), nilToEmpty(r))

		r, err = v.Apply("lists", "sort", sthFun("ge", 2), in)
		require.NoError(t, err)
		desc := append([]int(nil), xs...)
		sort.SliceStable(desc, func(i, j int) bool { return desc[i] > desc[j] })
		require.Equal(t, ints(desc...), nilToEmpty(r))

		var uniq []int
		for i, x := range sorted {
			if i == 0 || x != sorted[i-1] {
				uniq = append(uniq, x)
			}
		}
		r, err = v.Apply("lists", "usort", in)
		require.NoError(t, err)
		require.Equal(t, ints(uniq...), nilToEmpty(r))

		// keysort on {Key, Index}: stable, so equal keys keep their indices in order.
		pairs := make(value.List, len(xs))
		for i, x := range xs {
			pairs[i] = tup(value.Int(x), value.Int(i))
		}
		want := append(value.List{}, pairs...)
		sort.SliceStable(want, func(i, j int) bool {
			return want[i].(value.Tuple)[0].(value.Int) < want[j].(value.Tuple)[0].(value.Int)
		})
		r, err = v.Apply("lists", "keysort", value.Int(1), pairs)
		require.NoError(t, err)
		require.Equal(t, want, nilToEmpty(r))

		// sort/2 with an order on the key only is stable too.
		r, err = v.Apply("lists", "sort", sthFun("fst_le", 2), pairs)
		require.NoError(t, err)
		require.Equal(t, want, nilToEmpty(r))
	})
}

// nilToEmpty returns [] as an empty, non-nil List, so that it compares equal to ints().
func nilToEmpty(t value.Term) value.Term {
	if l, ok := t.(value.List); ok && l == nil {
		return value.List{}
	}
	return t
}

// TestStdlibListsProperties checks seq/3, split, sublist/3, nthtail, partition, zip/unzip,
// foldl/foldr, uniq, merge and flatten on random inputs against Go code.
func TestStdlibListsProperties(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "sth.bl", stdHelperSrc)
	apply := func(t *rapid.T, fn string, as ...value.Term) value.Term {
		r, err := v.Apply("lists", fn, as...)
		require.NoError(t, err, fn)
		return nilToEmpty(r)
	}
	rapid.Check(t, func(t *rapid.T) {
		xs := rapid.SliceOfN(rapid.IntRange(-9, 9), 0, 40).Draw(t, "xs")
		in := ints(xs...)

		from, to := rapid.IntRange(-20, 20).Draw(t, "from"), rapid.IntRange(-20, 20).Draw(t, "to")
		inc := rapid.SampledFrom([]int{-3, -1, 1, 2, 5}).Draw(t, "inc")
		if inc > 0 && from-inc <= to || inc < 0 && from-inc >= to {
			seq := []int{}
			for x := from; inc > 0 && x <= to || inc < 0 && x >= to; x += inc {
				seq = append(seq, x)
			}
			require.Equal(t, ints(seq...), apply(t, "seq", value.Int(from), value.Int(to), value.Int(inc)))
		}

		n := rapid.IntRange(0, len(xs)).Draw(t, "n")
		require.Equal(t, tup(ints(xs[:n]...), ints(xs[n:]...)), nilsToEmpty(apply(t, "split", value.Int(n), in)))
		require.Equal(t, ints(xs[n:]...), apply(t, "nthtail", value.Int(n), in))
		l := rapid.IntRange(0, 50).Draw(t, "l")
		require.Equal(t, ints(xs[n:min(n+l, len(xs))]...), apply(t, "sublist", in, value.Int(n+1), value.Int(l)))

		var evens, odds []int
		for _, x := range xs {
			if x%2 == 0 {
				evens = append(evens, x)
			} else {
				odds = append(odds, x)
			}
		}
		require.Equal(t, tup(ints(evens...), ints(odds...)), nilsToEmpty(apply(t, "partition", sthFun("even", 1), in)))
		require.Equal(t, ints(evens...), apply(t, "filter", sthFun("even", 1), in))

		zipped := apply(t, "zip", in, apply(t, "reverse", in))
		require.Equal(t, tup(in, apply(t, "reverse", in)), nilsToEmpty(apply(t, "unzip", zipped)))

		rev := make([]int, len(xs))
		for i, x := range xs {
			rev[len(xs)-1-i] = x
		}
		require.Equal(t, ints(rev...), apply(t, "foldl", sthFun("cons", 2), value.Nil, in))
		require.Equal(t, in, apply(t, "foldr", sthFun("cons", 2), value.Nil, in))

		seen := map[int]bool{}
		var uniq []int
		for _, x := range xs {
			if !seen[x] {
				seen[x] = true
				uniq = append(uniq, x)
			}
		}
		require.Equal(t, ints(uniq...), apply(t, "uniq", in))

		ys := rapid.SliceOfN(rapid.IntRange(-9, 9), 0, 40).Draw(t, "ys")
		a, b := append([]int(nil), xs...), append([]int(nil), ys...)
		sort.Ints(a)
		sort.Ints(b)
		all := append(append([]int{}, a...), b...)
		sort.Ints(all)
		require.Equal(t, ints(all...), apply(t, "merge", ints(a...), ints(b...)))

		// flatten of the elements nested at random depths.
		deep := make(value.List, len(xs))
		for i, x := range xs {
			var e value.Term = value.Int(x)
			for d := rapid.IntRange(0, 3).Draw(t, "depth"); d > 0; d-- {
				e = value.List{value.Nil, e}
			}
			deep[i] = e
		}
		require.Equal(t, in, apply(t, "flatten", deep))
	})
}

// nilsToEmpty is nilToEmpty for the elements of a tuple.
func nilsToEmpty(t value.Term) value.Term {
	tu, ok := t.(value.Tuple)
	if !ok {
		return t
	}
	out := make(value.Tuple, len(tu))
	for i, e := range tu {
		out[i] = nilToEmpty(e)
	}
	return out
}

// TestStdlibSortErlangOrder checks that sort/1, usort/1 and sort/2 put elements that compare
// equal but differ (1 and 1.0) in OTP's order, which sort/1 does not keep stable:
// lists:sort([2, 1.0, 1, 2.0]) is [1, 1.0, 2.0, 2]. Random lists of such numbers, run on erl.
// keysort/2 is checked with integer keys only: OTP's orders keys that are == but differ in its
// own way, which beamlite's stable keysort does not copy (TODO(#4)).
func TestStdlibSortErlangOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 25))
	var lists []value.List
	for n := 0; n < 300; n++ {
		l := make(value.List, rng.IntN(40))
		for i := range l {
			if k := rng.IntN(5); rng.IntN(2) == 0 {
				l[i] = value.Int(k)
			} else {
				l[i] = value.Float(float64(k))
			}
		}
		lists = append(lists, l)
	}
	var sb strings.Builder
	sb.WriteString("-module(sortref).\n-export([main/0]).\nmain() ->\n    L = [\n")
	for i, l := range lists {
		sep := ","
		if i == len(lists)-1 {
			sep = ""
		}
		fmt.Fprintf(&sb, "        %s%s\n", value.Format(l), sep)
	}
	sb.WriteString("    ],\n    lists:foreach(fun(X) -> io:format(\"~w~n~w~n~w~n~w~n~w~n\", [lists:sort(X), " +
		"lists:usort(X), lists:sort(fun(A, B) -> A =< B end, X), lists:sort(fun(A, B) -> A < B end, X), " +
		"lists:keysort(1, [{trunc(E), K} || {K, E} <- lists:enumerate(X)])]) end, L).\n")
	lines := runErl(t, "sortref", sb.String())
	require.Len(t, lines, 5*len(lists))
	v := newVM(t, Options{})
	loadSrc(t, v, "sth.bl", stdHelperSrc)
	for i, l := range lists {
		tuples := make(value.List, len(l))
		for k, e := range l {
			key := e
			if f, ok := e.(value.Float); ok {
				key = value.Int(int64(f))
			}
			tuples[k] = tup(key, value.Int(k+1))
		}
		for j, call := range []struct {
			fn   string
			args []value.Term
		}{
			{"sort", args(l)}, {"usort", args(l)}, {"sort", args(sthFun("le", 2), l)},
			{"sort", args(sthFun("lt", 2), l)}, {"keysort", args(value.Int(1), tuples)},
		} {
			r, err := v.Apply("lists", call.fn, call.args...)
			require.NoError(t, err)
			assert.Equal(t, lines[5*i+j], value.Format(r), "lists:%s%s", call.fn, value.Format(value.List(call.args)))
		}
	}
}
