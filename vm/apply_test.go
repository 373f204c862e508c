package vm

import (
	"fmt"
	"strings"
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// applySrc calls erlang:apply/2,3 in every way a call reaches it.
func applySrc() string {
	var b strings.Builder
	b.WriteString(`
module ap
export body/3, last/3, only/3, fun2/2, catch3/3, catch2/2, loop/1, nested/0, viafun/0,
    viaapply/0, spawned/0, closure/1, args0/0, args3/3, args12/12, args255/255, reply/2

% body(M, F, A) -> {ok, apply(M, F, A)}.
function body/3
    allocate 0
    call_ext 3, erlang:apply/3
    put_tuple x0, [ok, x0]
    deallocate 0
    return

% last(M, F, A) -> apply(M, F, A), a call_ext_last.
function last/3
    allocate 0
    call_ext_last 3, erlang:apply/3, 0

% only(M, F, A) -> apply(M, F, A), a call_ext_only.
function only/3
    call_ext_only 3, erlang:apply/3

% fun2(F, A) -> {ok, apply(F, A)}.
function fun2/2
    allocate 0
    call_ext 2, erlang:apply/2
    put_tuple x0, [ok, x0]
    deallocate 0
    return

% catch3(M, F, A) -> try apply(M, F, A) catch C:R:S -> {C, R, S} end.
function catch3/3
    allocate 1
    try y0, @h
    call_ext 3, erlang:apply/3
    try_end y0
    deallocate 1
    return
@h:
    try_case y0
    put_tuple x0, [x0, x1, x2]
    deallocate 1
    return

% catch2(F, A) -> try apply(F, A) catch C:R:S -> {C, R, S} end.
function catch2/2
    allocate 1
    try y0, @h
    call_ext 2, erlang:apply/2
    try_end y0
    deallocate 1
    return
@h:
    try_case y0
    put_tuple x0, [x0, x1, x2]
    deallocate 1
    return

% loop(0) -> done; loop(N) -> apply(ap, loop, [N - 1]).
function loop/1
    is_eq_exact @more, x0, 0
    move done, x0
    return
@more:
    bif2 none, erlang:'-'/2, x0, 1, x0
    put_list x0, [], x2
    move ap, x0
    move loop, x1
    call_ext_only 3, erlang:apply/3

% nested() -> apply(erlang, apply, [ap, args3, [a, b, c]]).
function nested/0
    move erlang, x0
    move apply, x1
    move [ap, args3, [a, b, c]], x2
    call_ext_only 3, erlang:apply/3

% viafun() -> F = fun erlang:apply/3, F(ap, args3, [1, 2, 3]).
function viafun/0
    move ap, x0
    move args3, x1
    move [1, 2, 3], x2
    move fun erlang:apply/3, x3
    call_fun_only 3

% viaapply() -> M = erlang, F = apply, M:F(ap, args3, [x, y, z]) (the apply instruction).
function viaapply/0
    move ap, x0
    move args3, x1
    move [x, y, z], x2
    move erlang, x3
    move apply, x4
    apply_only 3

% spawned() -> spawn(erlang, apply, [ap, reply, [self(), hi]]), receive M -> M end.
function spawned/0
    allocate 0
    bif0 erlang:self/0, x0
    put_list x0, [hi], x0
    put_list x0, [], x0
    put_list reply, x0, x0
    put_list ap, x0, x2
    move erlang, x0
    move apply, x1
    call_ext 3, erlang:spawn/3
@next:
    loop_rec @wait, x0
    remove_message
    deallocate 0
    return
@wait:
    wait @next

function reply/2
    send x0, x1
    return

% closure(X) -> fun(A, B, C) -> [A, B, C, X] end.
function closure/1
    make_fun clo/4, x0, [x0]
    return

function clo/4
    put_list x3, [], x3
    put_list x2, x3, x3
    put_list x1, x3, x3
    put_list x0, x3, x0
    return

function args0/0
    move [], x0
    return
`)
	for _, n := range []int{3, 12, 255} {
		fmt.Fprintf(&b, "\n%% args%d(...) -> the list of its arguments.\nfunction args%d/%d\n    move [], x%d\n", n, n, n, n)
		for i := n - 1; i >= 0; i-- {
			fmt.Fprintf(&b, "    put_list x%d, x%d, x%d\n", i, n, n)
		}
		fmt.Fprintf(&b, "    move x%d, x0\n    return\n", n)
	}
	return b.String()
}

func intList(n int) value.List {
	l := make(value.List, n)
	for i := range l {
		l[i] = value.Int(int64(i + 1))
	}
	return l
}

func TestApplyCalls(t *testing.T) {
	src := applySrc()
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "ap.bl", src)
		apply := func(f string, args ...value.Term) string {
			t.Helper()
			r, err := v.Apply("ap", f, args...)
			require.NoError(t, err)
			return value.Print(r)
		}
		ap := value.Atom("ap")
		a := func(s string) value.Atom { return value.Atom(s) }
		for _, f := range []string{"body", "last", "only"} {
			for _, n := range []int{0, 3, 12, 255} {
				want := value.Print(intList(n))
				if f == "body" {
					want = "{ok," + want + "}"
				}
				assert.Equal(t, want, apply(f, ap, a(fmt.Sprintf("args%d", n)), intList(n)), "%s %d", f, n)
			}
			// A BIF, and apply of apply.
			want := "3"
			if f == "body" {
				want = "{ok,3}"
			}
			assert.Equal(t, want, apply(f, a("erlang"), a("+"), value.List{value.Int(1), value.Int(2)}))
		}
		assert.Equal(t, "{ok,[1,2,3]}", apply("fun2", mustValue(t, "fun ap:args3/3"), intList(3)))
		clo, err := v.Apply("ap", "closure", a("env"))
		require.NoError(t, err)
		assert.Equal(t, "{ok,[1,2,3,env]}", apply("fun2", clo, intList(3)))
		assert.Equal(t, "done", apply("loop", value.Int(100_000)), "a tail apply in a loop runs in constant stack")
		assert.Equal(t, "[a,b,c]", apply("nested"))
		assert.Equal(t, "[1,2,3]", apply("viafun"))
		assert.Equal(t, "[x,y,z]", apply("viaapply"))
		assert.Equal(t, "hi", apply("spawned"))
	})
}

