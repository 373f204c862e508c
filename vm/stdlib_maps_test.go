package vm

import (
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestStdlibMapsFunctions(t *testing.T) {
	i := func(x int) value.Int { return value.Int(x) }
	abc := value.NewMap(atA, i(1), atB, i(2), atC, i(3))
	nums := value.NewMap(i(1), i(10), i(2), i(20), i(3), i(30))
	badmapA := tup(value.Atom("badmap"), atA)
	caseX := tup(value.Atom("case_clause"), atX)
	comb := sthFun("kv_comb", 3)
	other := value.NewMap(atA, i(9), value.Atom("z"), i(0))
	calls := []stdCall{
		{fn: "fold", args: args(sthFun("kv_sum", 3), i(0), nums), want: i(140)},
		{fn: "fold", args: args(sthFun("kv_cons", 3), value.Nil, abc),
			want: lst(tup(atC, i(3)), tup(atB, i(2)), tup(atA, i(1)))},
		{fn: "fold", args: args(sthFun("kv_cons", 3), value.Nil, value.NewMap()), want: value.Nil},
		{fn: "fold", args: args(sthFun("kv_cons", 3), value.Nil, atA), err: badmapA},
		{fn: "fold", args: args(atA, value.Nil, abc), err: badar},
		{fn: "map", args: args(sthFun("kv_double", 2), abc), want: value.NewMap(atA, i(2), atB, i(4), atC, i(6))},
		{fn: "map", args: args(sthFun("kv_double", 2), value.NewMap()), want: value.NewMap()},
		{fn: "map", args: args(sthFun("kv_double", 2), atA), err: badmapA},
		{fn: "map", args: args(atA, abc), err: badar},
		{fn: "filter", args: args(sthFun("kv_even", 2), nums), want: nums},
		{fn: "filter", args: args(sthFun("kv_even", 2), abc), want: value.NewMap(atB, i(2))},
		{fn: "filter", args: args(sthFun("kv_bad", 2), abc), err: caseX},
		{fn: "filter", args: args(sthFun("kv_even", 2), atA), err: badmapA},
		{fn: "filtermap", args: args(sthFun("kv_fm", 2), abc), want: value.NewMap(atA, i(10), atB, i(20), atC, i(3))},
		{fn: "filtermap", args: args(sthFun("kv_bad", 2), abc), err: caseX},
		{fn: "foreach", args: args(sthFun("kv_double", 2), abc), want: value.Ok},
		{fn: "foreach", args: args(sthFun("kv_double", 2), atA), err: badmapA},
		{fn: "foreach", args: args(atA, abc), err: badar},
		{fn: "with", args: args(lst(atA, atC, value.Atom("d")), abc), want: value.NewMap(atA, i(1), atC, i(3))},
		{fn: "with", args: args(atA, abc), err: badar},
		{fn: "with", args: args(lst(atA), atA), err: badmapA},
		{fn: "without", args: args(lst(atA, value.Atom("d")), abc), want: value.NewMap(atB, i(2), atC, i(3))},
		{fn: "without", args: args(atA, abc), err: badar},
		{fn: "without", args: args(lst(atA), atA), err: badmapA},
		{fn: "update_with", args: args(i(2), sthFun("double", 1), nums), want: value.NewMap(i(1), i(10), i(2), i(40), i(3), i(30))},
		{fn: "update_with", args: args(i(4), sthFun("double", 1), nums), err: tup(value.Atom("badkey"), i(4))},
		{fn: "update_with", args: args(i(2), sthFun("double", 1), atA), err: badmapA},
		{fn: "update_with", args: args(i(2), atA, nums), err: badar},
		{fn: "update_with", args: args(i(2), sthFun("double", 1), i(0), nums), want: value.NewMap(i(1), i(10), i(2), i(40), i(3), i(30))},
		{fn: "update_with", args: args(i(4), sthFun("double", 1), i(0), nums), want: value.NewMap(i(1), i(10), i(2), i(20), i(3), i(30), i(4), i(0))},
		{fn: "update_with", args: args(i(4), sthFun("double", 1), i(0), atA), err: badmapA},
		{fn: "take", args: args(atA, abc), want: tup(i(1), value.NewMap(atB, i(2), atC, i(3)))},
		{fn: "take", args: args(value.Atom("d"), abc), want: value.Error},
		{fn: "take", args: args(atA, atA), err: badmapA},
		{fn: "from_keys", args: args(lst(atA, atB), i(0)), want: value.NewMap(atA, i(0), atB, i(0))},
		{fn: "from_keys", args: args(atA, i(0)), err: badar},
		{fn: "merge_with", args: args(comb, abc, other),
			want: value.NewMap(atA, tup(atA, i(1), i(9)), atB, i(2), atC, i(3), value.Atom("z"), i(0))},
		{fn: "merge_with", args: args(comb, atA, abc), err: badmapA},
		{fn: "merge_with", args: args(atA, abc, abc), err: badar},
		{fn: "intersect", args: args(abc, other), want: value.NewMap(atA, i(9))},
		{fn: "intersect", args: args(abc, atA), err: badmapA},
		{fn: "intersect_with", args: args(comb, abc, other), want: value.NewMap(atA, tup(atA, i(1), i(9)))},
		{fn: "intersect_with", args: args(comb, atA, abc), err: badmapA},
		{fn: "groups_from_list", args: args(sthFun("parity", 1), ints(1, 2, 3, 4, 5)),
			want: value.NewMap(i(0), ints(2, 4), i(1), ints(1, 3, 5))},
		{fn: "groups_from_list", args: args(sthFun("parity", 1), sthFun("times10", 1), ints(1, 2, 3, 4, 5)),
			want: value.NewMap(i(0), ints(20, 40), i(1), ints(10, 30, 50))},
		{fn: "groups_from_list", args: args(sthFun("parity", 1), value.Nil), want: value.NewMap()},
		{fn: "groups_from_list", args: args(sthFun("parity", 1), atA), err: badar},
	}
	eachConfig(t, func(t *testing.T, v *VM) { runStd(t, v, "maps", calls) })
}

// TestStdlibMapsIterator runs fold, map, filter and foreach over an iterator from
// maps:iterator/1, and foreach's calls in order.
func TestStdlibMapsIterator(t *testing.T) {
	const src = `
module mit
export fold/1, map/1, filter/1, foreach/1

function fold/1
    allocate 0
    call_ext 1, maps:iterator/1
    move x0, x2
    move [], x1
    make_fun '-fold/1-fun-0-'/3, x0, []
    call_ext_last 3, maps:fold/3, 0

function '-fold/1-fun-0-'/3
    put_tuple x0, [x0, x1]
    put_list x0, x2, x0
    return

function map/1
    allocate 0
    call_ext 1, maps:iterator/1
    move x0, x1
    move fun sth:kv_double/2, x0
    call_ext_last 2, maps:map/2, 0

function filter/1
    allocate 0
    call_ext 1, maps:iterator/1
    move x0, x1
    move fun sth:kv_even/2, x0
    call_ext_last 2, maps:filter/2, 0

% foreach(Map) -> the messages that maps:foreach(fun sth:kv_send/2, Map) sends, in order.
function foreach/1
    allocate 1
    call_ext 1, maps:iterator/1
    move x0, x1
    move fun sth:kv_send/2, x0
    call_ext 2, maps:foreach/2
    move [], y0
@loop:
    loop_rec @done, x0
    remove_message
    put_list x0, y0, y0
    jump @loop
@done:
    timeout
    move y0, x0
    call_ext_last 1, lists:reverse/1, 1
`
	i := func(x int) value.Int { return value.Int(x) }
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "sth.bl", stdHelperSrc)
		loadSrc(t, v, "mit.bl", src)
		abc := value.NewMap(atA, i(1), atB, i(2), atC, i(3))
		r, err := v.Apply("mit", "fold", abc)
		require.NoError(t, err)
		assert.Equal(t, lst(tup(atC, i(3)), tup(atB, i(2)), tup(atA, i(1))), r)
		r, err = v.Apply("mit", "map", abc)
		require.NoError(t, err)
		assert.Equal(t, value.NewMap(atA, i(2), atB, i(4), atC, i(6)), r)
		r, err = v.Apply("mit", "filter", abc)
		require.NoError(t, err)
		assert.Equal(t, value.NewMap(atB, i(2)), r)
		r, err = v.Apply("mit", "foreach", abc)
		require.NoError(t, err)
		assert.Equal(t, lst(tup(atA, i(1)), tup(atB, i(2)), tup(atC, i(3))), r)
	})
}

