package value

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Depth-limited and multi-line printing: io:format's ~W, ~P and ~p.
//
// Implementer notes. WriteDepth is io_lib:write/2: below Depth, a list's or tuple's elements
// become "...". Pretty is io_lib_pretty:print/4, which ~p and ~P call with the column where the
// term starts, a line length of 80 (or the field width) and the depth. It works in two passes,
// as OTP's does: the term becomes a tree of nodes that know the length of their one-line form
// (layout); then a term that fits in what is left of the line is written on it, and one that
// does not is broken: a tuple or list puts each element that does not fit on the current line
// on a line of its own, indented one column past its opening bracket; elements that are
// written flat (strings, numbers, atoms) fill lines; a tuple whose first element is an atom
// keeps that tag on the first line, and a map puts a value that does not fit under its key.
// The output matches OTP 25's character for character for the terms that have no records.

// WriteDepth returns t as io_lib:write(T, Depth) writes it (~W): as Format, but every list,
// tuple and map below depth Depth is cut to "..." ("[...]", "{...}"), and a binary shows at
// most Depth-1 bytes. A negative Depth is unlimited.
func WriteDepth(t Term, depth int) string {
	var b strings.Builder
	writeDepth(&b, t, depth)
	return b.String()
}

func writeDepth(b *strings.Builder, t Term, d int) {
	if d == 0 {
		b.WriteString("...")
		return
	}
	switch t := t.(type) {
	case Binary:
		writeBinaryDepth(b, t, 0, d)
	case Bitstring:
		whole := t.Bits / 8
		writeBinaryDepth(b, t.Bytes[:whole], t.Bits%8, d, t.Bytes[whole:]...)
	case List:
		if len(t) == 0 {
			b.WriteString("[]")
			return
		}
		writeListDepth(b, t, nil, d)
	case ImproperList:
		writeListDepth(b, t.Elems, t.Tail, d)
	case Tuple:
		if len(t) == 0 {
			b.WriteString("{}")
			return
		}
		if d == 1 {
			b.WriteString("{...}")
			return
		}
		b.WriteByte('{')
		writeDepth(b, t[0], d-1)
		dd := d - 1
		for _, e := range t[1:] {
			if dd == 1 {
				b.WriteString(",...")
				break
			}
			b.WriteByte(',')
			writeDepth(b, e, dd-1)
			dd--
		}
		b.WriteByte('}')
	case Map:
		if len(t.Keys) == 0 || d == 1 {
			b.WriteString("#{}")
			return
		}
		d0 := d - 1
		b.WriteString("#{")
		writeDepth(b, t.Keys[0], d0)
		b.WriteString(" => ")
		writeDepth(b, t.Values[0], d0)
		// As OTP's write_map_body: at depth 1 the map is cut, even after its last pair.
		for i, dd := 1, d0; ; i, dd = i+1, dd-1 {
			if dd == 1 {
				b.WriteString(",...")
				break
			}
			if i >= len(t.Keys) {
				break
			}
			b.WriteByte(',')
			writeDepth(b, t.Keys[i], d0)
			b.WriteString(" => ")
			writeDepth(b, t.Values[i], d0)
		}
		b.WriteByte('}')
	default:
		write(b, t, false)
	}
}

func writeListDepth(b *strings.Builder, elems []Term, tail Term, d int) {
	if d == 1 {
		b.WriteString("[...]")
		return
	}
	b.WriteByte('[')
	writeDepth(b, elems[0], d-1)
	dd := d - 1
	for _, e := range elems[1:] {
		if dd == 1 {
			b.WriteString("|...]")
			return
		}
		b.WriteByte(',')
		writeDepth(b, e, dd-1)
		dd--
	}
	if tail != nil {
		if dd == 1 {
			b.WriteString("|...]")
			return
		}
		b.WriteByte('|')
		writeDepth(b, tail, dd-1)
	}
	b.WriteByte(']')
}