func TestApplyErrors(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "ap.bl", applySrc())
	// try apply(...) catch C:R:S -> {C, R, S}: the class, the reason and the trace's first two
	// entries without their locations.
	caught := func(f string, args ...value.Term) string {
		t.Helper()
		r, err := v.Apply("ap", f, args...)
		require.NoError(t, err)
		tup := r.(value.Tuple)
		trace := tup[2].(value.List)
		var top []string
		for _, e := range trace[:min(2, len(trace))] {
			et := e.(value.Tuple)
			top = append(top, value.Print(value.Tuple{et[0], et[1], et[2]}))
		}
		return value.Print(tup[0]) + " " + value.Print(tup[1]) + " " + strings.Join(top, " ")
	}
	p := func(s string) value.Term { return mustValue(t, s) }
	cases := []struct {
		f    string
		args string
		want string
	}{
		{"catch3", "[ap, args3, [1 | 2]]", "error badarg {erlang,apply,[ap,args3,[1|2]]} {ap,catch3,3}"},
		{"catch3", "[ap, args3, x]", "error badarg {erlang,apply,[ap,args3,x]} {ap,catch3,3}"},
		{"catch3", "[1, args3, []]", "error badarg {erlang,apply,[1,args3,[]]} {ap,catch3,3}"},
		{"catch3", "[ap, 1, []]", "error badarg {erlang,apply,[ap,1,[]]} {ap,catch3,3}"},
		{"catch3", "[ap, args3, [1]]", "error undef {ap,args3,[1]} {ap,catch3,3}"},
		{"catch3", "[ap, clo, [1, 2, 3, 4]]", "error undef {ap,clo,[1,2,3,4]} {ap,catch3,3}"},
		{"catch3", "[nomod, f, []]", "error undef {nomod,f,[]} {ap,catch3,3}"},
		{"catch3", "[erlang, '+', [1, a]]", "error badarith {erlang,'+',[1,a]} {ap,catch3,3}"},
		{"catch3", "[erlang, apply, [ap, args3, [1 | 2]]]", "error badarg {erlang,apply,[ap,args3,[1|2]]} {ap,catch3,3}"},
		{"catch2", "[x, []]", "error {badfun,x} {ap,catch2,2}"},
		{"catch2", "[fun ap:args3/3, [1]]", "error {badarity,{fun ap:args3/3,[1]}} {ap,catch2,2}"},
		{"catch2", "[fun ap:args3/3, [1 | x]]", "error badarg {erlang,apply,[fun ap:args3/3,[1|x]]} {ap,catch2,2}"},
		{"catch2", "[fun ap:nope/1, [1]]", "error undef {ap,nope,[1]} {ap,catch2,2}"},
	}
	for _, c := range cases {
		args := p(c.args).(value.List)
		assert.Equal(t, c.want, caught(c.f, args...), "%s(%s)", c.f, c.args)
	}
	// 256 arguments: no function takes so many.
	r, err := v.Apply("ap", "catch3", value.Atom("ap"), value.Atom("args255"), intList(256))
	require.NoError(t, err)
	assert.Equal(t, "undef", value.Print(r.(value.Tuple)[1]))
	r, err = v.Apply("ap", "catch2", p("fun ap:args255/255"), intList(256))
	require.NoError(t, err)
	assert.Contains(t, value.Print(r.(value.Tuple)[1]), "{badarity,{fun ap:args255/255,[1,2,3,")
	// Uncaught, as the beamlite command reports it.
	_, err = v.Apply("ap", "body", value.Atom("ap"), value.Atom("args3"), value.List{value.Int(1)})
	var ee *ExitError
	require.ErrorAs(t, err, &ee)
	assert.Contains(t, ee.Report(), "exception error: undef\n    in function  ap:args3/1\n")
	assert.Contains(t, ee.Report(), "in call from ap:body/3")
}

// apply/2,3 named inline by a bif instruction cannot call code: badarg.
func TestApplyInline(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "api.bl", `
module api
export f/0

function f/0
    bif3 none, erlang:apply/3, lists, reverse, [[1, 2]], x0
    return
`)
	_, err := v.Apply("api", "f")
	var ee *ExitError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, "badarg", value.Print(ee.Reason))
	assert.True(t, v.Exported("erlang", "apply", 3))
	assert.True(t, v.Exported("erlang", "apply", 2))
}
