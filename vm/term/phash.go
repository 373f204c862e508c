package term

import "encoding/binary"

// Portable hashing: erlang:phash2/1,2.
//
// Implementer notes. phash2's value is part of OTP's contract in practice: it is stable across
// nodes, releases and machines, and programs store it (a partition number, a bucket in a file).
// So Phash2 computes erts's make_hash2 exactly, for every term whose value is portable: numbers,
// atoms, lists, tuples, maps, binaries and bitstrings, and export funs (fun m:f/a). Its
// building blocks are Bob Jenkins's 1996 hash: the mix of three 32-bit words, and the block
// hash for bytes. Each kind of term mixes its contents with its own multiple of the golden ratio
// constant; an atom is the hashpjw of its name; a list of bytes is packed four bytes to a word
// (a string hashes fast); a map's entries are each hashed from zero and XORed together, so the
// order in which they are visited does not matter. Pids, references and closures hash by
// beamlite's own numbers (a pid's index, a reference's counter, a closure's index and
// uniq), which no other runtime shares, as no two nodes share them in erts either.
//
// Phash2 walks the term with an explicit stack, so a deep term costs no Go stack. It is
// independent of Hash, the 64-bit hash that HAMT maps use: that one is faster and mixes every
// bit of the term; this one must be OTP's.

const (
	phConst   = 0x9e3779b9 // the golden ratio; hconst(n) is n times it, mod 2^32
	phConst2  = 0x3c6ef372
	phConst3  = 0xdaa66d2b
	phConst4  = 0x78dde6e4
	phConst5  = 0x1715609d
	phConst6  = 0xb54cda56
	phConst7  = 0x5384540f
	phConst9  = 0x8ff34781
	phConst10 = 0x2e2ac13a
	phConst11 = 0xcc623af3
	phConst12 = 0x6a99b4ac
	phConst13 = 0x08d12e65
	phConst14 = 0xa708a81e
	phConst15 = 0x454021d7
	phConst16 = 0xe3779b90
	phConst19 = 0xbe1e08bb

	phNilWord  = 2          // erts's type code for [] (NIL_DEF), mixed in when [] is not first
	phNilFirst = 3468870702 // the hash of [] alone
)

// phMix is Bob Jenkins's mix of three 32-bit words.
func phMix(a, b, c uint32) (uint32, uint32, uint32) {
	a -= b
	a -= c
	a ^= c >> 13
	b -= c
	b -= a
	b ^= a << 8
	c -= a
	c -= b
	c ^= b >> 13
	a -= b
	a -= c
	a ^= c >> 12
	b -= c
	b -= a
	b ^= a << 16
	c -= a
	c -= b
	c ^= b >> 5
	a -= b
	a -= c
	a ^= c >> 3
	b -= c
	b -= a
	b ^= a << 10
	c -= a
	c -= b
	c ^= b >> 15
	return a, b, c
}

// phWords mixes x and y, each offset by k, into hash.
func phWords(x, y, k, hash uint32) uint32 {
	_, _, c := phMix(k+x, k+y, hash)
	return c
}

// phBlock is the block hash of data with initial value init: twelve bytes a round, then the
// rest with the length.
func phBlock(data []byte, init uint32) uint32 {
	a, b, c := uint32(phConst), uint32(phConst), init
	n := len(data)
	k := data
	for len(k) >= 12 {
		a += binary.LittleEndian.Uint32(k)
		b += binary.LittleEndian.Uint32(k[4:])
		c += binary.LittleEndian.Uint32(k[8:])
		a, b, c = phMix(a, b, c)
		k = k[12:]
	}
	c += uint32(n)
	// The last 0..11 bytes: a takes bytes 0-3, b 4-7, c 8-10 above its low byte (the length).
	for i := len(k) - 1; i >= 0; i-- {
		v := uint32(k[i])
		switch {
		case i >= 8:
			c += v << (8 * (i - 7))
		case i >= 4:
			b += v << (8 * (i - 4))
		default:
			a += v << (8 * i)
		}
	}
	_, _, c = phMix(a, b, c)
	return c
}

// phAtom is an atom's hash: hashpjw of its name, with two-byte UTF-8 sequences for Latin-1
// characters read as those characters (erts stores atoms as UTF-8 and hashes them so).
func phAtom(a Term) uint32 {
	name := AtomName(a)
	var h uint32
	for i := 0; i < len(name); i++ {
		v := name[i]
		if i+1 < len(name) && v&0xFE == 0xC2 && name[i+1]&0xC0 == 0x80 {
			v = v<<6 | name[i+1]&0x3F
			i++
		}
		h = h<<4 + uint32(v)
		if g := h & 0xf0000000; g != 0 {
			h ^= g >> 24
			h ^= g
		}
	}
	return h
}

// phInt64 mixes a 64-bit integer as erts mixes an integer outside 28 bits (or a bignum's
// digit): its magnitude's two halves, with the sign in the constant.
func phInt64(x int64, hash uint32) uint32 {
	k, m := uint32(phConst11), uint64(x)
	if x < 0 {
		k, m = phConst10, uint64(-x)
	}
	return phWords(uint32(m), uint32(m>>32), k, hash)
}

// phItem is an entry of Phash2's stack: a term still to hash, or a map marker.
type phItem struct {
	t    Term
	op   uint8 // phTerm, phMapPair, phMapTail
	hash uint32
	xor  uint32
}