// binaryTokens returns a binary's contents as io_lib:write_binary writes them, one token per
// byte (or "..." past the depth, or the last bits as "V:N"), commas as tokens of their own.
func binaryTokens(whole []byte, rest int, d int, tail ...byte) []string {
	var toks []string
	for i, c := range whole {
		if d == 1 {
			return append(toks, "...")
		}
		toks = append(toks, strconv.Itoa(int(c)))
		if i < len(whole)-1 || rest > 0 {
			toks = append(toks, ",")
		}
		d--
	}
	if rest > 0 {
		if d == 1 {
			return append(toks, "...")
		}
		toks = append(toks, strconv.Itoa(int(tail[0]>>(8-rest))), ":", strconv.Itoa(rest))
	}
	return toks
}

func writeBinaryDepth(b *strings.Builder, whole []byte, rest int, d int, tail ...byte) {
	b.WriteString("<<")
	for _, tok := range binaryTokens(whole, rest, d, tail...) {
		b.WriteString(tok)
	}
	b.WriteString(">>")
}

// A layout node is io_lib_pretty's intermediate form of a term: its one-line text or its
// parts, and the length of its one-line form.
type layout struct {
	kind   layoutKind
	text   string    // layoutFlat: the text; layoutBin: unused
	toks   []string  // layoutBin: binaryTokens
	elems  []*layout // list and tuple elements, map pairs
	tail   *layout   // an improper list's tail, or the "..." of a cut list, tuple or map
	tagged bool      // a tuple of two or more elements whose first is an atom
	key    *layout   // layoutPair
	val    *layout   // layoutPair
	n      int       // the length of the one-line form, in characters
}

type layoutKind uint8

const (
	layoutFlat  layoutKind = iota // written as text: atoms, numbers, strings, "{...}"
	layoutList                    // [...]
	layoutTuple                   // {...}
	layoutMap                     // #{...}
	layoutPair                    // K => V
	layoutBin                     // a binary written as bytes, which may break between bytes
	layoutDots                    // the "..." that ends a cut list, tuple or map
)

func flat(s string) *layout { return &layout{kind: layoutFlat, text: s, n: utf8.RuneCountInString(s)} }

var dotsLayout = &layout{kind: layoutDots, n: 3}

// Pretty returns t as io_lib_pretty:print(T, Col, LineLength, Depth) writes it (~p, ~P): on one
// line when it fits in LineLength-Col columns, else broken over lines as OTP breaks it. Col is
// the 1-based column the term starts at; later lines are indented to line up under it. A
// negative Depth is unlimited. With unicode (~tp), a binary of UTF-8 prints as
// <<"text"/utf8>> (as <<"text">> when it is ASCII), and other binaries as bytes; without, a
// binary of Latin-1 printable bytes prints as <<"text">>.
func Pretty(t Term, col, lineLen, depth int, unicode bool) string {
	if depth == 0 {
		return "..."
	}
	col = max(col, 1)
	switch t.(type) {
	case Atom:
		return QuoteAtom(string(t.(Atom)))
	case Tuple, List, ImproperList, Map, Binary, Bitstring:
	default:
		return Format(t)
	}
	l := layouter{unicode}.of(t, depth)
	m := l.n
	var b strings.Builder
	if lineLen == 0 || l.n < lineLen-col {
		writeLayout(&b, l)
		return b.String()
	}
	tind := 1
	for _, i := range []int{-1, 4} {
		if ind, ok := cind(l, col, lineLen, m, i, 0, 0); ok {
			tind = ind
			break
		}
	}
	p := &pp{b: &b, ll: lineLen, m: m, tind: tind}
	p.node(l, col, strings.Repeat(" ", col-1), 0, 0)
	return b.String()
}

// layouter builds layouts; unicode is the t modifier.
type layouter struct{ unicode bool }

