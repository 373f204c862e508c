package vm

// Binary construction and matching: the bs_* instructions.
//
// Construction (binary_create.go). bs_create_bin makes two passes over its segments: the
// first resolves every segment's size in bits (checking sizes, the unit of a whole binary,
// float sizes and code points) and sums them, the second writes the segments into a zeroed Go
// buffer through a bit writer. Only then is the result put on the heap, so a failing segment
// leaves the heap untouched. A result of at most term.MaxHeapBinary bytes is a heap binary
// (built from a buffer on the Go stack); a larger one becomes an off-heap binary that takes
// the buffer itself (no second copy), behind a sub binary when it ends inside a byte. An
// append (<<Acc/binary, ...>>) gets a buffer with spare capacity, and the next append to the
// result writes into it in place (binAppend), so a binary built in a loop is not copied at
// every step. bs_create_bin charges a reduction per 64 bytes it writes.
//
// Match contexts. bs_start_match puts a match context in its dst: an ordinary KindSubBin
// object [header, offset, size, binary] on the process heap whose raw offset word is the bit
// position of the next bit to match in the underlying binary and whose raw size word is the
// number of bits left. Matching advances the two words in place. Why this layout:
//
//   - The collector moves it like any other object: term.RawWords says the offset and size
//     words are raw, so they are copied as they are, and the binary word is a term that the
//     collector follows and rewrites. A context therefore lives in x or y registers across
//     calls and collections (TestBinaryMatchSurvivesGC runs with a collection at almost every
//     safe point).
//   - Writing raw words never stores a pointer, so the collector's invariant that no old
//     object points to a young one holds even after the context has been promoted.
//   - At every moment the context is a valid sub binary of the unmatched rest. bs_get_tail
//     is a three-word copy, and a context that escapes (a hand-written .bl program passing
//     one to a BIF; the verifier stops this within a function, not across calls) reads as
//     the rest of the binary, never as garbage.
//   - The underlying binary is never itself a sub binary (MakeSubBinary's rule), so reading a
//     segment is one step: the context's words, then the binary's bytes (term.BinaryBytes,
//     zero-copy for heap and off-heap binaries).
//
// bs_start_match always allocates a fresh context (4 words) rather than reusing its source:
// the source may be a sub binary that the program still holds as a value, and advancing it in
// place would change an immutable term. bs_get_position returns the absolute bit offset in
// the underlying binary; offset + size (the end) does not change while matching, so
// bs_set_position(pos) sets offset = pos and size = end - pos, and a pos outside [0, end] is
// badarg. A position before the context's start can only come from another context; it
// stays inside the same binary, so it cannot read outside memory that the process owns.
//
// Rejected: a new term kind for contexts (needs changes in term and gc for nothing the sub
// binary layout lacks, and a context could then never be read as a value); a Go struct in a
// per-process side table indexed from the register (needs its own liveness tracking at every
// collection, and copying the register would alias or orphan it).
//
// Errors. With a fail label every failure jumps there. Without one, bs_create_bin raises
// badarg, or system_limit for a size of more than maxBinaryBits (OTP 25 does the same for a
// bignum size); the matching instructions raise badarg.

import (
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/vm/term"
)

// binaryInstr executes one binary construction or matching instruction (bs_*). Instructions
// with a fail label take it as args[0]; stepFail jumps there, stepRaise means p.exc is set.
func (p *Process) binaryInstr(lits []term.Term, in *instr) step {
	h := &p.heap.Heap
	switch in.op {
	case bytecode.BsGetInteger:
		w := h.Words(p.get(lits, operand(in.args[1])))
		n, ok := p.matchSize(lits, operand(in.args[2]), in.args[3], 8)
		if !ok || n > int(w[2]) {
			return p.matchFail(in)
		}
		if n <= 64 && in.args[4]&uint32(bytecode.BsLittle|bytecode.BsNative|bytecode.BsSigned) == 0 {
			// The common case: an unsigned big-endian integer of at most 64 bits.
			off := int(w[1])
			w[1], w[2] = uint64(off+n), w[2]-uint64(n)
			data := binData(h, term.Term(w[3]))
			if n == 8 && off&7 == 0 {
				p.put(operand(in.args[5]), term.MakeSmall(int64(data[off>>3])))
				return stepNext
			}
			p.put(operand(in.args[5]), makeUint(h, readBits(data, off, n)))
			return stepNext
		}
		return p.getInteger(in, w, n)
	case bytecode.BsTestTail:
		if h.Words(p.get(lits, operand(in.args[1])))[2] != uint64(in.args[2]) {
			return p.matchFail(in)
		}
		return stepNext
	case bytecode.BsTestUnit:
		if h.Words(p.get(lits, operand(in.args[1])))[2]%uint64(in.args[2]) != 0 {
			return p.matchFail(in)
		}
		return stepNext
	case bytecode.BsSkipBits:
		w := h.Words(p.get(lits, operand(in.args[1])))
		n, ok := int(w[2]), true
		if operand(in.args[2]) != opNone {
			n, ok = p.matchSize(lits, operand(in.args[2]), in.args[3], 8)
		}
		if !ok || n > int(w[2]) || n%int(in.args[3]) != 0 {
			return p.matchFail(in)
		}
		w[1], w[2] = w[1]+uint64(n), w[2]-uint64(n)
		return stepNext
	case bytecode.BsGetPosition:
		p.put(operand(in.args[1]), term.MakeSmall(int64(h.Words(p.get(lits, operand(in.args[0])))[1])))
		return stepNext
	case bytecode.BsSetPosition:
		return p.setPosition(lits, in)
	case bytecode.BsStartMatch:
		return p.startMatch(lits, in)
	case bytecode.BsCreateBin: // the loop calls createBin itself, to charge its cost
		st, _ := p.createBin(lits, in)
		return st
	case bytecode.BsGetTail:
		p.put(operand(in.args[1]), restOf(h, p.get(lits, operand(in.args[0]))))
		return stepNext
	}
	return p.matchSegment(lits, in)
}

// matchFail is the outcome of a failed match instruction: its fail label, or badarg.
func (p *Process) matchFail(in *instr) step {
	if in.args[0] != noLabel {
		return stepFail
	}
	p.raiseError(term.Badarg)
	return stepRaise
}
