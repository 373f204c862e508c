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

// ioFormat is io_lib:format/2: it expands the control sequences of format with args and returns
// the characters (code points), or ok false for what Erlang reports as badarg: a bad control
// sequence, an argument of the wrong type, or too few or too many arguments.
//
// A control sequence is ~F.P.PadModC as in Erlang: field width F (negative: left-justified),
// precision P, pad character Pad, modifier t (Unicode), control C. Supported controls: c f e g s
// w p W P b B x X # + n i ~. ~p and ~P break a term that does not fit in the line (80 columns,
// or the field width) as io_lib_pretty does, starting at the column the output has reached (or
// the precision); ~W and ~P cut terms below their depth argument.
func ioFormat(h *term.Heap, format []rune, args []term.Term) ([]rune, bool) {
	var out []rune
	next := func() (term.Term, bool) {
		if len(args) == 0 {
			return term.NonValue, false
		}
		a := args[0]
		args = args[1:]
		return a, true
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '~' {
			out = append(out, c)
			continue
		}
		i++
		spec, n, ok := parseSpec(h, format[i:], next)
		if !ok {
			return nil, false
		}
		i += n
		text, ok := formatOne(h, spec, next, column(out))
		if !ok {
			return nil, false
		}
		out = append(out, text...)
	}
	return out, len(args) == 0
}

// controlSpec is one parsed control sequence.
type controlSpec struct {
	width    int // 0: none
	left     bool
	prec     int // -1: none
	pad      rune
	unicode  bool
	control  rune
	hasWidth bool
}

// parseSpec parses a control sequence after its ~; n is the number of runes it took.
func parseSpec(h *term.Heap, f []rune, next func() (term.Term, bool)) (controlSpec, int, bool) {
	s := controlSpec{prec: -1, pad: ' '}
	i := 0
	num := func() (int, bool, bool) { // value, present, ok
		if i < len(f) && f[i] == '*' {
			i++
			a, ok := next()
			if !ok || !a.IsSmall() {
				return 0, false, false
			}
			return int(a.Small()), true, true
		}
		start := i
		for i < len(f) && f[i] >= '0' && f[i] <= '9' {
			i++
		}
		if i == start {
			return 0, false, true
		}
		v, err := strconv.Atoi(string(f[start:i]))
		return v, true, err == nil
	}
	if i < len(f) && f[i] == '-' {
		s.left = true
		i++
	}
	w, present, ok := num()
	if !ok {
		return s, 0, false
	}
	if present {
		if w < 0 {
			s.left, w = true, -w
		}
		s.width, s.hasWidth = w, true
	}
	if i < len(f) && f[i] == '.' {
		i++
		p, present, ok := num()
		if !ok {
			return s, 0, false
		}
		if present {
			s.prec = p
		}
		if i < len(f) && f[i] == '.' {
			i++
			if i < len(f) && f[i] == '*' {
				i++
				a, ok := next()
				if !ok || !a.IsSmall() {
					return s, 0, false
				}
				s.pad = rune(a.Small())
			} else if i < len(f) {
				s.pad = f[i]
				i++
			}
		}
	}
	for i < len(f) && (f[i] == 't' || f[i] == 'l' || f[i] == 'k') {
		if f[i] == 't' {
			s.unicode = true
		}
		i++
	}
	if i >= len(f) {
		return s, 0, false
	}
	s.control = f[i]
	return s, i, true
}

// column is io_lib_format's indentation: how far the last line of out reaches, tabs
// counting to the next multiple of 8.
func column(out []rune) int {
	col := 0
	for _, c := range out {
		switch c {
		case '\n':
			col = 0
		case '\t':
			col = (col + 8) / 8 * 8
		default:
			col++
		}
	}
	return col
}

