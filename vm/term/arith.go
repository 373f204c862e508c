package term

import (
	"errors"
	"math"
	"math/big"
	"math/bits"
	"unsafe"
)

// Arithmetic with Erlang semantics. Each operation takes its operands as terms and returns a
// term, allocating on h only when the result is boxed (a bignum or a float). Errors are the
// sentinels below, which the interpreter turns into exit reasons; they are never wrapped.
//
// Small integers go first and never touch math/big: 60-bit operands cannot overflow an int64
// under + and -, and * checks with a 128-bit product. Everything else goes through math/big,
// and every integer result passes through MakeBigInt, which shrinks it back to a small when it
// fits (doc.go invariant 3).

var (
	// ErrBadarith is the exit reason badarith: an operand is not a number (or not an integer
	// where one is needed), a division by zero, or a float result that is not finite.
	ErrBadarith = errors.New("badarith")
	// ErrBadarg is the exit reason badarg, raised by the BIFs here (abs, float, round, …)
	// when their argument is not a number.
	ErrBadarg = errors.New("badarg")
)

// MaxBigBits is the largest bit length of an integer's magnitude. Results past it fail with
// ErrSystemLimit, at the same point as erts (19 bits of limb count, 64-bit limbs): 1 bsl
// 33554367 succeeds, 1 bsl 33554368 is system_limit.
const MaxBigBits = (1<<19 - 1) * 64

// Add returns a + b.
func Add(h *Heap, a, b Term) (Term, error) {
	if a.IsSmall() && b.IsSmall() {
		return MakeInt(h, a.Small()+b.Small()), nil
	}
	return arith2(h, opAdd, a, b)
}

// Sub returns a - b.
func Sub(h *Heap, a, b Term) (Term, error) {
	if a.IsSmall() && b.IsSmall() {
		return MakeInt(h, a.Small()-b.Small()), nil
	}
	return arith2(h, opSub, a, b)
}

// Mul returns a * b.
func Mul(h *Heap, a, b Term) (Term, error) {
	if a.IsSmall() && b.IsSmall() {
		x, y := a.Small(), b.Small()
		hi, lo := bits.Mul64(absU(x), absU(y))
		if hi == 0 && lo <= math.MaxInt64 {
			p := int64(lo)
			if (x < 0) != (y < 0) {
				p = -p
			}
			return MakeInt(h, p), nil
		}
	}
	return arith2(h, opMul, a, b)
}

func absU(x int64) uint64 {
	if x < 0 {
		return -uint64(x)
	}
	return uint64(x)
}

// Neg returns -a.
func Neg(h *Heap, a Term) (Term, error) {
	if a.IsSmall() {
		return MakeInt(h, -a.Small()), nil
	}
	x, f, isFloat, ok := numOf(h, a)
	switch {
	case !ok:
		return NonValue, ErrBadarith
	case isFloat:
		return MakeFloat(h, -f), nil
	}
	return makeIntResult(h, new(big.Int).Neg(x))
}

// IntDiv returns a div b: the integer quotient truncated toward zero.
func IntDiv(h *Heap, a, b Term) (Term, error) {
	if a.IsSmall() && b.IsSmall() {
		if b.Small() == 0 {
			return NonValue, ErrBadarith
		}
		return MakeInt(h, a.Small()/b.Small()), nil // MinSmall div -1 becomes a bignum
	}
	return intOp2(h, opDiv, a, b)
}

// Rem returns a rem b: the remainder of div, with the sign of a.
func Rem(h *Heap, a, b Term) (Term, error) {
	if a.IsSmall() && b.IsSmall() {
		if b.Small() == 0 {
			return NonValue, ErrBadarith
		}
		return MakeSmall(a.Small() % b.Small()), nil
	}
	return intOp2(h, opRem, a, b)
}

// FloatDiv returns a / b, always a float.
func FloatDiv(h *Heap, a, b Term) (Term, error) {
	x, ok1 := floatOperand(h, a)
	y, ok2 := floatOperand(h, b)
	if !ok1 || !ok2 || y == 0 {
		return NonValue, ErrBadarith
	}
	return makeFloatResult(h, x/y)
}

// Band, Bor and Bxor return the bitwise and, or and exclusive or of two integers, in two's
// complement for negative ones.
func Band(h *Heap, a, b Term) (Term, error) {
	if a.IsSmall() && b.IsSmall() {
		return a & b, nil // the tags are all ones, so and-ing the words keeps them
	}
	return intOp2(h, opBand, a, b)
}

func Bor(h *Heap, a, b Term) (Term, error) {
	if a.IsSmall() && b.IsSmall() {
		return a | b, nil
	}
	return intOp2(h, opBor, a, b)
}