// of is io_lib_pretty:print_length: t's layout with depth d.
func (lo layouter) of(t Term, d int) *layout {
	switch t := t.(type) {
	case Atom:
		return flat(QuoteAtom(string(t)))
	case List:
		if len(t) == 0 {
			return flat("[]")
		}
		if d != 1 && isPrintableList(t) {
			return flat(Print(t))
		}
		return lo.list(t, nil, d)
	case ImproperList:
		return lo.list(t.Elems, t.Tail, d)
	case Tuple:
		if len(t) == 0 {
			return flat("{}")
		}
		if d == 1 {
			return flat("{...}")
		}
		l := &layout{kind: layoutTuple}
		_, tagged := t[0].(Atom)
		l.tagged = tagged && len(t) > 1
		dd := d
		for _, e := range t {
			if dd == 1 {
				l.tail = dotsLayout
				break
			}
			l.elems = append(l.elems, lo.of(e, dd-1))
			dd--
		}
		l.n = seqLength(l.elems, l.tail, 2)
		return l
	case Map:
		if len(t.Keys) == 0 {
			return flat("#{}")
		}
		if d == 1 {
			return flat("#{...}")
		}
		l := &layout{kind: layoutMap}
		dd := d
		for i := range t.Keys {
			if dd == 1 {
				l.tail = dotsLayout
				break
			}
			k, v := lo.of(t.Keys[i], d-1), lo.of(t.Values[i], d-1)
			l.elems = append(l.elems, &layout{kind: layoutPair, key: k, val: v, n: k.n + 4 + v.n})
			dd--
		}
		l.n = seqLength(l.elems, l.tail, 3)
		return l
	case Binary:
		return lo.bin(t, 0, d)
	case Bitstring:
		whole := t.Bits / 8
		return lo.bin(t.Bytes[:whole], t.Bits%8, d, t.Bytes[whole:]...)
	}
	return flat(Format(t))
}

func (lo layouter) list(elems []Term, tail Term, d int) *layout {
	l := &layout{kind: layoutList}
	dd := d
	for _, e := range elems {
		if dd == 1 {
			l.tail = dotsLayout
			break
		}
		l.elems = append(l.elems, lo.of(e, dd-1))
		dd--
	}
	if l.tail == nil && tail != nil {
		if dd == 1 {
			l.tail = dotsLayout
		} else {
			l.tail = lo.of(tail, dd-1)
		}
	}
	l.n = seqLength(l.elems, l.tail, 2)
	return l
}

// seqLength is the one-line length of elements and a tail between brackets worth open
// characters, a separator between each two.
func seqLength(elems []*layout, tail *layout, open int) int {
	n := open
	for i, e := range elems {
		if i > 0 {
			n++
		}
		n += e.n
	}
	if tail != nil {
		if len(elems) > 0 {
			n++
		}
		n += tail.n
	}
	return n
}

// bin lays out a binary: as a string when its bytes are printable (the first 4*(d-1) of
// them, at a depth), else as its bytes.
func (lo layouter) bin(whole []byte, rest int, d int, tail ...byte) *layout {
	if len(whole) == 0 && rest == 0 {
		return flat("<<>>")
	}
	if d == 1 {
		return flat("<<...>>")
	}
	if rest == 0 && lo.unicode && utf8.Valid(whole) {
		if s, ok := printableUTF8(whole); ok {
			return flat(s)
		}
	} else if rest == 0 {
		if s, ok := printableBinPrefix(whole, d-1); ok {
			return flat(s)
		}
	}
	toks := binaryTokens(whole, rest, d, tail...)
	n := 4
	for _, tok := range toks {
		n += len(tok)
	}
	return &layout{kind: layoutBin, toks: toks, n: n}
}