const (
	phTerm    = iota
	phMapPair // a map entry's key and value are hashed: fold the hash into the XOR
	phMapTail // a map's entries are hashed: mix the XOR into the hash saved before the map
)

// Phash2 returns erts's make_hash2 of t: erlang:phash2(T) is Phash2 & (1<<27 - 1), and
// erlang:phash2(T, Range) is Phash2 mod Range.
func Phash2(h *Heap, t Term) uint32 {
	var hash, xor uint32
	var stack []phItem
	for {
		switch t & primaryMask {
		case primaryList:
			// A run of bytes is packed into words, four at a time.
			c, sh := 0, uint32(0)
			w := h.Words(t)
			for hd := Term(w[0]); hd.IsSmall() && hd.Small() >= 0 && hd.Small() <= 255; hd = Term(w[0]) {
				sh = sh<<8 + uint32(hd.Small())
				if c == 3 {
					hash = phWords(sh, 0, phConst4, hash)
					c, sh = 0, 0
				} else {
					c++
				}
				t = Term(w[1])
				if !t.IsList() {
					break
				}
				w = h.Words(t)
			}
			if c > 0 {
				hash = phWords(sh, 0, phConst4, hash)
			}
			if t.IsList() {
				w = h.Words(t)
				stack = append(stack, phItem{t: Term(w[1])})
				t = Term(w[0])
			}
			continue // the head, or the tail after a run of bytes
		case primaryBoxed:
			w := h.Words(t)
			k := HeaderKind(w[0])
			switch k {
			case KindTuple:
				n := HeaderSize(w[0])
				hash = phWords(uint32(n), 0, phConst9, hash)
				if n == 0 {
					break
				}
				for i := n; i > 1; i-- {
					stack = append(stack, phItem{t: Term(w[i])})
				}
				t = Term(w[1])
				continue
			case KindFlatMap, KindHashMapRoot:
				n := mapSizeOf(w, k)
				hash = phWords(uint32(n), 0, phConst16, hash)
				if n == 0 {
					break
				}
				stack = append(stack, phItem{op: phMapTail, hash: hash, xor: xor})
				hash, xor = 0, 0
				MapRange(h, t, func(key, val Term) bool {
					stack = append(stack, phItem{op: phMapPair}, phItem{t: val}, phItem{t: key})
					return true
				})
			case KindFun:
				index, uniq, nenv := ClosureInfo(h, t)
				hash = phWords(uint32(nenv), phAtom(FunModule(h, t)), phConst, hash)
				hash = phWords(uint32(index), uniq, phConst, hash)
				if nenv == 0 {
					break
				}
				for i := nenv - 1; i > 0; i-- {
					stack = append(stack, phItem{t: ClosureEnv(h, t, i)})
				}
				t = ClosureEnv(h, t, 0)
				continue
			case KindExportFun:
				hash = phWords(uint32(FunArity(h, t)), phAtom(FunModule(h, t)), phConst, hash)
				hash = phWords(phAtom(ExportFunName(h, t)), 0, phConst14, hash)
			case KindHeapBin, KindRefBin, KindSubBin:
				data, nbits := bitsOf(h, t, w, k)
				sz, rest := nbits/8, nbits%8
				con := phConst13 + hash
				if nbits == 0 {
					hash = con
					break
				}
				hash = phBlock(data[:sz], con)
				if rest > 0 {
					hash = phWords(uint32(rest), uint32(data[sz]>>(8-rest)), phConst15, hash)
				}
			case KindBigPos, KindBigNeg:
				con := uint32(phConst11)
				if k == KindBigNeg {
					con = phConst10
				}
				for _, d := range limbsOf(w) {
					hash = phWords(uint32(d), uint32(d>>32), con, hash)
				}
			case KindFloat:
				f := FloatFromBits(w[1])
				if f == 0 {
					f = 0 // -0.0 hashes as 0.0
				}
				b := FloatBits(f)
				hash = phWords(uint32(b>>32), uint32(b), phConst12, hash)
			case KindRef, KindExtRef:
				hash = phWords(uint32(w[1]), 0, phConst7, hash)
			case KindExtPid:
				hash = phWords(uint32(w[2]), 0, phConst5, hash)
			default: // KindExtPort
				hash = phWords(uint32(w[2]), uint32(w[2]>>32), phConst6, hash)
			}
		default:
			switch {
			case t.IsSmall():
				if x := t.Small(); x >= -(1<<27) && x < 1<<27 {
					y := int32(x)
					if y < 0 {
						hash = phWords(uint32(-y), 0, phConst, hash)
					}
					hash = phWords(uint32(y), 0, phConst, hash)
				} else {
					hash = phInt64(x, hash)
				}
			case t.IsAtom():
				if hash == 0 {
					hash = phAtom(t)
				} else {
					hash = phWords(phAtom(t), 0, phConst3, hash)
				}
			case t == Nil:
				if hash == 0 {
					hash = phNilFirst
				} else {
					hash = phWords(phNilWord, 0, phConst2, hash)
				}
			case t.IsPid():
				hash = phWords(t.PidIndex(), 0, phConst5, hash)
			}
		}
		// The term is hashed: take the next one, acting on map markers on the way.
		for {
			if len(stack) == 0 {
				return hash
			}
			it := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch it.op {
			case phMapPair:
				xor ^= hash
				hash = 0
				continue
			case phMapTail:
				hash = phWords(xor, 0, phConst19, it.hash)
				xor = it.xor
				continue
			}
			t = it.t
			break
		}
	}
}
