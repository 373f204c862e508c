package term

import "math"

// Term is one Erlang term: a tagged 64-bit word. An immediate holds its whole value; a pointer
// holds the location of a boxed object or cons cell in a heap, a literal area or a message
// fragment. The layout is described in doc.go.
type Term uint64

// Primary tags: the low two bits of every word.
const (
	primaryMask   = 0x3
	primaryHeader = 0x0 // the first word of a boxed object; never a term on its own
	primaryList   = 0x1 // pointer to a cons cell
	primaryBoxed  = 0x2 // pointer to a boxed object (it starts with a header)
	primaryImmed  = 0x3
)

// Immediate tags: the low four bits of an immediate.
const (
	immedMask  = 0xF
	tagAtom    = 0x3 // 0b0011: atom index << 4
	tagPid     = 0x7 // 0b0111: local pid (index | serial << 28) << 4
	tagSpecial = 0xB // 0b1011: the special immediates below
	tagSmall   = 0xF // 0b1111: signed 60-bit integer << 4
)

// Special immediates.
const (
	// Nil is [].
	Nil Term = 0x0<<4 | tagSpecial
	// NonValue is the VM's "no term here" marker: an unset register, an absent result, and the
	// forwarding mark the collector leaves in a moved cons cell. No program can ever see it.
	NonValue Term = 0x1<<4 | tagSpecial
)

// Small integers are 60-bit two's complement.
const (
	SmallBits       = 60
	MaxSmall  int64 = 1<<(SmallBits-1) - 1
	MinSmall  int64 = -1 << (SmallBits - 1)
)

// Pointer spaces: bits 2–3 of a list or boxed pointer say which word array it points into.
const (
	SpaceYoung    = 0 // the owning process's young generation
	SpaceOld      = 1 // the owning process's old generation
	SpaceLiteral  = 2 // a module's literal area, shared by all processes
	SpaceFragment = 3 // a message fragment, offset relative to its start
)

// Literal pointers split their 60 address bits into an area id and an offset.
const (
	literalOffsetBits = 40
	literalOffsetMask = 1<<literalOffsetBits - 1
	// MaxLiteralAreas is how many literal areas (one per loaded module version) can exist.
	MaxLiteralAreas = 1 << (60 - literalOffsetBits)
)

// Kind is the type of a boxed object, stored in its header word.
type Kind uint8

// Boxed kinds. Headers keep the kind in bits 2–7 and the payload size in words in bits 8–63.
// The numbering is part of the fragment and literal-area formats: append only.
const (
	KindTuple       Kind = 0  // payload: the elements (terms); size = arity
	KindFloat       Kind = 1  // payload: 1 raw word, the IEEE bits
	KindBigPos      Kind = 2  // payload: raw little-endian uint64 limbs of the magnitude
	KindBigNeg      Kind = 3  // as KindBigPos, for a negative integer
	KindHeapBin     Kind = 4  // payload: raw bit length, then the bytes packed 8 per word, little-endian
	KindRefBin      Kind = 5  // payload: raw index into the heap's off-heap binary table (Heap.Bins)
	KindSubBin      Kind = 6  // payload: raw bit offset, raw bit size, then the term of the binary it views
	KindFlatMap     Kind = 7  // payload: a tuple of the sorted keys (term), then the values (terms)
	KindHashMapRoot Kind = 8  // payload: raw 32-bit bitmap, raw entry count, then the children (terms)
	KindHashMapNode Kind = 9  // payload: raw 32-bit bitmap, then the children (terms)
	KindHashMapColl Kind = 10 // payload: a collision bucket: key, value, key, value, … (terms)
	KindFun         Kind = 11 // payload: module atom, index, arity, uniq (small ints), then the captured values
	KindExportFun   Kind = 12 // payload: module atom, function atom, arity (small int)
	KindRef         Kind = 13 // payload: 1 raw word, the reference number
	KindExtPid      Kind = 14 // payload: raw node, index, serial (reserved for distribution)
	KindExtRef      Kind = 15 // payload: raw node, id (reserved for distribution)
	KindExtPort     Kind = 16 // payload: raw node, id (reserved for distribution)
	numKinds             = 17
)

var kindNames = [numKinds]string{
	"tuple", "float", "bigpos", "bigneg", "heapbin", "refbin", "subbin", "flatmap",
	"hashmap_root", "hashmap_node", "hashmap_collision", "fun", "export_fun", "ref",
	"ext_pid", "ext_ref", "ext_port",
}

func (k Kind) String() string {
	if int(k) < numKinds {
		return kindNames[k]
	}
	return "kind?"
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return int(k) < numKinds }

// RawWords returns how many leading payload words of an object of kind k and payload size
// size are raw data rather than terms. The collector copies raw words as they are and scans the
// rest; every kind's layout is fixed by this one function.
func RawWords(k Kind, size int) int {
	switch k {
	case KindTuple, KindFlatMap, KindHashMapColl, KindFun, KindExportFun:
		return 0
	case KindSubBin, KindHashMapRoot:
		return 2
	case KindHashMapNode:
		return 1
	default: // float, bignums, binaries, refs, external identifiers
		return size
	}
}