// formatOne expands one control sequence, consuming its arguments; col is the column the
// output has reached.
func formatOne(h *term.Heap, s controlSpec, next func() (term.Term, bool), col int) ([]rune, bool) {
	switch s.control {
	case 'n':
		return []rune{'\n'}, true
	case '~':
		return []rune{'~'}, true
	}
	a, ok := next()
	if !ok {
		return nil, false
	}
	switch s.control {
	case 'c':
		if !a.IsSmall() || a.Small() < 0 || a.Small() > utf8.MaxRune {
			return nil, false
		}
		n := s.prec
		if n < 0 {
			n = max(s.width, 1)
		}
		return adjust([]rune(strings.Repeat(string(rune(a.Small())), n)), s, false), true
	case 'f', 'e', 'g':
		if !term.IsFloat(h, a) {
			return nil, false
		}
		text, ok := formatFloat(term.FloatOf(h, a), s)
		if !ok {
			return nil, false
		}
		return adjust([]rune(text), s, true), true
	case 's':
		cs, ok := chars(h, a, s.unicode)
		if !ok {
			return nil, false
		}
		if s.prec >= 0 && len(cs) > s.prec {
			cs = cs[:s.prec]
		}
		return adjust(cs, s, false), true
	case 'w', 'p', 'W', 'P':
		depth := -1
		if s.control == 'W' || s.control == 'P' {
			d, ok := next()
			if !ok || !d.IsSmall() {
				return nil, false
			}
			depth = int(d.Small())
		}
		v := term.ToValue(h, a)
		if s.control == 'p' || s.control == 'P' {
			// The field width is the line length, the precision the column to start at.
			lineLen, start := 80, col+1
			if s.hasWidth {
				lineLen = s.width
			}
			if s.prec >= 0 {
				start = s.prec
			}
			return []rune(value.Pretty(v, start, lineLen, depth, s.unicode)), true
		}
		return adjust([]rune(value.WriteDepth(v, depth)), s, true), true
	case 'b', 'B', 'x', 'X', '#', '+':
		if !term.IsInteger(h, a) {
			return nil, false
		}
		base := 10
		if s.prec >= 0 {
			base = s.prec
		}
		if base < 2 || base > 36 {
			return nil, false
		}
		x := term.ToBig(h, a)
		digits := new(big.Int).Abs(x).Text(base)
		lower := s.control == 'b' || s.control == 'x' || s.control == '+'
		if !lower {
			digits = strings.ToUpper(digits)
		}
		prefix := ""
		switch s.control {
		case 'x', 'X':
			pre, ok := next()
			if !ok {
				return nil, false
			}
			cs, ok := chars(h, pre, true)
			if !ok {
				return nil, false
			}
			prefix = string(cs)
		case '#', '+':
			prefix = strconv.Itoa(base) + "#"
		}
		sign := ""
		if x.Sign() < 0 {
			sign = "-"
		}
		return adjust([]rune(sign+prefix+digits), s, true), true
	case 'i':
		return nil, true
	}
	return nil, false
}

// adjust pads text to the field width with the pad character (right-justified unless left).
// When the text is longer than the width, overflowStars fills the field with '*' (numbers and
// ~w), else the text is cut to the width (~s, ~c).
func adjust(text []rune, s controlSpec, overflowStars bool) []rune {
	if !s.hasWidth {
		return text
	}
	if len(text) > s.width {
		if overflowStars {
			return []rune(strings.Repeat("*", s.width))
		}
		return text[:s.width]
	}
	pad := []rune(strings.Repeat(string(s.pad), s.width-len(text)))
	if s.left {
		return append(text, pad...)
	}
	return append(pad, text...)
}

// chars returns the characters of a ~s argument: an atom, a binary, or an iolist of
// characters (code points above 255 only with the t modifier).
func chars(h *term.Heap, a term.Term, unicode bool) ([]rune, bool) {
	if a.IsAtom() {
		return []rune(term.AtomName(a)), true
	}
	var out []rune
	var walk func(t term.Term) bool
	walk = func(t term.Term) bool {
		for {
			switch {
			case t.IsNil():
				return true
			case term.IsBinary(h, t):
				b := term.BinaryBytes(h, t)
				if unicode {
					if !utf8.Valid(b) {
						return false
					}
					out = append(out, []rune(string(b))...)
				} else {
					for _, c := range b {
						out = append(out, rune(c))
					}
				}
				return true
			case t.IsList():
				hd := h.Head(t)
				if hd.IsSmall() {
					c := hd.Small()
					if c < 0 || c > utf8.MaxRune || (!unicode && c > 255) {
						return false
					}
					out = append(out, rune(c))
				} else if !walk(hd) {
					return false
				}
				t = h.Tail(t)
			default:
				return false
			}
		}
	}
	if !walk(a) {
		return nil, false
	}
	return out, true
}

