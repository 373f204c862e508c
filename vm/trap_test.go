package vm

import (
	"testing"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const trappingSrc = `
module trapping
export main/2, ticker/1, reds/2
export w_length/1, w_reverse/1, w_member/1, w_append/1, w_iolist/1, w_keyfind/1, w_bad/1
export w_apply3/1, w_apply_instr/1, w_apply2/1, w_spawn/1

% main(Fun, Arg): spawn a ticker that sends tick to main as fast as it can; send self()
% before, run trapping:Fun(Arg), send self() after. Returns {Result, Next}, Next the first
% message after before: tick when Fun let the ticker run (a BIF trapped), after when it ran
% in one go. Run it on one scheduler.
function main/2
    allocate 4
    move x0, y0
    move x1, y1
    bif0 erlang:self/0, x0
    put_list x0, [], x2
    move trapping, x0
    move ticker, x1
    call_ext 3, erlang:spawn/3
    move x0, y2
    bif0 erlang:self/0, x0
    send x0, before
    move y1, x0
    move trapping, x1
    move y0, x2
    apply 1
    move x0, y3
    bif0 erlang:self/0, x0
    send x0, after
@before:
    loop_rec @bwait, x0
    is_eq_exact @bskip, x0, before
    remove_message
    jump @next
@bskip:
    loop_rec_end @before
@bwait:
    wait @before
@next:
    loop_rec @nwait, x0
    remove_message
    move x0, y1
    move y2, x0
    move kill, x1
    call_ext 2, erlang:exit/2
    put_tuple x0, [y3, y1]
    deallocate 4
    return
@nwait:
    wait @next

% ticker(P) -> P ! tick, ticker(P).
function ticker/1
@loop:
    send x0, tick
    jump @loop

% reds(Fun, Arg): the reductions trapping:Fun(Arg) costs.
function reds/2
    allocate 3
    move x0, y0
    move x1, y1
    bif0 erlang:self/0, x0
    move reductions, x1
    call_ext 2, erlang:process_info/2
    bif2 none, erlang:element/2, 2, x0, y2
    move y1, x0
    move trapping, x1
    move y0, x2
    apply 1
    bif0 erlang:self/0, x0
    move reductions, x1
    call_ext 2, erlang:process_info/2
    bif2 none, erlang:element/2, 2, x0, x0
    bif2 none, erlang:'-'/2, x0, y2, x0
    deallocate 3
    return

function w_length/1
    bif1 none, erlang:length/1, x0, x0
    return

function w_reverse/1
    move [], x1
    call_ext_only 2, lists:reverse/2

function w_member/1
    move x0, x1
    move none, x0
    call_ext_only 2, lists:member/2

function w_append/1
    move [x], x1
    call_ext_only 2, erlang:'++'/2

function w_iolist/1
    allocate 0
    call_ext 1, erlang:iolist_to_binary/1
    bif1 none, erlang:byte_size/1, x0, x0
    deallocate 0
    return

function w_keyfind/1
    move x0, x2
    move none, x0
    move 1, x1
    call_ext_only 3, lists:keyfind/3

% w_apply3(L) -> erlang:apply(lists, reverse, [L, []]).
function w_apply3/1
    allocate 0
    put_list [], [], x1
    put_list x0, x1, x2
    move lists, x0
    move reverse, x1
    call_ext 3, erlang:apply/3
    deallocate 0
    return

% w_apply_instr(L): the apply instruction calling erlang:apply(erlang, length, [L]).
function w_apply_instr/1
    allocate 0
    put_list x0, [], x2
    move erlang, x0
    move length, x1
    move erlang, x3
    move apply, x4
    apply 3
    deallocate 0
    return

% w_apply2(L) -> erlang:apply(fun erlang:length/1, [L]).
function w_apply2/1
    allocate 0
    put_list x0, [], x1
    move fun erlang:length/1, x0
    call_ext 2, erlang:apply/2
    deallocate 0
    return

% w_spawn(L): the exit reasons of spawn(erlang, length, [L]) and of
% spawn(erlang, apply, [erlang, length, [L]]): a trapping BIF as a process's first call.
function w_spawn/1
    allocate 2
    put_list x0, [], x2
    move x2, y0
    move erlang, x0
    move length, x1
    call_ext 3, erlang:spawn_monitor/3
    call 0, down/0
    move x0, y1
    put_list y0, [], x0
    put_list length, x0, x0
    put_list erlang, x0, x2
    move erlang, x0
    move apply, x1
    call_ext 3, erlang:spawn_monitor/3
    call 0, down/0
    put_tuple x0, [y1, x0]
    deallocate 2
    return

% down() -> receive {'DOWN', _, process, _, Reason} -> Reason end.
function down/0
@loop:
    loop_rec @wait, x0
    is_tuple @skip, x0
    test_arity @skip, x0, 5
    remove_message
    get_tuple_element x0, 4, x0
    return
@skip:
    loop_rec_end @loop
@wait:
    wait @loop

% w_bad(L): L is improper at its end: length(L) raises badarg, caught.
function w_bad/1
    allocate 1
    catch y0, @caught
    bif1 none, erlang:length/1, x0, x0
@caught:
    catch_end y0
    deallocate 1
    return
`

// longList returns [1, ..., n] ending in tail.
func longList(n int, tail value.Term) value.Term {
	l := make(value.List, n)
	for i := range l {
		l[i] = value.Int(int64(i + 1))
	}
	if tail == nil {
		return l
	}
	return value.ImproperList{Elems: l, Tail: tail}
}

// TestBIFsTrap: on one scheduler, a BIF over a long list lets another process run before it
// returns (it traps and resumes), and gives the right result.
func TestBIFsTrap(t *testing.T) {
	const n = 200_000
	v := newVM(t, Options{Schedulers: 1})
	loadSrc(t, v, "trapping.bl", trappingSrc)
	tuples := make(value.List, n)
	bytes := make(value.List, n)
	for i := range tuples {
		tuples[i] = value.Tuple{value.Int(int64(i))}
		bytes[i] = value.Int(int64(i % 256))
	}
	for _, c := range []struct {
		fun  string
		arg  value.Term
		want string
	}{
		{"w_length", longList(n, nil), "200000"},
		{"w_member", longList(n, nil), "false"},
		{"w_keyfind", tuples, "false"},
		{"w_iolist", value.List{bytes, value.List{bytes}}, "400000"},
	} {
		t.Run(c.fun, func(t *testing.T) {
			r, err := v.Apply("trapping", "main", value.Atom(c.fun), c.arg)
			require.NoError(t, err)
			got := r.(value.Tuple)
			assert.Equal(t, c.want, value.Format(got[0]))
			assert.Equal(t, value.Atom("tick"), got[1], "the ticker ran while %s worked", c.fun)
		})
	}
	for _, fun := range []string{"w_reverse", "w_append"} {
		t.Run(fun, func(t *testing.T) {
			r, err := v.Apply("trapping", "main", value.Atom(fun), longList(n, nil))
			require.NoError(t, err)
			got := r.(value.Tuple)
			l := got[0].(value.List)
			require.Len(t, l, n+map[string]int{"w_reverse": 0, "w_append": 1}[fun])
			if fun == "w_reverse" {
				assert.Equal(t, value.Int(n), l[0])
				assert.Equal(t, value.Int(1), l[n-1])
			} else {
				assert.Equal(t, value.Int(1), l[0])
				assert.Equal(t, value.Atom("x"), l[n])
			}
			assert.Equal(t, value.Atom("tick"), got[1], "the ticker ran while %s worked", fun)
		})
	}
}

// TestBIFTrapResults: trapping BIFs give the same results, and the same errors, in every
// configuration (a budget of one reduction traps every 16 to 40 cells; a tiny heap collects
// between the runs of a call).
func TestBIFTrapResults(t *testing.T) {
	const n = 3000
	eachConfig(t, func(t *testing.T, v *VM) {
		loadSrc(t, v, "trapping.bl", trappingSrc)
		call := func(fun string, arg value.Term) string {
			r, err := v.Apply("trapping", fun, arg)
			require.NoError(t, err)
			return value.Format(r)
		}
		assert.Equal(t, "3000", call("w_length", longList(n, nil)))
		assert.Equal(t, "false", call("w_member", longList(n, nil)))
		rev, err := v.Apply("trapping", "w_reverse", longList(n, nil))
		require.NoError(t, err)
		assert.Equal(t, value.Int(n), rev.(value.List)[0])
		app, err := v.Apply("trapping", "w_append", longList(n, nil))
		require.NoError(t, err)
		assert.Equal(t, value.Format(longList(n, nil))[:20], value.Format(app)[:20])
		assert.Len(t, app.(value.List), n+1)
		assert.Equal(t, "3000", call("w_apply_instr", longList(n, nil)))
		assert.Equal(t, "{normal,normal}", call("w_spawn", longList(n, nil)))
		assert.Equal(t, "3000", call("w_apply2", longList(n, nil)))
		viaApply, err := v.Apply("trapping", "w_apply3", longList(n, nil))
		require.NoError(t, err)
		assert.Equal(t, value.Int(n), viaApply.(value.List)[0])
		bad := call("w_bad", longList(n, value.Atom("oops")))
		assert.Contains(t, bad, "{'EXIT',{badarg,")
		_, err = v.Apply("trapping", "w_reverse", longList(n, value.Atom("oops")))
		var exit *ExitError
		require.ErrorAs(t, err, &exit)
		assert.Equal(t, value.Atom("badarg"), exit.Reason)
	})
}

// TestBIFsCharge: BIFs charge reductions in proportion to their work, at erts's rates, and
// one with more work than the slice has reductions for traps with the slice spent, then
// resumes where it stopped when its call runs again.
func TestBIFsCharge(t *testing.T) {
	const n = 160_000
	v := newVM(t, Options{})
	p := newProcess(v, *v.opts.Heap)
	h := &p.heap.Heap
	ints := make([]term.Term, n)
	tuples := make([]term.Term, n)
	for i := range ints {
		ints[i] = term.MakeSmall(int64(i))
		tuples[i] = term.MakeTuple(h, ints[i])
	}
	l := term.ListFromSlice(h, ints, term.Nil)
	bytes := make([]term.Term, n)
	for i := range bytes {
		bytes[i] = term.MakeSmall(int64(i % 256))
	}
	bl := term.ListFromSlice(h, bytes, term.Nil)
	tl := term.ListFromSlice(h, tuples, term.Nil)
	pairs := make([]term.Term, n)
	for i := range pairs {
		pairs[i] = term.MakeTuple(h, ints[i], ints[i])
	}
	fromList := term.ListFromSlice(h, pairs, term.Nil)
	bif := func(mod, name string, arity int) bifFunc {
		return bifTable[mfa{term.MustIntern(mod), term.MustIntern(name), arity}]
	}
	for _, c := range []struct {
		name   string
		f      bifFunc
		args   []term.Term
		perRed int
	}{
		{"length/1", bif("erlang", "length", 1), []term.Term{l}, walkPerRed},
		{"member/2", bif("lists", "member", 2), []term.Term{term.Nil, l}, walkPerRed},
		{"keyfind/3", bif("lists", "keyfind", 3), []term.Term{term.Nil, term.MakeSmall(1), tl}, walkPerRed},
		{"reverse/2", bif("lists", "reverse", 2), []term.Term{l, term.Nil}, buildPerRed},
		{"++/2", bif("erlang", "++", 2), []term.Term{l, term.Nil}, buildPerRed},
		{"--/2", bif("erlang", "--", 2), []term.Term{l, l}, walkPerRed / 2},
		{"iolist_to_binary/1", bif("erlang", "iolist_to_binary", 1), []term.Term{bl}, iolistPerRed},
		{"tuple_to_list/1", bif("erlang", "tuple_to_list", 1), []term.Term{term.MakeTuple(h, ints...)}, buildPerRed},
		{"list_to_tuple/1", bif("erlang", "list_to_tuple", 1), []term.Term{l}, copyPerRed},
		{"maps:from_list/1", bif("maps", "from_list", 1), []term.Term{fromList}, walkPerRed},
	} {
		t.Run(c.name, func(t *testing.T) {
			// Reductions enough for all of it: one call, charged in proportion.
			const plenty = 1 << 28
			p.reds = plenty
			p.start = startNone
			r := c.f(p, c.args)
			require.NotEqual(t, term.NonValue, r)
			require.Equal(t, startNone, p.start)
			spent := plenty - int(p.reds)
			assert.InDelta(t, n/c.perRed, spent, float64(n/c.perRed)/10+2)
			switch c.name {
			case "--/2", "tuple_to_list/1", "list_to_tuple/1", "maps:from_list/1":
				return // charged, not trapping
			}
			// A slice of 100 reductions: the BIF traps, spending them, until it is done.
			calls := 0
			for {
				calls++
				p.reds, p.start = 100, startNone
				r2 := c.f(p, c.args)
				if r2 != term.NonValue {
					assert.True(t, term.Equal(h, r, r2), "the same result after %d traps", calls-1)
					break
				}
				require.Equal(t, startTrap, p.start)
				require.Zero(t, p.reds, "a trap spends the slice")
				require.Less(t, calls, 2*n, "it makes progress")
			}
			assert.InDelta(t, n/(100*c.perRed)+1, calls, float64(n/(100*c.perRed))/10+2)
		})
	}
}

// TestSignalsCharge: signals, messages taken in and messages sent cost reductions: a
// reduction per signal, per 4 messages, and per 64 words copied.
func TestSignalsCharge(t *testing.T) {
	v := newVM(t, Options{})
	p := newProcess(v, *v.opts.Heap)
	require.True(t, v.procs.insert(p))
	q := newProcess(v, *v.opts.Heap)
	require.True(t, v.procs.insert(q))
	h := &q.heap.Heap
	const plenty = 1 << 28
	elems := make([]term.Term, 6400)
	for i := range elems {
		elems[i] = term.MakeSmall(int64(i))
	}
	big := term.ListFromSlice(h, elems, term.Nil) // 12,800 words
	for i := range 400 {
		p.mb.push(message{term: term.MakeSmall(int64(i))})
		if i%4 == 0 {
			require.True(t, p.mb.pushSignal(signal{kind: sigMonitor, from: q.pid, id: uint64(i)}))
		}
	}
	p.reds = plenty
	require.True(t, p.handleSignals())
	assert.Equal(t, 100+400/4, plenty-int(p.reds), "100 signals and 400 messages")

	for i := range 400 {
		p.mb.push(message{term: term.MakeSmall(int64(i))})
	}
	p.reds = plenty
	require.True(t, p.takeIn())
	assert.Equal(t, 400/4, plenty-int(p.reds), "400 messages taken in")

	p.mb.drain(&p.heap.Heap)
	p.mb.queue, p.mb.save = nil, 0
	q.reds = plenty
	require.True(t, q.send(p.pid, big))
	assert.Equal(t, 12800/copyPerRed, plenty-int(q.reds), "a message of 12,800 words sent")
	p.reds = plenty
	_, ok := p.loopRec() // takes it in, then moves it into the heap
	require.True(t, ok)
	assert.Equal(t, 1+12800/copyPerRed, plenty-int(p.reds), "and taken in")
}