func Bxor(h *Heap, a, b Term) (Term, error) {
	if a.IsSmall() && b.IsSmall() {
		return MakeSmall(a.Small() ^ b.Small()), nil
	}
	return intOp2(h, opBxor, a, b)
}

// Bnot returns bnot a, which is -a - 1.
func Bnot(h *Heap, a Term) (Term, error) {
	if a.IsSmall() {
		return MakeSmall(^a.Small()), nil
	}
	if !IsBigInt(h, a) {
		return NonValue, ErrBadarith
	}
	return makeIntResult(h, new(big.Int).Not(bigView(h, a)))
}

// Bsl returns a bsl n: a shifted left by n bits (right when n is negative). A result past
// MaxBigBits is ErrSystemLimit, whatever the size of n, unless a is 0.
func Bsl(h *Heap, a, n Term) (Term, error) {
	if !IsInteger(h, a) || !IsInteger(h, n) {
		return NonValue, ErrBadarith
	}
	if !n.IsSmall() {
		return shiftHuge(h, a, bigView(h, n).Sign() > 0)
	}
	return shiftInt(h, a, n.Small())
}

// Bsr returns a bsr n: an arithmetic shift right, rounding toward negative infinity.
func Bsr(h *Heap, a, n Term) (Term, error) {
	if !IsInteger(h, a) || !IsInteger(h, n) {
		return NonValue, ErrBadarith
	}
	if !n.IsSmall() {
		return shiftHuge(h, a, bigView(h, n).Sign() < 0)
	}
	return shiftInt(h, a, -n.Small()) // n is 60-bit, so -n cannot overflow
}

// shiftInt returns integer a shifted left by s bits (right when s < 0).
func shiftInt(h *Heap, a Term, s int64) (Term, error) {
	if a.IsSmall() {
		x := a.Small()
		switch {
		case s <= 0:
			return MakeSmall(x >> min(-s, 63)), nil
		case x == 0:
			return a, nil
		case s < 64 && x<<s>>s == x:
			return MakeInt(h, x<<s), nil
		}
	}
	x := bigView(h, a)
	if s <= 0 {
		return makeIntResult(h, new(big.Int).Rsh(x, uint(min(-s, MaxBigBits+1))))
	}
	if x.Sign() == 0 {
		return MakeSmall(0), nil
	}
	if int64(x.BitLen())+s > MaxBigBits {
		return NonValue, ErrSystemLimit
	}
	return makeIntResult(h, new(big.Int).Lsh(x, uint(s)))
}

// shiftHuge shifts integer a by a bignum count: left is system_limit unless a is 0; right
// leaves the sign, 0 or -1.
func shiftHuge(h *Heap, a Term, left bool) (Term, error) {
	sign := bigView(h, a).Sign()
	switch {
	case sign == 0:
		return MakeSmall(0), nil
	case left:
		return NonValue, ErrSystemLimit
	case sign < 0:
		return MakeSmall(-1), nil
	}
	return MakeSmall(0), nil
}

// Abs returns abs(a). Like erts, a float is negated only when it is below zero, so
// abs(-0.0) is -0.0 (checked with erl 25).
func Abs(h *Heap, a Term) (Term, error) {
	if a.IsSmall() {
		return MakeInt(h, max(a.Small(), -a.Small())), nil
	}
	x, f, isFloat, ok := numOf(h, a)
	switch {
	case !ok:
		return NonValue, ErrBadarg
	case isFloat && f < 0:
		return MakeFloat(h, -f), nil
	case isFloat || x.Sign() >= 0:
		return a, nil
	}
	return makeIntResult(h, new(big.Int).Neg(x))
}

// Float returns float(a): a itself when it is a float, else the nearest float to integer a;
// an integer too large for a float is ErrBadarg.
func Float(h *Heap, a Term) (Term, error) {
	if IsFloat(h, a) {
		return a, nil
	}
	f, ok := floatOperand(h, a)
	if !ok || math.IsInf(f, 0) {
		return NonValue, ErrBadarg
	}
	return MakeFloat(h, f), nil
}

// Round, Trunc, Ceil and Floor return number a as an integer: an integer is returned as it
// is, a float is rounded (halves away from zero), truncated toward zero, or rounded up or
// down. A non-number is ErrBadarg.
func Round(h *Heap, a Term) (Term, error) { return toInteger(h, a, math.Round) }
func Trunc(h *Heap, a Term) (Term, error) { return toInteger(h, a, math.Trunc) }
func Ceil(h *Heap, a Term) (Term, error)  { return toInteger(h, a, math.Ceil) }
func Floor(h *Heap, a Term) (Term, error) { return toInteger(h, a, math.Floor) }

