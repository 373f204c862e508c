package vm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beamlite/beamlite/value"
	"github.com/beamlite/beamlite/vm/term"
)

// Conversions between atoms, integers, floats, lists and binaries, with erts's rules for
// what is accepted (checked against erl 25 in TestBifConvert and, where erl is installed,
// TestBifErlangReference).
//
// Atom names are stored as UTF-8 Go strings. An atom has at most 255 characters (code
// points); a longer name is system_limit, as is a full atom table.

const maxAtomChars = 255

var (
	atomLatin1  = term.MustIntern("latin1")
	atomUTF8    = term.MustIntern("utf8")
	atomUnicode = term.MustIntern("unicode")
)

func init() {
	registerBif("erlang", "atom_to_list", 1, func(p *Process, a []term.Term) term.Term {
		if !a[0].IsAtom() {
			return p.badarg()
		}
		name := term.AtomName(a[0])
		p.charge(len(name) / buildPerRed)
		return stringToList(&p.heap.Heap, name)
	})
	registerBif("erlang", "list_to_atom", 1, func(p *Process, a []term.Term) term.Term {
		name, ok := listToString(&p.heap.Heap, a[0])
		if !ok {
			return p.badarg()
		}
		return p.makeAtom(name, false)
	})
	registerBif("erlang", "list_to_existing_atom", 1, func(p *Process, a []term.Term) term.Term {
		name, ok := listToString(&p.heap.Heap, a[0])
		if !ok {
			return p.badarg()
		}
		return p.makeAtom(name, true)
	})
	registerBif("erlang", "atom_to_binary", 1, func(p *Process, a []term.Term) term.Term {
		return p.atomToBinary(a[0], atomUTF8)
	})
	registerBif("erlang", "atom_to_binary", 2, func(p *Process, a []term.Term) term.Term {
		return p.atomToBinary(a[0], a[1])
	})
	registerBif("erlang", "binary_to_atom", 1, func(p *Process, a []term.Term) term.Term {
		return p.binaryToAtom(a[0], atomUTF8, false)
	})
	registerBif("erlang", "binary_to_atom", 2, func(p *Process, a []term.Term) term.Term {
		return p.binaryToAtom(a[0], a[1], false)
	})
	registerBif("erlang", "binary_to_existing_atom", 1, func(p *Process, a []term.Term) term.Term {
		return p.binaryToAtom(a[0], atomUTF8, true)
	})
	registerBif("erlang", "binary_to_existing_atom", 2, func(p *Process, a []term.Term) term.Term {
		return p.binaryToAtom(a[0], a[1], true)
	})

	intToText := func(p *Process, i, base term.Term, asBinary bool) term.Term {
		h := &p.heap.Heap
		b, ok := baseArg(base)
		if !ok || !term.IsInteger(h, i) {
			return p.badarg()
		}
		var s string
		if i.IsSmall() {
			s = strconv.FormatInt(i.Small(), b)
		} else {
			s = term.ToBig(h, i).Text(b)
		}
		if b > 10 {
			s = strings.ToUpper(s)
		}
		// A bignum's conversion is quadratic in its length: a reduction per 16 digits, and
		// per 16 squared 64-digit blocks.
		p.charge(len(s)/walkPerRed + (len(s)/64)*(len(s)/64)/walkPerRed)
		return textResult(h, s, asBinary)
	}
	ten := term.MakeSmall(10)
	registerBif("erlang", "integer_to_list", 1, func(p *Process, a []term.Term) term.Term { return intToText(p, a[0], ten, false) })
	registerBif("erlang", "integer_to_list", 2, func(p *Process, a []term.Term) term.Term { return intToText(p, a[0], a[1], false) })
	registerBif("erlang", "integer_to_binary", 1, func(p *Process, a []term.Term) term.Term { return intToText(p, a[0], ten, true) })
	registerBif("erlang", "integer_to_binary", 2, func(p *Process, a []term.Term) term.Term { return intToText(p, a[0], a[1], true) })

	textToInt := func(p *Process, t, base term.Term, fromBinary bool) term.Term {
		b, ok := baseArg(base)
		if !ok {
			return p.badarg()
		}
		s, ok := textArg(&p.heap.Heap, t, fromBinary)
		if !ok {
			return p.badarg()
		}
		p.charge(len(s)/walkPerRed + (len(s)/64)*(len(s)/64)/walkPerRed)
		return p.parseInteger(s, b)
	}
	registerBif("erlang", "list_to_integer", 1, func(p *Process, a []term.Term) term.Term { return textToInt(p, a[0], ten, false) })
	registerBif("erlang", "list_to_integer", 2, func(p *Process, a []term.Term) term.Term { return textToInt(p, a[0], a[1], false) })
	registerBif("erlang", "binary_to_integer", 1, func(p *Process, a []term.Term) term.Term { return textToInt(p, a[0], ten, true) })
	registerBif("erlang", "binary_to_integer", 2, func(p *Process, a []term.Term) term.Term { return textToInt(p, a[0], a[1], true) })

	floatToText := func(p *Process, f, opts term.Term, asBinary bool) term.Term {
		h := &p.heap.Heap
		if !term.IsFloat(h, f) {
			return p.badarg()
		}
		s, ok := formatFloatOpts(h, term.FloatOf(h, f), opts)
		if !ok {
			return p.badarg()
		}
		return textResult(h, s, asBinary)
	}
	registerBif("erlang", "float_to_list", 1, func(p *Process, a []term.Term) term.Term { return floatToText(p, a[0], term.Nil, false) })
	registerBif("erlang", "float_to_list", 2, func(p *Process, a []term.Term) term.Term { return floatToText(p, a[0], a[1], false) })
	registerBif("erlang", "float_to_binary", 1, func(p *Process, a []term.Term) term.Term { return floatToText(p, a[0], term.Nil, true) })
	registerBif("erlang", "float_to_binary", 2, func(p *Process, a []term.Term) term.Term { return floatToText(p, a[0], a[1], true) })

	textToFloat := func(p *Process, t term.Term, fromBinary bool) term.Term {
		s, ok := textArg(&p.heap.Heap, t, fromBinary)
		if !ok {
			return p.badarg()
		}
		f, ok := parseFloat(s)
		if !ok {
			return p.badarg()
		}
		return term.MakeFloat(&p.heap.Heap, f)
	}
	registerBif("erlang", "list_to_float", 1, func(p *Process, a []term.Term) term.Term { return textToFloat(p, a[0], false) })
	registerBif("erlang", "binary_to_float", 1, func(p *Process, a []term.Term) term.Term { return textToFloat(p, a[0], true) })
}

