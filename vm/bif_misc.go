package vm

import (
	"math/big"
	"time"

	"github.com/beamlite/beamlite/vm/term"
)

// Miscellaneous BIFs: max/2, min/2, phash2/1,2, time (monotonic_time/0,1, system_time/0,1,
// convert_time_unit/3) and node/0,1.

func init() {
	// When the two compare equal (1 and 1.0) both return the first, as erts does.
	registerBif("erlang", "max", 2, func(p *Process, a []term.Term) term.Term {
		if lessThan(&p.heap.Heap, a[0], a[1]) {
			return a[1]
		}
		return a[0]
	})
	registerBif("erlang", "min", 2, func(p *Process, a []term.Term) term.Term {
		if lessThan(&p.heap.Heap, a[1], a[0]) {
			return a[1]
		}
		return a[0]
	})
	registerBif("erlang", "phash2", 1, func(p *Process, a []term.Term) term.Term {
		return term.MakeSmall(int64(term.Phash2(&p.heap.Heap, a[0]) & (phash2DefaultRange - 1)))
	})
	registerBif("erlang", "phash2", 2, func(p *Process, a []term.Term) term.Term {
		r := a[1]
		if !r.IsSmall() || r.Small() < 1 || r.Small() > 1<<32 {
			return p.badarg()
		}
		return term.MakeSmall(int64(uint64(term.Phash2(&p.heap.Heap, a[0])) % uint64(r.Small())))
	})

	registerBif("erlang", "monotonic_time", 0, func(p *Process, a []term.Term) term.Term {
		return term.MakeInt(&p.heap.Heap, p.vm.sys.Now())
	})
	registerBif("erlang", "monotonic_time", 1, func(p *Process, a []term.Term) term.Term {
		return p.timeIn(p.vm.sys.Now(), a[0])
	})
	registerBif("erlang", "system_time", 0, func(p *Process, a []term.Term) term.Term {
		return term.MakeInt(&p.heap.Heap, time.Now().UnixNano())
	})
	registerBif("erlang", "system_time", 1, func(p *Process, a []term.Term) term.Term {
		return p.timeIn(time.Now().UnixNano(), a[0])
	})
	registerBif("erlang", "convert_time_unit", 3, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		from, ok1 := timeUnit(a[1])
		to, ok2 := timeUnit(a[2])
		if !ok1 || !ok2 || !term.IsInteger(h, a[0]) {
			return p.badarg()
		}
		return term.MakeBigInt(h, convertTime(term.ToBig(h, a[0]), from, to))
	})

	registerBif("erlang", "node", 0, func(p *Process, a []term.Term) term.Term { return atomNonode })
	registerBif("erlang", "node", 1, func(p *Process, a []term.Term) term.Term {
		h := &p.heap.Heap
		if !isPid(h, a[0]) && !term.IsRef(h, a[0]) {
			return p.badarg()
		}
		return atomNonode // no distribution yet: everything is local
	})
}

var atomNonode = term.MustIntern("nonode@nohost")

// phash2DefaultRange is phash2/1's range, 2^27 as in OTP. phash2's values are OTP's
// (term.Phash2), so that they are portable between beamlite and Erlang nodes.
const phash2DefaultRange = 1 << 27

// monotonic_time reads the VM's scheduler clock (Options.Clock), the one receive timeouts and
// timers use, so that a test's fake clock moves both; its origin is the clock's (OTP's origin
// is arbitrary too).

var (
	atomSecond      = term.MustIntern("second")
	atomMillisecond = term.MustIntern("millisecond")
	atomMicrosecond = term.MustIntern("microsecond")
	atomNanosecond  = term.MustIntern("nanosecond")
	atomNative      = term.MustIntern("native")
	atomPerfCounter = term.MustIntern("perf_counter")
	// The deprecated plural forms that erts still accepts.
	atomSeconds      = term.MustIntern("seconds")
	atomMilliSeconds = term.MustIntern("milli_seconds")
	atomMicroSeconds = term.MustIntern("micro_seconds")
	atomNanoSeconds  = term.MustIntern("nano_seconds")
)

// timeUnit returns how many parts per second time unit u has: one of the unit atoms (native
// and perf_counter are nanoseconds here, as on Linux erts), or a positive integer.
func timeUnit(u term.Term) (int64, bool) {
	switch u {
	case atomSecond, atomSeconds:
		return 1, true
	case atomMillisecond, atomMilliSeconds:
		return 1e3, true
	case atomMicrosecond, atomMicroSeconds:
		return 1e6, true
	case atomNanosecond, atomNanoSeconds, atomNative, atomPerfCounter:
		return 1e9, true
	}
	if u.IsSmall() && u.Small() > 0 {
		return u.Small(), true
	}
	return 0, false
}

// timeIn returns ns nanoseconds in unit u (rounded down, as erts does).
func (p *Process) timeIn(ns int64, u term.Term) term.Term {
	per, ok := timeUnit(u)
	if !ok {
		return p.badarg()
	}
	if 1e9%per == 0 {
		d := 1e9 / per
		q := ns / d
		if ns%d < 0 {
			q--
		}
		return term.MakeInt(&p.heap.Heap, q)
	}
	return term.MakeBigInt(&p.heap.Heap, convertTime(big.NewInt(ns), 1e9, per))
}

// convertTime converts t from a unit of from parts per second to one of to, rounding down.
func convertTime(t *big.Int, from, to int64) *big.Int {
	t.Mul(t, big.NewInt(to))
	// big.Int.Div is Euclidean: with a positive divisor that is rounding down.
	return t.Div(t, big.NewInt(from))
}