// printableBinPrefix is io_lib_pretty's printable_bin0 for Latin-1: the binary as
// <<"string">> when its bytes are printable, or <<"prefix"...>> when at depth d only a
// printable prefix is shown.
func printableBinPrefix(bs []byte, d int) (string, bool) {
	n := len(bs)
	if d >= 0 {
		n = min(4*d, len(bs))
	}
	if n == 0 {
		return "", false
	}
	bad := len(bs)
	for i, c := range bs[:n] {
		if !isPrintableLatin1(c) {
			bad = i
			break
		}
	}
	var b strings.Builder
	switch {
	case bad >= n && n == len(bs):
		b.WriteString("<<")
		writeQuoted(&b, bytesChars(bs), '"')
		b.WriteString(">>")
	case bad >= n && d > 0:
		b.WriteString("<<")
		writeQuoted(&b, bytesChars(bs[:n]), '"')
		b.WriteString("...>>")
	case d > 0 && bad >= d:
		b.WriteString("<<")
		writeQuoted(&b, bytesChars(bs[:bad]), '"')
		b.WriteString("...>>")
	default:
		return "", false
	}
	return b.String(), true
}

// printableUTF8 is printable_bin for ~tp: a binary of UTF-8 whose characters are all printable
// (Latin-1, OTP's default printable range) as <<"text"/utf8>>, or <<"text">> when every
// character is one byte.
func printableUTF8(bs []byte) (string, bool) {
	var cs []int64
	for _, r := range string(bs) {
		if r > 0xFF || !isPrintableLatin1(byte(r)) {
			return "", false
		}
		cs = append(cs, int64(r))
	}
	var b strings.Builder
	b.WriteString("<<")
	writeQuoted(&b, cs, '"')
	if len(cs) != len(bs) {
		b.WriteString("/utf8")
	}
	b.WriteString(">>")
	return b.String(), true
}

func isPrintableLatin1(c byte) bool {
	switch {
	case c >= ' ' && c <= '~', c >= 0xA0:
		return true
	}
	switch c {
	case '\n', '\r', '\t', '\v', '\b', '\f', 27:
		return true
	}
	return false
}

// writeLayout writes a layout on one line (io_lib_pretty:write).
func writeLayout(b *strings.Builder, l *layout) {
	switch l.kind {
	case layoutFlat:
		b.WriteString(l.text)
	case layoutDots:
		b.WriteString("...")
	case layoutBin:
		b.WriteString("<<")
		for _, tok := range l.toks {
			b.WriteString(tok)
		}
		b.WriteString(">>")
	case layoutPair:
		writeLayout(b, l.key)
		b.WriteString(" => ")
		writeLayout(b, l.val)
	case layoutList, layoutTuple, layoutMap:
		open, sep := "[", byte('|')
		switch l.kind {
		case layoutTuple:
			open, sep = "{", ','
		case layoutMap:
			open, sep = "#{", ','
		}
		b.WriteString(open)
		for i, e := range l.elems {
			if i > 0 {
				b.WriteByte(',')
			}
			writeLayout(b, e)
		}
		if l.tail != nil {
			if len(l.elems) > 0 {
				if l.tail.kind == layoutDots && l.kind != layoutList {
					b.WriteByte(',')
				} else {
					b.WriteByte(sep)
				}
			}
			writeLayout(b, l.tail)
		}
		if l.kind == layoutList {
			b.WriteByte(']')
		} else {
			b.WriteByte('}')
		}
	}
}

// isFlat is io_lib_pretty's is_list(element(1, If)): the node is text that may share a line.
func (l *layout) isFlat() bool { return l.kind == layoutFlat }

// pairFlat: both sides of a map pair are flat.
func (l *layout) pairFlat() bool { return l.key.isFlat() && l.val.isFlat() }

// rest is what follows element i of l: more elements, or the tail (nil, dots, or an improper
// tail).
type rest struct {
	l *layout
	i int
}

func (r rest) more() bool { return r.i < len(r.l.elems) }