// listToString reads a proper list of Unicode code points (surrogates excluded) as a UTF-8
// string.
func listToString(h *term.Heap, l term.Term) (string, bool) {
	var sb strings.Builder
	for ; l.IsList(); l = h.Tail(l) {
		c := h.Head(l)
		if !c.IsSmall() || c.Small() < 0 || c.Small() > utf8.MaxRune {
			return "", false
		}
		r := rune(c.Small())
		if !utf8.ValidRune(r) {
			return "", false
		}
		sb.WriteRune(r)
	}
	return sb.String(), l == term.Nil
}

// textArg reads the text argument of a list_to_*/binary_to_* BIF: a list of characters, or a
// binary whose bytes are the characters (byte values, not UTF-8: a number is ASCII anyway).
func textArg(h *term.Heap, t term.Term, fromBinary bool) (string, bool) {
	if fromBinary {
		if !term.IsBinary(h, t) {
			return "", false
		}
		return string(term.BinaryBytes(h, t)), true
	}
	b := make([]byte, 0, 16)
	for ; t.IsList(); t = h.Tail(t) {
		c := h.Head(t)
		if !c.IsSmall() || c.Small() < 0 || c.Small() > 0x7F {
			return "", false // no number has a non-ASCII character
		}
		b = append(b, byte(c.Small()))
	}
	return string(b), t == term.Nil
}

// textResult returns ASCII text s as a list of characters or as a binary.
func textResult(h *term.Heap, s string, asBinary bool) term.Term {
	if asBinary {
		return term.MakeBinary(h, []byte(s))
	}
	elems := make([]term.Term, len(s))
	for i := 0; i < len(s); i++ {
		elems[i] = term.MakeSmall(int64(s[i]))
	}
	return term.ListFromSlice(h, elems, term.Nil)
}

