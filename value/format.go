package value

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Format returns t as io:format's "~w" writes it: every list as a list, every binary as bytes.
func Format(t Term) string {
	var b strings.Builder
	write(&b, t, false)
	return b.String()
}

// Print returns t as io:format's "~p" writes it on one line: lists of printable characters as
// "strings" and binaries of printable characters as <<"strings">>.
func Print(t Term) string {
	var b strings.Builder
	write(&b, t, true)
	return b.String()
}

func write(b *strings.Builder, t Term, pretty bool) {
	switch t := t.(type) {
	case Atom:
		b.WriteString(QuoteAtom(string(t)))
	case Int:
		b.WriteString(strconv.FormatInt(int64(t), 10))
	case BigInt:
		b.WriteString(t.V.String())
	case Float:
		b.WriteString(FormatFloat(float64(t)))
	case Tuple:
		b.WriteByte('{')
		for i, e := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			write(b, e, pretty)
		}
		b.WriteByte('}')
	case List:
		if pretty && isPrintableList(t) {
			writeQuoted(b, listChars(t), '"')
			return
		}
		b.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			write(b, e, pretty)
		}
		b.WriteByte(']')
	case ImproperList:
		b.WriteByte('[')
		for i, e := range t.Elems {
			if i > 0 {
				b.WriteByte(',')
			}
			write(b, e, pretty)
		}
		b.WriteByte('|')
		write(b, t.Tail, pretty)
		b.WriteByte(']')
	case Map:
		b.WriteString("#{")
		for i := range t.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			write(b, t.Keys[i], pretty)
			b.WriteString(" => ")
			write(b, t.Values[i], pretty)
		}
		b.WriteByte('}')
	case Binary:
		writeBits(b, t, 0, pretty)
	case Bitstring:
		whole := t.Bits / 8
		writeBits(b, t.Bytes[:whole], t.Bits%8, pretty, t.Bytes[whole:]...)
	case Pid:
		fmt.Fprintf(b, "<%d.%d.%d>", t.Node, t.Index, t.Serial)
	case Port:
		fmt.Fprintf(b, "#Port<%d.%d>", t.Node, t.ID)
	case Ref:
		fmt.Fprintf(b, "#Ref<%d.%d.%d.%d>", t.Node, uint32(t.ID>>32), uint32(t.ID), 0)
	case Fun:
		fmt.Fprintf(b, "#Fun<%s.%d.%d>", QuoteAtom(string(t.Module)), t.Index, t.Uniq)
	case ExportFun:
		fmt.Fprintf(b, "fun %s:%s/%d", QuoteAtom(string(t.Module)), QuoteAtom(string(t.Function)), t.Arity)
	default:
		panic(fmt.Sprintf("value: cannot print %T", t))
	}
}

// writeBits writes the whole bytes of a bitstring and, when rest > 0, its last partial byte
// (tail[0], holding rest bits MSB-first) as <<…,V:rest>>.
func writeBits(b *strings.Builder, whole []byte, rest int, pretty bool, tail ...byte) {
	b.WriteString("<<")
	if pretty && len(whole) > 0 && isPrintableBytes(whole) {
		writeQuoted(b, bytesChars(whole), '"')
	} else {
		for i, c := range whole {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(int(c)))
		}
	}
	if rest > 0 {
		if len(whole) > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(b, "%d:%d", tail[0]>>(8-rest), rest)
	}
	b.WriteString(">>")
}

func isPrintableList(l List) bool {
	if len(l) == 0 {
		return false
	}
	for _, e := range l {
		c, ok := e.(Int)
		if !ok || !isPrintableChar(int64(c)) {
			return false
		}
	}
	return true
}

func isPrintableBytes(bs []byte) bool {
	for _, c := range bs {
		if !isPrintableChar(int64(c)) {
			return false
		}
	}
	return true
}

func listChars(l List) []int64 {
	cs := make([]int64, len(l))
	for i, e := range l {
		cs[i] = int64(e.(Int))
	}
	return cs
}

func bytesChars(bs []byte) []int64 {
	cs := make([]int64, len(bs))
	for i, c := range bs {
		cs[i] = int64(c)
	}
	return cs
}