// lastDepth is io_lib_pretty's last_depth: 0 when more elements follow, else ld+1.
func (r rest) lastDepth(ld int) int {
	if r.more() {
		return 0
	}
	return ld + 1
}

// cind is io_lib_pretty's cind: it checks that the layout fits with tag indentation ind,
// returning ind, or false where OTP throws no_good.
func cind(l *layout, col, ll, m, ind, ld, w int) (int, bool) {
	if l.n < ll-col-ld && l.n+w+ld <= m {
		return ind, true
	}
	switch l.kind {
	case layoutList:
		return cindList(l, col+1, ll, m, ind, ld, w+1)
	case layoutTuple:
		if l.tagged {
			return cindTagTuple(l, col, ll, m, ind, ld, w+1)
		}
		return cindList(l, col+1, ll, m, ind, ld, w+1)
	case layoutMap:
		return cindMap(l, col+2, ll, m, ind, ld, w+2)
	}
	return ind, true
}

func cindList(l *layout, col0, ll, m, ind, ld, w int) (int, bool) {
	if len(l.elems) == 0 {
		return ind, true
	}
	we, ok := cindElement(l.elems[0], col0, ll, m, ind, rest{l, 1}.lastDepth(ld), w)
	if !ok {
		return 0, false
	}
	return cindTail(rest{l, 1}, col0, col0+we, ll, m, ind, ld, w+we)
}

func cindTail(r rest, col0, col, ll, m, ind, ld, w int) (int, bool) {
	for r.more() {
		e := r.l.elems[r.i]
		r.i++
		ld1 := r.lastDepth(ld)
		elen := 1 + e.n
		if fitsFlat(e.isFlat(), ld1, elen, ll, col, w, m) {
			col += elen
			w += elen
			continue
		}
		we, ok := cindElement(e, col0, ll, m, ind, ld1, 0)
		if !ok {
			return 0, false
		}
		col, w = col0+we, we
	}
	t := r.l.tail
	if t == nil || t.kind == layoutDots {
		return ind, true
	}
	if t.n+1 < ll-col-(ld+1) && t.n+1+w+(ld+1) <= m && t.isFlat() {
		return ind, true
	}
	return cind(t, col, ll, m, ind, ld+1, 0)
}

// fitsFlat is the test io_lib_pretty makes before writing an element flat after the previous
// one on the same line.
func fitsFlat(isFlat bool, ld1, elen, ll, col, w, m int) bool {
	if !isFlat {
		return false
	}
	if ld1 == 0 {
		return elen+1 < ll-col && w+elen+1 <= m
	}
	return elen < ll-col-ld1 && w+elen+ld1 <= m
}

func cindElement(e *layout, col, ll, m, ind, ld, w int) (int, bool) {
	if e.n < ll-col-ld && e.n+w+ld <= m && e.isFlat() {
		return e.n, true
	}
	if _, ok := cind(e, col, ll, m, ind, ld, w); !ok {
		return 0, false
	}
	return ll, true
}

func cindTagTuple(l *layout, col, ll, m, ind, ld, w int) (int, bool) {
	tag := l.elems[0]
	tagInd := tag.n + 2
	tcol := col + tagInd
	if ind > 0 && tagInd > ind {
		col1 := col + ind
		if m+col1 <= ll || col1 <= ll/2 {
			return cindTail(rest{l, 1}, col1, tcol, ll, m, ind, ld, w+tag.n)
		}
		return 0, false
	}
	if m+tcol < ll || tcol < ll/2 {
		return cindList(&layout{kind: l.kind, elems: l.elems[1:], tail: l.tail}, tcol, ll, m, ind, ld, w+tag.n+1)
	}
	return 0, false
}