// TestStdlibMapsLarge folds and maps over a map of 1,000 keys (a trie, not a sorted array).
func TestStdlibMapsLarge(t *testing.T) {
	var kvs []value.Term
	want := value.Int(0)
	for k := 1; k <= 1000; k++ {
		kvs = append(kvs, value.Int(k), value.Int(2*k))
		want += value.Int(k * 2 * k)
	}
	m := value.NewMap(kvs...)
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "sth.bl", stdHelperSrc)
		r, err := v.Apply("maps", "fold", sthFun("kv_sum", 3), value.Int(0), m)
		require.NoError(t, err)
		assert.Equal(t, want, r)
		r, err = v.Apply("maps", "filter", sthFun("kv_even", 2), m)
		require.NoError(t, err)
		assert.True(t, value.Equal(m, r))
		r, err = v.Apply("maps", "map", sthFun("kv_double", 2), m)
		require.NoError(t, err)
		assert.Equal(t, len(m.Keys), len(r.(value.Map).Keys))
	})
}

// TestStdlibMapsProperties checks fold, filter, with, without and merge_with on random maps of
// small integers (sorted arrays and tries) against Go maps.
func TestStdlibMapsProperties(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "sth.bl", stdHelperSrc)
	toMap := func(m map[int]int) value.Map {
		var kvs []value.Term
		for k, x := range m {
			kvs = append(kvs, value.Int(k), value.Int(x))
		}
		return value.NewMap(kvs...)
	}
	rapid.Check(t, func(t *rapid.T) {
		gen := rapid.MapOfN(rapid.IntRange(0, 100), rapid.IntRange(-50, 50), 0, 60)
		a, b := gen.Draw(t, "a"), gen.Draw(t, "b")
		keys := rapid.SliceOfN(rapid.IntRange(0, 100), 0, 20).Draw(t, "keys")

		sum := 0
		for k, x := range a {
			sum += k * x
		}
		r, err := v.Apply("maps", "fold", sthFun("kv_sum", 3), value.Int(0), toMap(a))
		require.NoError(t, err)
		require.Equal(t, value.Int(sum), r)

		even := map[int]int{}
		for k, x := range a {
			if x%2 == 0 {
				even[k] = x
			}
		}
		r, err = v.Apply("maps", "filter", sthFun("kv_even", 2), toMap(a))
		require.NoError(t, err)
		require.True(t, value.Equal(toMap(even), r))

		with, without := map[int]int{}, map[int]int{}
		for k, x := range a {
			without[k] = x
		}
		for _, k := range keys {
			if x, ok := a[k]; ok {
				with[k] = x
			}
			delete(without, k)
		}
		r, err = v.Apply("maps", "with", ints(keys...), toMap(a))
		require.NoError(t, err)
		require.True(t, value.Equal(toMap(with), r))
		r, err = v.Apply("maps", "without", ints(keys...), toMap(a))
		require.NoError(t, err)
		require.True(t, value.Equal(toMap(without), r))

		// merge_with(fun(K, V1, V2) -> K * V1 + V2) via kv_sum.
		merged := map[int]int{}
		for k, x := range a {
			merged[k] = x
		}
		for k, y := range b {
			if x, ok := a[k]; ok {
				merged[k] = k*x + y
			} else {
				merged[k] = y
			}
		}
		r, err = v.Apply("maps", "merge_with", sthFun("kv_sum", 3), toMap(a), toMap(b))
		require.NoError(t, err)
		require.True(t, value.Equal(toMap(merged), r))
	})
}