// writeQuoted writes characters between quote marks with Erlang's escapes.
func writeQuoted(b *strings.Builder, cs []int64, quote byte) {
	b.WriteByte(quote)
	for _, c := range cs {
		switch c {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\v':
			b.WriteString(`\v`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case 27:
			b.WriteString(`\e`)
		case 127:
			b.WriteString(`\d`)
		case '\\':
			b.WriteString(`\\`)
		default:
			switch {
			case c == int64(quote):
				b.WriteByte('\\')
				b.WriteByte(quote)
			case c < 32:
				fmt.Fprintf(b, `\%03o`, c)
			case c > 255 && quote == '\'':
				fmt.Fprintf(b, `\x{%X}`, c)
			default:
				b.WriteRune(rune(c))
			}
		}
	}
	b.WriteByte(quote)
}

// reservedWords are the Erlang keywords, which print quoted as atoms.
var reservedWords = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true, "bnot": true,
	"bor": true, "bsl": true, "bsr": true, "bxor": true, "case": true, "catch": true,
	"cond": true, "div": true, "end": true, "fun": true, "if": true, "let": true, "not": true,
	"of": true, "or": true, "orelse": true, "receive": true, "rem": true, "try": true,
	"when": true, "xor": true,
}

// QuoteAtom returns the atom named name as Erlang writes it: bare when it is a lowercase
// identifier that is not a keyword, else between single quotes with escapes.
func QuoteAtom(name string) string {
	if atomIsBare(name) {
		return name
	}
	var b strings.Builder
	cs := make([]int64, 0, len(name))
	for _, r := range name {
		cs = append(cs, int64(r))
	}
	writeQuoted(&b, cs, '\'')
	return b.String()
}

func atomIsBare(name string) bool {
	if name == "" || reservedWords[name] {
		return false
	}
	for i, r := range name {
		lower := (r >= 'a' && r <= 'z') || (r >= 0xDF && r <= 0xFF && r != 0xF7)
		if i == 0 {
			if !lower {
				return false
			}
			continue
		}
		upper := (r >= 'A' && r <= 'Z') || (r >= 0xC0 && r <= 0xDE && r != 0xD7)
		if !lower && !upper && !(r >= '0' && r <= '9') && r != '_' && r != '@' {
			return false
		}
	}
	return true
}

// FormatFloat writes f as Erlang's io_lib does (float_to_list(F, [short])): the shortest digits
// that read back exactly, in plain or exponent notation, whichever is shorter (ties go to the
// plain form). 1.0, 0.1, 100.0, 1.0e3, 1.0e-5.
func FormatFloat(f float64) string {
	s := strconv.FormatFloat(f, 'e', -1, 64) // [-]d[.ddd]e±XX
	neg := ""
	if s[0] == '-' {
		neg, s = "-", s[1:]
	}
	mant, expStr, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	if f == 0 {
		return neg + "0.0"
	}
	// value = 0.digits × 10^place
	place := exp + 1
	n := len(digits)
	expForm := func() string {
		e := strconv.Itoa(place - 1)
		if n == 1 {
			return neg + digits + ".0e" + e
		}
		return neg + digits[:1] + "." + digits[1:] + "e" + e
	}
	// Integral floats from 2^53 up, where not every integer is a float any more, always take
	// the exponent form (as erts's short float_to_list: 9.007199254740992e15).
	if math.Abs(f) >= 1<<53 {
		return expForm()
	}
	if place > 0 && place < n {
		return neg + digits[:place] + "." + digits[place:]
	}
	if place == 0 {
		return neg + "0." + digits
	}
	expDigits := len(strconv.Itoa(place - 1))
	expDot := 1
	if n == 1 {
		expDot = 2
	}
	expCost := expDigits + 1 + expDot
	if place < 0 {
		if 2-place <= expCost {
			return neg + "0." + strings.Repeat("0", -place) + digits
		}
		return expForm()
	}
	if place-n+2 <= expCost {
		return neg + digits + strings.Repeat("0", place-n) + ".0"
	}
	return expForm()
}