func cindMap(l *layout, col, ll, m, ind, ld, w int) (int, bool) {
	if len(l.elems) == 0 {
		return ind, true
	}
	pw, ok := cindPair(l.elems[0], col, ll, m, ind, rest{l, 1}.lastDepth(ld), w)
	if !ok {
		return 0, false
	}
	r := rest{l, 1}
	col0, c, w := col, col+pw, w+pw
	for r.more() {
		p := r.l.elems[r.i]
		r.i++
		ld1 := r.lastDepth(ld)
		elen := 1 + p.n
		if fitsFlat(p.pairFlat(), ld1, elen, ll, c, w, m) {
			c += elen
			w += elen
			continue
		}
		pw, ok := cindPair(p, col0, ll, m, ind, ld1, 0)
		if !ok {
			return 0, false
		}
		c, w = col0+pw, pw
	}
	return ind, true
}

func cindPair(p *layout, col, ll, m, ind, ld, w int) (int, bool) {
	if p.n < ll-col-ld && p.n+w+ld <= m {
		if p.pairFlat() {
			return p.n, true
		}
		return ll, true
	}
	if _, ok := cind(p.key, col, ll, m, ind, ld, w); !ok {
		return 0, false
	}
	if _, ok := cind(p.val, col+mapValueIndent(ind), ll, m, ind, ld, 0); !ok {
		return 0, false
	}
	return ll, true
}

func mapValueIndent(tind int) int {
	if tind > 0 {
		return tind
	}
	return 4
}

// pp writes a layout over lines (io_lib_pretty:pp and its helpers); ind is the indentation
// of the lines that continue the node at hand.
type pp struct {
	b    *strings.Builder
	ll   int
	m    int
	tind int
}

func (p *pp) node(l *layout, col int, ind string, ld, w int) {
	if l.n < p.ll-col-ld && l.n+w+ld <= p.m {
		writeLayout(p.b, l)
		return
	}
	switch l.kind {
	case layoutList:
		p.b.WriteByte('[')
		p.list(l, 0, col+1, " "+ind, ld, '|', w+1)
		p.b.WriteByte(']')
	case layoutTuple:
		p.b.WriteByte('{')
		if l.tagged {
			p.tagTuple(l, col, ind, ld, w+1)
		} else {
			p.list(l, 0, col+1, " "+ind, ld, ',', w+1)
		}
		p.b.WriteByte('}')
	case layoutMap:
		p.b.WriteString("#{")
		p.mapPairs(l, col+2, "  "+ind, ld, w+1)
		p.b.WriteByte('}')
	case layoutBin:
		p.binary(l, col+2, "  "+ind, ld, w)
	default:
		writeLayout(p.b, l)
	}
}

func (p *pp) tagTuple(l *layout, col int, ind string, ld, w int) {
	tag := l.elems[0]
	tagInd := tag.n + 2
	tcol := col + tagInd
	if p.tind > 0 && tagInd > p.tind {
		p.b.WriteString(tag.text)
		p.tail(rest{l, 1}, col+p.tind, tcol, strings.Repeat(" ", p.tind)+ind, ld, ',', w+tag.n)
		return
	}
	p.b.WriteString(tag.text)
	p.b.WriteByte(',')
	p.list(l, 1, tcol, strings.Repeat(" ", tagInd)+ind, ld, ',', w+tag.n+1)
}

// list writes the elements of l from the i-th on, the first at column col0.
func (p *pp) list(l *layout, i int, col0 int, ind string, ld int, sep byte, w int) {
	if i >= len(l.elems) {
		p.b.WriteString("...") // only a cut sequence has no element here
		return
	}
	r := rest{l, i + 1}
	we := p.element(l.elems[i], col0, ind, r.lastDepth(ld), w)
	p.tail(r, col0, col0+we, ind, ld, sep, w+we)
}