// MakeHeader returns the header word of a boxed object.
func MakeHeader(k Kind, size int) uint64 { return uint64(size)<<8 | uint64(k)<<2 | primaryHeader }

// HeaderKind returns the kind in header word h.
func HeaderKind(h uint64) Kind { return Kind(h >> 2 & 0x3F) }

// HeaderSize returns the payload size in words in header word h.
func HeaderSize(h uint64) int { return int(h >> 8) }

// IsHeader reports whether word w is a header.
func IsHeader(w uint64) bool { return w&primaryMask == primaryHeader }

// Pointer constructors and accessors.

// MakeList returns a list pointer to the cons cell at off in space.
func MakeList(space int, off uint64) Term {
	return Term(off<<4 | uint64(space)<<2 | primaryList)
}

// MakeBoxed returns a boxed pointer to the object at off in space.
func MakeBoxed(space int, off uint64) Term {
	return Term(off<<4 | uint64(space)<<2 | primaryBoxed)
}

// MakeLiteralAddr returns the 60-bit address of word off of literal area area.
func MakeLiteralAddr(area int, off uint64) uint64 {
	return uint64(area)<<literalOffsetBits | off
}

// LiteralAddr splits a literal pointer's address into area id and offset.
func LiteralAddr(addr uint64) (area int, off uint64) {
	return int(addr >> literalOffsetBits), addr & literalOffsetMask
}

// IsList reports whether t is a pointer to a cons cell (a non-empty list).
func (t Term) IsList() bool { return t&primaryMask == primaryList }

// IsBoxed reports whether t is a pointer to a boxed object.
func (t Term) IsBoxed() bool { return t&primaryMask == primaryBoxed }

// IsPointer reports whether t is a list or boxed pointer.
func (t Term) IsPointer() bool { return t&primaryMask == primaryList || t&primaryMask == primaryBoxed }

// IsImmediate reports whether t holds its whole value.
func (t Term) IsImmediate() bool { return t&primaryMask == primaryImmed }

// Space returns which word array pointer t points into.
func (t Term) Space() int { return int(t >> 2 & 0x3) }

// Addr returns pointer t's 60-bit address (an offset, or for literals area and offset).
func (t Term) Addr() uint64 { return uint64(t) >> 4 }

// WithAddr returns pointer t moved to addr in space, keeping its list or boxed tag.
func (t Term) WithAddr(space int, addr uint64) Term {
	return Term(addr<<4 | uint64(space)<<2 | uint64(t)&primaryMask)
}

// Immediates.

// IsSmall reports whether t is a small integer.
func (t Term) IsSmall() bool { return t&immedMask == tagSmall }

// FitsSmall reports whether i can be a small integer.
func FitsSmall(i int64) bool { return i >= MinSmall && i <= MaxSmall }

// MakeSmall returns the small integer i; i must satisfy FitsSmall.
func MakeSmall(i int64) Term { return Term(uint64(i)<<4 | tagSmall) }

// Small returns t's value; t must be a small integer.
func (t Term) Small() int64 { return int64(t) >> 4 }

// IsAtom reports whether t is an atom.
func (t Term) IsAtom() bool { return t&immedMask == tagAtom }

// MakeAtom returns the atom with table index i.
func MakeAtom(i uint32) Term { return Term(uint64(i)<<4 | tagAtom) }

// AtomIndex returns atom t's index in the atom table.
func (t Term) AtomIndex() uint32 { return uint32(t >> 4) }

// IsNil reports whether t is [].
func (t Term) IsNil() bool { return t == Nil }

// IsPid reports whether t is a local pid.
func (t Term) IsPid() bool { return t&immedMask == tagPid }

// PidIndexBits is the width of a local pid's process-table index; the serial takes the rest.
const PidIndexBits = 28

// MakePid returns the local pid for process-table slot index (< 1<<PidIndexBits) and serial.
func MakePid(index, serial uint32) Term {
	return Term((uint64(serial)<<PidIndexBits|uint64(index))<<4 | tagPid)
}

// PidIndex returns local pid t's process-table slot.
func (t Term) PidIndex() uint32 { return uint32(t>>4) & (1<<PidIndexBits - 1) }

// PidSerial returns local pid t's serial number.
func (t Term) PidSerial() uint32 { return uint32(t >> (4 + PidIndexBits)) }

// FloatBits and FloatFromBits convert between a float and the raw word stored in a box.
func FloatBits(f float64) uint64     { return math.Float64bits(f) }
func FloatFromBits(w uint64) float64 { return math.Float64frombits(w) }

// Bool returns the atom true or false.
func Bool(b bool) Term {
	if b {
		return True
	}
	return False
}