func toInteger(h *Heap, a Term, rnd func(float64) float64) (Term, error) {
	if a.IsSmall() {
		return a, nil
	}
	_, f, isFloat, ok := numOf(h, a)
	switch {
	case !ok:
		return NonValue, ErrBadarg
	case !isFloat:
		return a, nil
	}
	r := rnd(f)
	if r >= -(1<<63) && r < 1<<63 {
		return MakeInt(h, int64(r)), nil
	}
	x, _ := new(big.Float).SetFloat64(r).Int(nil) // r is integral: exact
	return MakeBigInt(h, x), nil
}

type arithOp uint8

const (
	opAdd arithOp = iota
	opSub
	opMul
	opDiv
	opRem
	opBand
	opBor
	opBxor
)

// numOf classifies t: an integer (as bigView gives it: read-only), a float, or neither
// (ok false).
func numOf(h *Heap, t Term) (x *big.Int, f float64, isFloat, ok bool) {
	if t.IsSmall() {
		return big.NewInt(t.Small()), 0, false, true
	}
	k, boxed := boxedKind(h, t)
	switch {
	case !boxed:
		return nil, 0, false, false
	case k == KindFloat:
		return nil, FloatOf(h, t), true, true
	case k == KindBigPos || k == KindBigNeg:
		return bigView(h, t), 0, false, true
	}
	return nil, 0, false, false
}

// floatOperand returns number t converted to a float (±Inf for an integer too large).
func floatOperand(h *Heap, t Term) (float64, bool) {
	if t.IsSmall() {
		return float64(t.Small()), true
	}
	x, f, isFloat, ok := numOf(h, t)
	if !ok || isFloat {
		return f, ok
	}
	return bigToFloat(x), true
}

func bigToFloat(x *big.Int) float64 {
	f, _ := new(big.Float).SetInt(x).Float64()
	return f
}

// arith2 is the general path of +, - and *: mixed integer and float operands become floats.
func arith2(h *Heap, op arithOp, a, b Term) (Term, error) {
	x, fx, xf, ok1 := numOf(h, a)
	y, fy, yf, ok2 := numOf(h, b)
	if !ok1 || !ok2 {
		return NonValue, ErrBadarith
	}
	if xf || yf {
		if !xf {
			fx = bigToFloat(x)
		}
		if !yf {
			fy = bigToFloat(y)
		}
		if math.IsInf(fx, 0) || math.IsInf(fy, 0) {
			return NonValue, ErrBadarith
		}
		switch op {
		case opAdd:
			return makeFloatResult(h, fx+fy)
		case opSub:
			return makeFloatResult(h, fx-fy)
		}
		return makeFloatResult(h, fx*fy)
	}
	switch op {
	case opAdd:
		return makeIntResult(h, new(big.Int).Add(x, y))
	case opSub:
		return makeIntResult(h, new(big.Int).Sub(x, y))
	}
	if x.BitLen()+y.BitLen()-1 > MaxBigBits {
		return NonValue, ErrSystemLimit // refuse before spending time on a product too large
	}
	return makeIntResult(h, new(big.Int).Mul(x, y))
}

// intOp2 is the general path of div, rem, band, bor and bxor: both operands must be integers.
func intOp2(h *Heap, op arithOp, a, b Term) (Term, error) {
	if !IsInteger(h, a) || !IsInteger(h, b) {
		return NonValue, ErrBadarith
	}
	x, y := bigView(h, a), bigView(h, b)
	switch op {
	case opDiv, opRem:
		if y.Sign() == 0 {
			return NonValue, ErrBadarith
		}
		if op == opDiv {
			return makeIntResult(h, new(big.Int).Quo(x, y))
		}
		return makeIntResult(h, new(big.Int).Rem(x, y))
	case opBand:
		return makeIntResult(h, new(big.Int).And(x, y))
	case opBor:
		return makeIntResult(h, new(big.Int).Or(x, y))
	}
	return makeIntResult(h, new(big.Int).Xor(x, y))
}

func makeIntResult(h *Heap, x *big.Int) (Term, error) {
	if x.BitLen() > MaxBigBits {
		return NonValue, ErrSystemLimit
	}
	return MakeBigInt(h, x), nil
}

func makeFloatResult(h *Heap, f float64) (Term, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return NonValue, ErrBadarith
	}
	return MakeFloat(h, f), nil
}

// bigView returns integer t as a *big.Int. A bignum's limbs are not copied: the result reads
// them where they lie in the heap or literal area, so it must never be the receiver of a
// math/big operation (every operation here writes into a new big.Int) and must not be kept
// past the heap's next collection.
func bigView(h *Heap, t Term) *big.Int {
	if t.IsSmall() {
		return big.NewInt(t.Small())
	}
	w := h.Words(t)
	n := HeaderSize(w[0])
	x := new(big.Int).SetBits(unsafe.Slice((*big.Word)(unsafe.Pointer(&w[1])), n))
	if HeaderKind(w[0]) == KindBigNeg {
		x.Neg(x) // flips the sign only; the limbs stay untouched
	}
	return x
}
