package vm

import (
	"runtime"
	"testing"
	"time"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const memSrc = `
module memtest
export mem/1, mem0/0, try_mem/1, gcstat/0, churn/2, spawn_idle/1, idle/0, runq/0

function mem/1
    call_ext_only 1, erlang:memory/1

function mem0/0
    call_ext_only 0, erlang:memory/0

function runq/0
    move run_queue, x0
    call_ext_only 1, erlang:statistics/1

% try_mem(T) -> try erlang:memory(T) catch C:R -> {C, R} end.
function try_mem/1
    allocate 1
    try y0, @h
    call_ext 1, erlang:memory/1
    try_end y0
    deallocate 1
    return
@h:
    try_case y0
    put_tuple x0, [x0, x1]
    deallocate 1
    return

function gcstat/0
    move garbage_collection, x0
    call_ext_only 1, erlang:statistics/1

% churn(K, N): build and drop a list of N integers K times; returns K.
function churn/2
    allocate 2
    move x0, y0
    move x1, y1
@loop:
    is_lt @done, 0, y0
    move 1, x0
    move y1, x1
    call_ext 2, lists:seq/2
    bif2 none, erlang:'-'/2, y0, 1, y0
    jump @loop
@done:
    move y1, x0
    deallocate 2
    return

% spawn_idle(N): spawn N processes that wait forever; returns ok.
function spawn_idle/1
@loop:
    is_lt @done, 0, x0
    allocate 1
    move x0, y0
    move memtest, x0
    move idle, x1
    move [], x2
    call_ext 3, erlang:spawn/3
    bif2 none, erlang:'-'/2, y0, 1, x0
    deallocate 1
    jump @loop
@done:
    move ok, x0
    return

function idle/0
@loop:
    loop_rec @wait, x0
    remove_message
    jump @loop
@wait:
    wait @loop
`

func memInt(t *testing.T, v *VM, typ string) int64 {
	t.Helper()
	r, err := v.Apply("memtest", "mem", value.Atom(typ))
	require.NoError(t, err)
	n, ok := r.(value.Int)
	require.True(t, ok, "memory(%s) = %v", typ, r)
	return int64(n)
}

func TestMemoryBIF(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "memtest.bl", memSrc)
	r, err := v.Apply("memtest", "mem0")
	require.NoError(t, err)
	list, ok := r.(value.List)
	require.True(t, ok, "%v", r)
	var keys []value.Term
	vals := map[value.Atom]int64{}
	for _, e := range list {
		tup := e.(value.Tuple)
		keys = append(keys, tup[0])
		vals[tup[0].(value.Atom)] = int64(tup[1].(value.Int))
	}
	assert.Equal(t, []value.Term{value.Atom("total"), value.Atom("processes"), value.Atom("processes_used"), value.Atom("system")}, keys)
	assert.Greater(t, vals["processes"], int64(0))
	assert.Equal(t, vals["processes"], vals["processes_used"])
	assert.Equal(t, vals["total"], vals["processes"]+vals["system"])
	assert.Greater(t, memInt(t, v, "total"), int64(1<<20), "the Go runtime maps more than a megabyte")

	r, err = v.Apply("memtest", "mem", value.List{value.Atom("processes"), value.Atom("total")})
	require.NoError(t, err)
	l := r.(value.List)
	require.Len(t, l, 2)
	assert.Equal(t, value.Atom("processes"), l[0].(value.Tuple)[0])
	assert.Equal(t, value.Atom("total"), l[1].(value.Tuple)[0])

	r, err = v.Apply("memtest", "try_mem", value.Atom("binary"))
	require.NoError(t, err)
	assert.Equal(t, value.Tuple{value.Atom("error"), value.Atom("notsup")}, r)
	r, err = v.Apply("memtest", "try_mem", value.Atom("bogus"))
	require.NoError(t, err)
	assert.Equal(t, value.Tuple{value.Atom("error"), value.Atom("badarg")}, r)
	r, err = v.Apply("memtest", "try_mem", value.Int(3))
	require.NoError(t, err)
	assert.Equal(t, value.Tuple{value.Atom("error"), value.Atom("badarg")}, r)
}

// statistics(garbage_collection) counts collections: a process that builds and drops 200
// lists of 10,000 integers collects many times, and the words reclaimed grow by at least
// most of what it dropped.
func TestGCStatistics(t *testing.T) {
	v := newVM(t, Options{})
	loadSrc(t, v, "memtest.bl", memSrc)
	stat := func() (int64, int64) {
		r, err := v.Apply("memtest", "gcstat")
		require.NoError(t, err)
		tup := r.(value.Tuple)
		require.Len(t, tup, 3)
		assert.Equal(t, value.Int(0), tup[2])
		return int64(tup[0].(value.Int)), int64(tup[1].(value.Int))
	}
	n0, w0 := stat()
	_, err := v.Apply("memtest", "churn", value.Int(200), value.Int(10_000))
	require.NoError(t, err)
	n1, w1 := stat()
	assert.Greater(t, n1-n0, int64(20), "collections")
	assert.Greater(t, w1-w0, int64(100*10_000*2), "words reclaimed: at least half the 200 × 20,000 words dropped")
}

// TestMemoryMatchesGoHeap: memory(processes) grows, per idle process, by what the Go heap
// grows by (within 25%): the figure counts what processes really hold.
func TestMemoryMatchesGoHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns 20,000 processes")
	}
	const n = 20_000
	v := newVM(t, Options{})
	loadSrc(t, v, "memtest.bl", memSrc)
	settle := func() {
		require.Eventually(t, func() bool {
			r, err := v.Apply("memtest", "runq")
			require.NoError(t, err)
			return r == value.Int(0)
		}, 10*time.Second, time.Millisecond)
		time.Sleep(20 * time.Millisecond)
	}
	heap := func() int64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return int64(ms.HeapAlloc)
	}
	settle()
	h0, m0 := heap(), memInt(t, v, "processes")
	_, err := v.Apply("memtest", "spawn_idle", value.Int(n))
	require.NoError(t, err)
	settle()
	h1, m1 := heap(), memInt(t, v, "processes")
	goPer, memPer := float64(h1-h0)/n, float64(m1-m0)/n
	t.Logf("per idle process: Go heap %.0f bytes, memory(processes) %.0f bytes", goPer, memPer)
	assert.InEpsilon(t, goPer, memPer, 0.25)
}
