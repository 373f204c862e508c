package term

import (
	"encoding/binary"
	"math/bits"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Hashing terms, for HAMT maps and (later) hash tables.
//
// Implementer notes. The hash is a function of the term's value only: never of a word offset,
// a space, or which heap, literal area or fragment holds the term. A HAMT is copied between
// processes word for word, and its structure (which slot holds which key) was decided by these
// hashes in another heap; a lookup in the copy must find the same slots. It is also the same
// in every run: the seed is a constant and atoms hash by name, not by table index. So a large
// map's shape and iteration order (maps:fold, MapRange) do not depend on the order in which
// atoms were interned, which concurrent processes make vary from run to run; and a failing
// test reproduces. An atom's name hash is computed once and cached by index (atomHash).
//
// Equal (=:=) terms hash equally whatever their form: a heap binary, an off-heap binary and a
// sub-binary with the same bits; a flatmap and a HAMT with the same entries (a map hashes as
// the sum of its entries' hashes, which no iteration order changes); 0.0 and -0.0 (equal in
// OTP 25). Integers need no such care: a value has one form (doc.go invariant 3).
//
// The mixing is xxHash64's round (multiply, rotate, multiply) per absorbed word, and its
// final avalanche; each class absorbs a distinct tag first, so the integer 5, the tuple {5}
// and the list [5] differ. The seed is fixed, as erts's internal hash is. The price: keys
// chosen to collide in all 64 bits (the round is invertible, so they can be computed) land in
// one collision bucket and make lookups linear. A random seed per boot would stop that, at
// the price of run-to-run reproducibility, which we keep, as erts does.

// Hash returns a 64-bit hash of t that is equal for terms that are =:=, independent of where
// the term lives, and fixed for the life of the VM.
func Hash(h *Heap, t Term) uint64 { return hashAvalanche(hashTerm(h, t, hashSeed)) }

const (
	hashSeed  = 0x27D4EB2F165667C5
	hashSeedE = 0x94D049BB133111EB // seeds a map entry's own hash
	hashP1    = 0x9E3779B185EBCA87
	hashP2    = 0xC2B2AE3D27D4EB4F
	hashP3    = 0x165667B19E3779F9
)

// Tags absorbed before each term's contents (in the low 8 bits; a small count or index may
// sit above them in the same word).
const (
	hashTagIntPos = 1 + iota
	hashTagIntNeg
	hashTagBigPos
	hashTagBigNeg
	hashTagFloat
	hashTagAtom
	hashTagRef
	hashTagFun
	hashTagExport
	hashTagPort
	hashTagPid
	hashTagTuple
	hashTagMap
	hashTagNil
	hashTagCons
	hashTagBits
)

func hashRound(acc, x uint64) uint64 {
	acc += x * hashP2
	acc = bits.RotateLeft64(acc, 31)
	return acc * hashP1
}

func hashAvalanche(x uint64) uint64 {
	x ^= x >> 33
	x *= hashP2
	x ^= x >> 29
	x *= hashP3
	x ^= x >> 32
	return x
}

// hashTerm absorbs t into acc. It iterates on list tails and on the last element of tuples
// and funs, so long lists cost no Go stack.
func hashTerm(h *Heap, t Term, acc uint64) uint64 {
	for {
		switch t & primaryMask {
		case primaryList:
			w := h.Words(t)
			acc = hashRound(acc, hashTagCons)
			acc = hashTerm(h, Term(w[0]), acc)
			t = Term(w[1])
			continue
		case primaryBoxed:
			w := h.Words(t)
			k := HeaderKind(w[0])
			n := HeaderSize(w[0])
			switch k {
			case KindTuple, KindFun, KindExportFun:
				tag := uint64(hashTagTuple)
				if k == KindFun {
					tag = hashTagFun
				} else if k == KindExportFun {
					tag = hashTagExport
				}
				acc = hashRound(acc, uint64(n)<<8|tag)
				if n == 0 {
					return acc
				}
				for i := 1; i < n; i++ {
					acc = hashTerm(h, Term(w[i]), acc)
				}
				t = Term(w[n])
				continue
			case KindFloat:
				f := FloatFromBits(w[1])
				if f == 0 {
					f = 0 // -0.0 =:= 0.0
				}
				return hashRound(hashRound(acc, hashTagFloat), FloatBits(f))
			case KindBigPos, KindBigNeg:
				l := limbsOf(w)
				tag := uint64(hashTagBigPos)
				if k == KindBigNeg {
					tag = hashTagBigNeg
				}
				acc = hashRound(acc, uint64(len(l))<<8|tag)
				for _, x := range l {
					acc = hashRound(acc, x)
				}
				return acc
			case KindHeapBin, KindRefBin, KindSubBin:
				data, nbits := bitsOf(h, t, w, k)
				return hashBits(acc, data, nbits)
			case KindFlatMap, KindHashMapRoot:
				return hashMap(h, t, w, k, acc)
			case KindRef:
				return hashRound(hashRound(acc, hashTagRef), w[1])
			case KindExtRef:
				return hashRound(hashRound(acc, w[1]<<8|hashTagRef), w[2])
			case KindExtPort:
				return hashRound(hashRound(acc, w[1]<<8|hashTagPort), w[2])
			case KindExtPid:
				return hashRound(hashRound(acc, w[1]<<8|hashTagPid), w[2]|w[3]<<32)
			}
			panic("term: Hash of a term of unknown kind")
		}
		switch t & immedMask {
		case tagSmall:
			i := t.Small()
			if i < 0 {
				return hashRound(acc, uint64(-i)<<4|hashTagIntNeg)
			}
			return hashRound(acc, uint64(i)<<4|hashTagIntPos)
		case tagAtom:
			return hashRound(acc, atomHash(t)^hashTagAtom)
		case tagPid:
			return hashRound(hashRound(acc, hashTagPid), uint64(t.PidIndex())|uint64(t.PidSerial())<<32)
		}
		if t == Nil {
			return hashRound(acc, hashTagNil)
		}
		panic("term: Hash of a non-term")
	}
}

// hashBits absorbs a bitstring: its size, then its bytes 8 at a time, the bits past the size
// cleared (readers of bitsOf may see anything there).
func hashBits(acc uint64, data []byte, nbits int) uint64 {
	acc = hashRound(acc, uint64(nbits)<<8|hashTagBits)
	full := nbits / 8
	i := 0
	for ; i+8 <= full; i += 8 {
		acc = hashRound(acc, binary.LittleEndian.Uint64(data[i:]))
	}
	var last [8]byte
	n := copy(last[:], data[i:full])
	if r := nbits % 8; r != 0 {
		last[n] = data[full] & (0xFF << (8 - r))
		n++
	}
	if n > 0 {
		acc = hashRound(acc, binary.LittleEndian.Uint64(last[:]))
	}
	return acc
}

// hashMap absorbs a map as its size and the sum of its entries' hashes, so the result does
// not depend on the order in which the entries are visited.
func hashMap(h *Heap, m Term, w []uint64, k Kind, acc uint64) uint64 {
	var sum uint64
	MapRange(h, m, func(key, val Term) bool {
		sum += hashAvalanche(hashTerm(h, val, hashTerm(h, key, hashSeedE)))
		return true
	})
	acc = hashRound(acc, uint64(mapSizeOf(w, k))<<8|hashTagMap)
	return hashRound(acc, sum)
}

// atomHashChunks caches atom name hashes by atom index, in chunks that never move (as the
// atom table keeps names). A zero entry is not computed yet: atomHash never returns 0. Readers
// take no lock. atomHashMu serialises adding chunks; without it, first uses racing to add a
// chunk could each add one and lose the other's entries, which is harmless (they would be
// computed again, to the same values) but wasteful.
type atomHashChunk [atomChunkSize]atomic.Uint64

var (
	atomHashMu     sync.Mutex
	atomHashChunks atomic.Pointer[[]*atomHashChunk]
)

// atomHash returns the hash of atom a's name. Safe from any goroutine.
func atomHash(a Term) uint64 {
	i := a.AtomIndex()
	if cs := atomHashChunks.Load(); cs != nil && int(i/atomChunkSize) < len(*cs) {
		if x := (*cs)[i/atomChunkSize][i%atomChunkSize].Load(); x != 0 {
			return x
		}
	}
	return atomHashSlow(a)
}

func atomHashSlow(a Term) uint64 {
	name := AtomName(a)
	x := hashAvalanche(hashBits(hashSeed, unsafe.Slice(unsafe.StringData(name), len(name)), 8*len(name))) | 1
	i := a.AtomIndex()
	atomHashMu.Lock()
	defer atomHashMu.Unlock()
	var cs []*atomHashChunk
	if p := atomHashChunks.Load(); p != nil {
		cs = *p
	}
	if int(i/atomChunkSize) >= len(cs) {
		grown := append([]*atomHashChunk(nil), cs...)
		for int(i/atomChunkSize) >= len(grown) {
			grown = append(grown, new(atomHashChunk))
		}
		atomHashChunks.Store(&grown)
		cs = grown
	}
	// Racing writers store the same value.
	cs[i/atomChunkSize][i%atomChunkSize].Store(x)
	return x
}