func (p *pp) tail(r rest, col0, col int, ind string, ld int, sep byte, w int) {
	for r.more() {
		e := r.l.elems[r.i]
		r.i++
		ld1 := r.lastDepth(ld)
		elen := 1 + e.n
		if fitsFlat(e.isFlat(), ld1, elen, p.ll, col, w, p.m) {
			p.b.WriteByte(',')
			writeLayout(p.b, e)
			col += elen
			w += elen
			continue
		}
		p.b.WriteString(",\n")
		p.b.WriteString(ind)
		we := p.element(e, col0, ind, ld1, 0)
		col, w = col0+we, we
	}
	t := r.l.tail
	switch {
	case t == nil:
	case t.kind == layoutDots:
		if r.l.kind == layoutList {
			p.b.WriteByte(sep)
		} else {
			p.b.WriteByte(',')
		}
		p.b.WriteString("...")
	case t.n+1 < p.ll-col-(ld+1) && t.n+1+w+(ld+1) <= p.m && t.isFlat():
		p.b.WriteByte(sep)
		writeLayout(p.b, t)
	default:
		p.b.WriteByte(sep)
		p.b.WriteByte('\n')
		p.b.WriteString(ind)
		p.node(t, col0, ind, ld+1, 0)
	}
}

// element writes one element and returns its width: its length when it was written flat,
// else the line length (so that nothing follows it on its last line).
func (p *pp) element(e *layout, col int, ind string, ld, w int) int {
	if e.n < p.ll-col-ld && e.n+w+ld <= p.m && e.isFlat() {
		writeLayout(p.b, e)
		return e.n
	}
	p.node(e, col, ind, ld, w)
	return p.ll
}

func (p *pp) mapPairs(l *layout, col int, ind string, ld, w int) {
	if len(l.elems) == 0 {
		if l.tail != nil {
			p.b.WriteString("...")
		}
		return
	}
	r := rest{l, 1}
	pw := p.pair(l.elems[0], col, ind, r.lastDepth(ld), w)
	col0, c, w := col, col+pw, pw
	for r.more() {
		e := r.l.elems[r.i]
		r.i++
		ld1 := r.lastDepth(ld)
		elen := 1 + e.n
		if fitsFlat(e.pairFlat(), ld1, elen, p.ll, c, w, p.m) {
			p.b.WriteByte(',')
			writeLayout(p.b, e)
			c += elen
			w += elen
			continue
		}
		p.b.WriteString(",\n")
		p.b.WriteString(ind)
		pw := p.pair(e, col0, ind, ld1, 0)
		c, w = col0+pw, pw
	}
	if l.tail != nil {
		p.b.WriteString(",...")
	}
}

func (p *pp) pair(e *layout, col int, ind string, ld, w int) int {
	if e.n < p.ll-col-ld && e.n+w+ld <= p.m {
		writeLayout(p.b, e)
		if e.pairFlat() {
			return e.n
		}
		return p.ll
	}
	i := mapValueIndent(p.tind)
	ind2 := strings.Repeat(" ", i) + ind
	p.node(e.key, col, ind, ld, w)
	p.b.WriteString(" =>\n")
	p.b.WriteString(ind2)
	p.node(e.val, col+i, ind2, ld, 0)
	return p.ll
}

// binary writes a binary's bytes over lines of at most n characters.
func (p *pp) binary(l *layout, col int, ind string, ld, w int) {
	n0 := max(8, min(p.ll-col, p.m-4-w)-ld)
	n := n0
	p.b.WriteString("<<")
	toks := l.toks
	for len(toks) >= 2 && toks[1] == "," {
		size := len(toks[0]) + 1
		if n-size < 0 {
			p.b.WriteByte('\n')
			p.b.WriteString(ind)
			n = n0 - size
		} else {
			n -= size
		}
		p.b.WriteString(toks[0])
		p.b.WriteByte(',')
		toks = toks[2:]
	}
	size := 0
	for _, tok := range toks {
		size += len(tok)
	}
	if size > n {
		p.b.WriteByte('\n')
		p.b.WriteString(ind)
	}
	for _, tok := range toks {
		p.b.WriteString(tok)
	}
	p.b.WriteString(">>")
}