// formatFloat formats f for ~f, ~e and ~g with Erlang's rounding: to nearest, ties away from
// zero, on the exact decimal value of the double.
func formatFloat(f float64, s controlSpec) (string, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return "", false
	}
	prec := s.prec
	switch s.control {
	case 'f':
		if prec < 0 {
			prec = 6
		}
		if prec < 1 {
			return "", false
		}
		return fixed(f, prec), true
	case 'e':
		if prec < 0 {
			prec = 6
		}
		if prec < 2 {
			return "", false
		}
		return scientific(f, prec), true
	}
	// ~g: ~f for 0.1 <= |f| < 10000, else ~e, with prec significant digits either way.
	if prec < 0 {
		prec = 6
	}
	if prec < 2 {
		return "", false
	}
	a := math.Abs(f)
	if a >= 0.1 && a < 10000 {
		intDigits := len(strconv.Itoa(int(a)))
		if a < 1 {
			intDigits = 0
		}
		return fixed(f, max(prec-intDigits, 1)), true
	}
	return scientific(f, prec), true
}

// exactDigits returns the exact decimal expansion of |f|: its digits and the position of the
// decimal point (digits[:point] is the integer part; point may be <= 0).
func exactDigits(f float64) (string, int) {
	s := new(big.Float).SetFloat64(math.Abs(f)).Text('f', 1100)
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	digits := strings.TrimLeft(intPart+frac, "0")
	point := len(intPart)
	if intPart == "0" {
		point = 0
		lead := len(frac) - len(strings.TrimLeft(frac, "0"))
		point = -lead
	}
	if digits == "" {
		return "0", 1
	}
	return digits, point
}

// roundDigits rounds a digit string to n digits, ties away from zero; carry reports a carry
// out of the first digit (the result then has n+1 digits, "1000…").
func roundDigits(digits string, n int) (string, bool) {
	if n < 0 {
		return "", false
	}
	if len(digits) <= n {
		return digits + strings.Repeat("0", n-len(digits)), false
	}
	out := []byte(digits[:n])
	if digits[n] >= '5' {
		i := n - 1
		for ; i >= 0; i-- {
			if out[i] == '9' {
				out[i] = '0'
				continue
			}
			out[i]++
			break
		}
		if i < 0 {
			return "1" + string(out), true
		}
	}
	return string(out), false
}

func signOf(f float64) string {
	if math.Signbit(f) {
		return "-"
	}
	return ""
}

// fixed formats f with prec digits after the point.
func fixed(f float64, prec int) string {
	digits, point := exactDigits(f)
	if f == 0 {
		digits, point = "0", 1
	}
	// Pad on the left so that the integer part has at least one digit.
	if point <= 0 {
		digits = strings.Repeat("0", 1-point) + digits
		point = 1
	}
	r, carry := roundDigits(digits, point+prec)
	if carry {
		point++
	}
	return signOf(f) + r[:point] + "." + r[point:]
}

// scientific formats f with prec significant digits as d.ddde±X.
func scientific(f float64, prec int) string {
	digits, point := exactDigits(f)
	exp := point - 1
	if f == 0 {
		digits, exp = "0", 0
	}
	r, carry := roundDigits(digits, prec)
	if carry {
		exp++
		r = r[:prec]
	}
	sign := "+"
	if exp < 0 {
		sign = "-"
	}
	return signOf(f) + r[:1] + "." + r[1:] + "e" + sign + strconv.Itoa(abs(exp))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
