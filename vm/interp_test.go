package vm

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/beamlite/beamlite/asm"
	"github.com/beamlite/beamlite/gc"
	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadSrc assembles .bl source and loads it into v.
func loadSrc(t testing.TB, v *VM, name, src string) {
	t.Helper()
	m, err := asm.Assemble(name, []byte(src))
	require.NoError(t, err)
	require.NoError(t, v.Load(m))
}

// newVM returns a VM with options o, failing the test if it cannot start.
func newVM(t testing.TB, o Options) *VM {
	t.Helper()
	v, err := New(o)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, v.Stop(context.Background())) })
	return v
}

// configs are the VM configurations every interpreter test runs under: normal (one scheduler
// per CPU), a tiny heap (every collection major, or with generations) so that collections
// happen at almost every safe point, a budget of one reduction so that a process is preempted
// at every call, and a single scheduler.
func configs() map[string]Options {
	tiny := gc.Options{MinHeapSize: 1, FullsweepAfter: 0}
	gen := gc.Options{MinHeapSize: 1, FullsweepAfter: 3}
	return map[string]Options{
		"normal":       {},
		"tiny-heap":    {Heap: &tiny},
		"tiny-gen":     {Heap: &gen},
		"reductions-1": {Reductions: 1},
		"schedulers-1": {Schedulers: 1},
	}
}

func eachConfig(t *testing.T, f func(t *testing.T, v *VM)) {
	for name, o := range configs() {
		t.Run(name, func(t *testing.T) { f(t, newVM(t, o)) })
	}
}

func TestFib(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "examples", "asm", "fib.bl"))
	require.NoError(t, err)
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "fib.bl", string(src))
		r, err := v.Apply("fib", "fib", value.Int(20))
		require.NoError(t, err)
		assert.Equal(t, value.Int(6765), r)
	})
}

const listsSrc = `
module l
export seq/2, sum/1, rev/1, build/1, tail_loop/1, label_loop/1

% seq(From, To) -> [From..To], body recursive.
function seq/2
    is_lt @more, x1, x0
    move [], x0
    return
@more:
    allocate 1
    move x0, y0
    bif2 none, erlang:'+'/2, x0, 1, x0
    call 2, seq/2
    put_list y0, x0, x0
    deallocate 1
    return

% sum(List) with an accumulator, tail recursive.
function sum/1
    move 0, x1
    call_only 2, sum_acc/2

function sum_acc/2
    is_nonempty_list @done, x0
    get_list x0, x2, x0
    bif2 none, erlang:'+'/2, x1, x2, x1
    call_only 2, sum_acc/2
@done:
    move x1, x0
    return

function rev/1
    move [], x1
    call_only 2, rev_acc/2

function rev_acc/2
    is_nonempty_list @done, x0
    get_list x0, x2, x0
    put_list x2, x1, x1
    call_only 2, rev_acc/2
@done:
    move x1, x0
    return

% build(N): a list of N tuples {I, [I]}, to give the collector work.
function build/1
    move [], x1
    call_only 2, build_acc/2

function build_acc/2
    is_eq_exact @more, x0, 0
    move x1, x0
    return
@more:
    put_list x0, [], x2
    put_tuple x2, [x0, x2]
    put_list x2, x1, x1
    bif2 none, erlang:'-'/2, x0, 1, x0
    call_only 2, build_acc/2

% tail_loop(N) counts down with tail calls.
function tail_loop/1
    is_eq_exact @more, x0, 0
    move done, x0
    return
@more:
    bif2 none, erlang:'-'/2, x0, 1, x0
    call_only 1, tail_loop/1

% label_loop(N) counts down with a backward jump.
function label_loop/1
@top:
    is_eq_exact @more, x0, 0
    move done, x0
    return
@more:
    bif2 none, erlang:'-'/2, x0, 1, x0
    jump @top
`

func TestLists(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "l.bl", listsSrc)
		r, err := v.Apply("l", "seq", value.Int(1), value.Int(5))
		require.NoError(t, err)
		assert.Equal(t, value.List{value.Int(1), value.Int(2), value.Int(3), value.Int(4), value.Int(5)}, r)

		r, err = v.Apply("l", "sum", value.List{value.Int(1), value.Int(2), value.Int(40)})
		require.NoError(t, err)
		assert.Equal(t, value.Int(43), r)

		r, err = v.Apply("l", "rev", value.String("abc"))
		require.NoError(t, err)
		assert.Equal(t, value.String("cba"), r)

		r, err = v.Apply("l", "build", value.Int(3))
		require.NoError(t, err)
		want := value.List{}
		for i := 1; i <= 3; i++ {
			want = append(want, value.Tuple{value.Int(i), value.List{value.Int(i)}})
		}
		assert.Equal(t, want, r)
	})
}

// TestInterpGCStress builds a large live structure under a tiny heap, so that collections run
// throughout, and checks it in full.
func TestInterpGCStress(t *testing.T) {
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "l.bl", listsSrc)
		r, err := v.Apply("l", "build", value.Int(2000))
		require.NoError(t, err)
		l := r.(value.List)
		require.Len(t, l, 2000)
		for i, e := range l {
			require.Equal(t, value.Tuple{value.Int(i + 1), value.List{value.Int(i + 1)}}, e)
		}
	})
}

// TestTailCallConstantStack runs a million tail calls and a million backward jumps: the stack
// stays empty, the heap small, and the loops are preempted (each iteration costs a reduction).
func TestTailCallConstantStack(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "l.bl", listsSrc)
	for _, f := range []string{"tail_loop", "label_loop"} {
		r, err := v.apply("l", f, []value.Term{value.Int(1_000_000)})
		require.NoError(t, err)
		require.NoError(t, r.err)
		assert.Equal(t, value.Atom("done"), r.result)
		assert.Zero(t, r.stackCap, f)
		assert.Zero(t, r.frames, f)
		assert.GreaterOrEqual(t, r.reductions, int64(1_000_000), f)
	}
}

func atom(s string) term.Term { return term.MustIntern(s) }