// makeAtom returns the atom named name (UTF-8): system_limit when the name has more than 255
// characters or the table is full; with existing, badarg when there is no such atom.
func (p *Process) makeAtom(name string, existing bool) term.Term {
	if utf8.RuneCountInString(name) > maxAtomChars {
		if existing {
			return p.badarg()
		}
		return p.fail(term.Error, term.SystemLimit)
	}
	if existing {
		a, ok := term.ExistingAtom(name)
		if !ok {
			return p.badarg()
		}
		return a
	}
	a, err := term.Intern(name)
	if err != nil {
		return p.fail(term.Error, term.SystemLimit)
	}
	return a
}

func (p *Process) atomToBinary(a, enc term.Term) term.Term {
	if !a.IsAtom() {
		return p.badarg()
	}
	name := term.AtomName(a)
	switch enc {
	case atomUTF8, atomUnicode:
		return term.MakeBinary(&p.heap.Heap, []byte(name))
	case atomLatin1:
		b := make([]byte, 0, len(name))
		for _, r := range name {
			if r > 0xFF {
				return p.badarg()
			}
			b = append(b, byte(r))
		}
		return term.MakeBinary(&p.heap.Heap, b)
	}
	return p.badarg()
}

func (p *Process) binaryToAtom(bin, enc term.Term, existing bool) term.Term {
	h := &p.heap.Heap
	if !term.IsBinary(h, bin) {
		return p.badarg()
	}
	b := term.BinaryBytes(h, bin)
	switch enc {
	case atomUTF8, atomUnicode:
		if !utf8.Valid(b) {
			return p.badarg()
		}
		return p.makeAtom(string(b), existing)
	case atomLatin1:
		if len(b) > maxAtomChars && !existing {
			return p.fail(term.Error, term.SystemLimit) // before converting a huge binary
		}
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return p.makeAtom(string(r), existing)
	}
	return p.badarg()
}

// baseArg reads a radix argument: a small integer 2..36.
func baseArg(t term.Term) (int, bool) {
	if !t.IsSmall() || t.Small() < 2 || t.Small() > 36 {
		return 0, false
	}
	return int(t.Small()), true
}

// digitValue returns the value of digit c in bases up to 36 (either case), or 99.
func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// parseInteger parses an optional sign and at least one digit of the given base, nothing
// else (no spaces, no underscores). A number larger than any integer may be is system_limit.
func (p *Process) parseInteger(s string, base int) term.Term {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return p.badarg()
	}
	for i := 0; i < len(s); i++ {
		if digitValue(s[i]) >= base {
			return p.badarg()
		}
	}
	if len(s) <= 11 { // 36^11 < 2^57: fits a small integer
		v, _ := strconv.ParseInt(s, base, 64)
		if neg {
			v = -v
		}
		return term.MakeSmall(v)
	}
	// Refuse before parsing a number that cannot be an integer: parsing costs time
	// quadratic in its length.
	digits := strings.TrimLeft(s, "0")
	if float64(len(digits)-1)*math.Log2(float64(base)) > term.MaxBigBits {
		return p.fail(term.Error, term.SystemLimit)
	}
	x, ok := new(big.Int).SetString(s, base)
	if !ok {
		return p.badarg()
	}
	if x.BitLen() > term.MaxBigBits {
		return p.fail(term.Error, term.SystemLimit)
	}
	if neg {
		x.Neg(x)
	}
	return term.MakeBigInt(&p.heap.Heap, x)
}

// parseFloat parses Erlang's float syntax, and nothing else: an optional sign, digits, a
// point, digits, and an optional exponent ([eE], optional sign, digits). "1e5", "1." and ".5"
// are not floats. A value too large for a double is badarg; a value too small becomes 0.0 or
// a denormal. Two quirks of erts (which hands the text to strtod as a C string) are kept, as
// erl 25 shows them: the text ends at a NUL character, and the point may be a comma.
func parseFloat(s string) (float64, bool) {
	if nul := strings.IndexByte(s, 0); nul >= 0 {
		s = s[:nul]
	}
	i := 0
	digits := func() bool {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > start
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if !digits() || i >= len(s) || (s[i] != '.' && s[i] != ',') {
		return 0, false
	}
	if s[i] == ',' {
		s = s[:i] + "." + s[i+1:]
	}
	i++
	if !digits() {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// Float formatting (float_to_list/2, float_to_binary/2).
const (
	floatScientific = iota
	floatDecimals
	floatShort
)

var (
	atomShort      = term.MustIntern("short")
	atomCompact    = term.MustIntern("compact")
	atomDecimals   = term.MustIntern("decimals")
	atomScientific = term.MustIntern("scientific")
)

// formatFloatOpts formats f as float_to_list(F, Opts) does in OTP 25. The last of
// {decimals, N} (0..253), {scientific, N} (0..249) and short decides the form; compact only
// matters with decimals; no option means {scientific, 20}.
func formatFloatOpts(h *term.Heap, f float64, opts term.Term) (string, bool) {
	mode, digits, compact := floatScientific, 20, false
	for ; opts.IsList(); opts = h.Tail(opts) {
		o := h.Head(opts)
		switch {
		case o == atomShort:
			mode = floatShort
		case o == atomCompact:
			compact = true
		case term.IsTuple(h, o) && term.TupleArity(h, o) == 2:
			tag, n := term.TupleElem(h, o, 0), term.TupleElem(h, o, 1)
			if !n.IsSmall() {
				return "", false
			}
			digits = int(n.Small())
			switch {
			case tag == atomDecimals && digits >= 0 && digits <= 253:
				mode = floatDecimals
			case tag == atomScientific && digits <= 249:
				mode = floatScientific
				if digits < 0 {
					digits = 6 // erts passes it to printf's "%.*e", which reads a negative precision as 6
				}
			default:
				return "", false
			}
		default:
			return "", false
		}
	}
	if opts != term.Nil {
		return "", false
	}
	switch mode {
	case floatShort:
		return formatShort(f), true
	case floatScientific:
		// erts prints with "%.*e" into a 256-byte buffer.
		s := strconv.FormatFloat(f, 'e', digits, 64)
		return s, len(s) <= 255
	}
	s := formatFixed(f, digits)
	if len(s) > 255 { // erts prints into a 256-byte buffer
		return "", false
	}
	if compact && strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		if s[len(s)-1] == '.' {
			s += "0"
		}
	}
	return s, true
}

// formatShort is float_to_list(F, [short]): the shortest digits that read back as F, in
// plain or exponent notation, whichever is shorter (ties to plain), except that an integral
// float of 2^53 or more is always in exponent notation (9.007199254740992e15), as erts
// does: its plain form would show digits the float does not hold.
func formatShort(f float64) string {
	if math.Abs(f) < 1<<53 {
		return value.FormatFloat(f)
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d[.ddd]e+XX
	mant, exp, _ := strings.Cut(s, "e")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	return mant + "e" + strings.TrimLeft(strings.TrimPrefix(exp, "+"), "0")
}

// pow10 are the powers of ten erts's fixed-point fast path uses, 1e0..1e18.
var pow10 = func() (p [19]float64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// formatFixed is float_to_list(F, [{decimals, D}]). erts (sys_double_to_chars_fast) does not
// round exactly: for |F| < 2^53 and D <= 18 it splits F into integer part and fraction, takes
// x = fraction × 10^D in double arithmetic, keeps trunc(x) digits and adds one when x's own
// fraction is at least 0.5, carrying into the integer part. So 0.125 gives "0.13" with D=2
// and 2.5 gives "3" with D=0, where exact rounding gives "0.12" and "2". Larger numbers and
// more decimals go to printf("%.*f"), which rounds the exact binary value half to even, as
// strconv does. TestBifFloatFormatErlang holds this against erl on thousands of floats.
func formatFixed(f float64, d int) string {
	af := math.Abs(f)
	if af >= 1<<53 || d >= len(pow10) {
		return strconv.FormatFloat(f, 'f', d, 64)
	}
	intPart := uint64(af)
	frac := af - float64(intPart) // exact
	// float64() rounds the product, as C does: no fused multiply-add.
	x := float64(frac * pow10[d])
	fracPart := uint64(x)
	if x-float64(fracPart) >= 0.5 {
		fracPart++
	}
	if scale := uint64(pow10[d]); fracPart >= scale {
		intPart++
		fracPart -= scale
	}
	var sb strings.Builder
	if math.Signbit(f) {
		sb.WriteByte('-')
	}
	sb.WriteString(strconv.FormatUint(intPart, 10))
	if d > 0 {
		sb.WriteByte('.')
		fs := strconv.FormatUint(fracPart, 10)
		sb.WriteString(strings.Repeat("0", d-len(fs)))
		sb.WriteString(fs)
	}
	return sb.String()
}
