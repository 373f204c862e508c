package asm

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beamlite/beamlite/value"
)

// tokKind is the class of a token.
type tokKind uint8

const (
	tEOF     tokKind = iota
	tNewline         // end of a statement: a newline outside brackets
	tIdent           // a name starting with a lowercase letter: atom, mnemonic, register, keyword
	tVar             // a name starting with an uppercase letter or _: never valid, kept for its error
	tQAtom           // 'quoted atom'; text holds the decoded name
	tInt             // integer or $char; val holds value.Int or value.BigInt
	tFloat           // val holds value.Float
	tString          // "string"; val holds the value.List of code points
	tLabel           // @name; text holds name without the @
	tPid             // <A.B.C>; nums holds the three numbers
	tRef             // #Ref<A.B.C.D>
	tPort            // #Port<A.B>
	tPunct           // punctuation; text holds it: { } [ ] ( ) , | / : => << >> # - +
)

var tokNames = [...]string{
	tEOF: "end of file", tNewline: "end of line", tIdent: "name", tVar: "variable",
	tQAtom: "quoted atom", tInt: "integer", tFloat: "float", tString: "string", tLabel: "label",
	tPid: "pid", tRef: "reference", tPort: "port", tPunct: "punctuation",
}

// token is one lexeme. pos is where it starts; end is the byte offset just after it.
type token struct {
	kind tokKind
	line int32 // where the token starts (the file is the errSink's)
	col  int32
	off  int32 // byte offset of the start, for slicing the source
	end  int32
	text string
	val  value.Term
	nums *[]uint64 // the numbers of a pid, reference or port; nil otherwise
}

func (t *token) pos() Pos { return Pos{Line: int(t.line), Col: int(t.col)} }

// describe names the token for an error message: `"foo"`, `"{"`, "end of line".
func (t token) describe(src string) string {
	switch t.kind {
	case tEOF, tNewline:
		return tokNames[t.kind]
	}
	s := src[t.off:t.end]
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return strconv.Quote(s)
}

// lexer turns a whole .bl file into tokens. It never stops at an error: it records the error,
// skips the offending characters and goes on, so that the parser can report every problem of
// the file at once.
type lexer struct {
	src   string
	off   int // byte offset of the next character
	line  int
	col   int // column (in runes) of the next character
	depth int // bracket nesting: newlines inside brackets do not end a statement
	toks  []token
	errs  *errSink
}

// errSink collects errors up to MaxErrors and knows the source, to attach each error's line.
type errSink struct {
	file string
	src  string
	list ErrorList
}

func (s *errSink) add(p Pos, msg string) {
	if len(s.list) >= MaxErrors {
		return
	}
	p.File = s.file // tokens do not carry it: one file per sink
	s.list = append(s.list, &Error{Pos: p, Msg: msg, Source: sourceLine(s.src, p.Line)})
}

func (s *errSink) full() bool { return len(s.list) >= MaxErrors }

// sourceLine returns line n (from 1) of src without its newline.
func sourceLine(src string, n int) string {
	for i := 1; i < n; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(src, "\r")
}

// lex splits src into tokens, ending with tEOF. Errors go to errs.
func lex(file, src string, errs *errSink) []token {
	lx := &lexer{src: src, line: 1, col: 1, errs: errs}
	lx.toks = make([]token, 0, len(src)/3+1) // code has about one token per 3.5 bytes
	lx.run()
	return lx.toks
}

func (lx *lexer) pos() Pos { return Pos{Line: lx.line, Col: lx.col} }

func (lx *lexer) peekByte(k int) byte {
	if lx.off+k < len(lx.src) {
		return lx.src[lx.off+k]
	}
	return 0
}

// next consumes one rune and returns it (utf8.RuneError for invalid bytes, -1 at the end).
func (lx *lexer) next() rune {
	if lx.off >= len(lx.src) {
		return -1
	}
	r, n := rune(lx.src[lx.off]), 1
	if r >= utf8.RuneSelf {
		r, n = utf8.DecodeRuneInString(lx.src[lx.off:])
	}
	lx.off += n
	if r == '\n' {
		lx.line++
		lx.col = 1
	} else {
		lx.col++
	}
	return r
}

func (lx *lexer) peek() rune {
	if lx.off >= len(lx.src) {
		return -1
	}
	r := rune(lx.src[lx.off])
	if r >= utf8.RuneSelf {
		r, _ = utf8.DecodeRuneInString(lx.src[lx.off:])
	}
	return r
}

func (lx *lexer) emit(kind tokKind, start Pos, off int, text string, val value.Term) *token {
	lx.toks = append(lx.toks, token{kind: kind, line: int32(start.Line), col: int32(start.Col), off: int32(off), end: int32(lx.off), text: text, val: val})
	return &lx.toks[len(lx.toks)-1]
}

func (lx *lexer) errorf(p Pos, format string, args ...any) {
	lx.errs.add(p, sprintf(format, args...))
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isLower reports whether r may start a bare atom: a–z and Latin-1 lowercase letters, as Erlang
// (and value.QuoteAtom) define it.
func isLower(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 0xDF && r <= 0xFF && r != 0xF7) }

func isUpper(r rune) bool { return (r >= 'A' && r <= 'Z') || (r >= 0xC0 && r <= 0xDE && r != 0xD7) }

func isNameChar(r rune) bool { return isLower(r) || isUpper(r) || isDigit(r) || r == '_' || r == '@' }

func (lx *lexer) run() {
	for {
		start, off := lx.pos(), lx.off
		r := lx.next()
		switch {
		case r == -1:
			if len(lx.toks) > 0 && lx.toks[len(lx.toks)-1].kind != tNewline {
				lx.emit(tNewline, start, off, "", nil)
			}
			lx.emit(tEOF, start, off, "", nil)
			return
		case r == '\n':
			if lx.continues() {
				continue
			}
			lx.depth = 0
			if len(lx.toks) > 0 && lx.toks[len(lx.toks)-1].kind != tNewline {
				lx.emit(tNewline, start, off, "", nil)
			}
		case r == ' ' || r == '\t' || r == '\r' || r == '\f' || r == '\v':
		case r == '%':
			for lx.peek() != '\n' && lx.peek() != -1 {
				lx.next()
			}
		case isLower(r):
			lx.name(r)
			lx.emit(tIdent, start, off, lx.src[off:lx.off], nil)
		case isUpper(r) || r == '_':
			lx.name(r)
			lx.emit(tVar, start, off, lx.src[off:lx.off], nil)
		case r == '@':
			for isNameChar(lx.peek()) && lx.peek() != '@' {
				lx.next()
			}
			if lx.off == off+1 {
				lx.errorf(start, "a label needs a name after @, as in @loop")
				continue
			}
			lx.emit(tLabel, start, off, lx.src[off+1:lx.off], nil)
		case isDigit(r):
			lx.number(start, off)
		case r == '$':
			lx.char(start, off)
		case r == '"':
			cs, ok := lx.quoted('"', start)
			if ok {
				l := make(value.List, len(cs))
				for i, c := range cs {
					l[i] = value.Int(c)
				}
				lx.emit(tString, start, off, "", l)
			}
		case r == '\'':
			cs, ok := lx.quoted('\'', start)
			if ok {
				lx.emit(tQAtom, start, off, string(cs), nil)
			}
		case r == '<' && isDigit(lx.peek()):
			lx.special(tPid, start, off, 3)
		case r == '#' && strings.HasPrefix(lx.src[lx.off:], "Ref<"):
			lx.off += 4
			lx.col += 4
			lx.special(tRef, start, off, 4)
		case r == '#' && strings.HasPrefix(lx.src[lx.off:], "Port<"):
			lx.off += 5
			lx.col += 5
			lx.special(tPort, start, off, 2)
		default:
			lx.punct(r, start, off)
		}
	}
}

// continues reports whether a newline continues the statement: after a comma, or inside
// brackets after an opening bracket or a separator, so a term or an operand list may span
// lines the way Erlang code is usually laid out. Any other newline ends the statement, so that one
// unclosed bracket is reported on its own line instead of swallowing the rest of the file.
func (lx *lexer) continues() bool {
	if len(lx.toks) == 0 {
		return false
	}
	t := lx.toks[len(lx.toks)-1]
	if t.kind != tPunct {
		return false
	}
	if t.text == "," {
		return true // also outside brackets: a long export list goes on over several lines
	}
	if lx.depth == 0 {
		return false
	}
	switch t.text {
	case "{", "[", "(", "<<", "=>", "|", "#", ":", "/", "-", "+":
		return true
	}
	return false
}

func (lx *lexer) name(r rune) {
	for isNameChar(lx.peek()) {
		lx.next()
	}
}

func (lx *lexer) punct(r rune, start Pos, off int) {
	text := string(r)
	switch r {
	case '{', '[', '(':
		lx.depth++
	case '}', ']', ')':
		if lx.depth > 0 {
			lx.depth--
		}
	case '<':
		if lx.peek() != '<' {
			lx.errorf(start, "unexpected \"<\" (binaries are written <<…>>, pids <0.1.0>)")
			return
		}
		lx.next()
		text = "<<"
		lx.depth++
	case '>':
		if lx.peek() != '>' {
			lx.errorf(start, "unexpected \">\"")
			return
		}
		lx.next()
		text = ">>"
		if lx.depth > 0 {
			lx.depth--
		}
	case '=':
		if lx.peek() != '>' {
			lx.errorf(start, "unexpected \"=\" (map entries are written k => v)")
			return
		}
		lx.next()
		text = "=>"
	case ',', '|', '/', ':', '#', '-', '+':
	default:
		if r == utf8.RuneError {
			lx.errorf(start, "invalid UTF-8 in source")
		} else {
			lx.errorf(start, "unexpected character %q", r)
		}
		return
	}
	lx.emit(tPunct, start, off, text, nil)
}

// number lexes 123, 1_000, 16#ff, 2.5, 1.0e-3. The first digit is already consumed.
func (lx *lexer) number(start Pos, off int) {
	lx.digits(10)
	// Base#digits.
	if lx.peek() == '#' {
		base, err := strconv.Atoi(strings.ReplaceAll(lx.src[off:lx.off], "_", ""))
		if err != nil || base < 2 || base > 36 {
			lx.next()
			lx.digits(36)
			lx.errorf(start, "integer base must be from 2 to 36")
			return
		}
		lx.next()
		dstart := lx.off
		lx.digits(36)
		ds := strings.ReplaceAll(lx.src[dstart:lx.off], "_", "")
		x, ok := new(big.Int).SetString(ds, base)
		if ds == "" || !ok {
			lx.errorf(start, "bad base-%d integer %q", base, lx.src[off:lx.off])
			return
		}
		lx.emit(tInt, start, off, "", value.Integer(x))
		return
	}
	// A fraction needs a digit after the dot, so "1." is not a float.
	if lx.peek() == '.' && isDigit(rune(lx.peekByte(1))) {
		lx.next()
		lx.digits(10)
		if c := lx.peek(); c == 'e' || c == 'E' {
			k := 1
			if s := lx.peekByte(1); s == '+' || s == '-' {
				k = 2
			}
			if isDigit(rune(lx.peekByte(k))) {
				for ; k > 0; k-- {
					lx.next()
				}
				lx.digits(10)
			}
		}
		text := strings.ReplaceAll(lx.src[off:lx.off], "_", "")
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsInf(f, 0) {
			lx.errorf(start, "float %s is out of range", lx.src[off:lx.off])
			return
		}
		lx.emit(tFloat, start, off, "", value.Float(f))
		return
	}
	text := lx.src[off:lx.off]
	if strings.HasSuffix(text, "_") || strings.Contains(text, "__") {
		lx.errorf(start, "bad integer %q: _ goes between digits", text)
		return
	}
	text = strings.ReplaceAll(text, "_", "")
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		lx.emit(tInt, start, off, "", value.Int(n))
		return
	}
	x, _ := new(big.Int).SetString(text, 10)
	lx.emit(tInt, start, off, "", value.Integer(x))
}

// digits consumes digits of the base (and _ separators between them).
func (lx *lexer) digits(base int) {
	for {
		c := lx.peek()
		if c == '_' && digitVal(rune(lx.peekByte(1))) < base {
			lx.next()
			continue
		}
		if digitVal(c) >= base {
			return
		}
		lx.next()
	}
}

func digitVal(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= 'a' && r <= 'z':
		return int(r-'a') + 10
	case r >= 'A' && r <= 'Z':
		return int(r-'A') + 10
	}
	return 99
}

// char lexes $c and $\escape: the integer code of the character.
func (lx *lexer) char(start Pos, off int) {
	r := lx.next()
	switch r {
	case -1, '\n':
		lx.errorf(start, "$ needs a character after it")
		return
	case '\\':
		c, ok := lx.escape(start)
		if !ok {
			return
		}
		r = c
	}
	lx.emit(tInt, start, off, "", value.Int(r))
}

// quoted lexes the rest of a "string" or 'atom' after its opening quote and returns its code
// points. A quoted token ends at its line: a newline inside is written \n.
func (lx *lexer) quoted(q rune, start Pos) ([]rune, bool) {
	var cs []rune
	ok := true
	for {
		p := lx.pos()
		r := lx.peek()
		switch r {
		case -1, '\n':
			what := "string"
			if q == '\'' {
				what = "quoted atom"
			}
			lx.errorf(start, "unterminated %s (a newline inside is written \\n)", what)
			return nil, false
		case q:
			lx.next()
			return cs, ok
		case '\\':
			lx.next()
			c, good := lx.escape(p)
			ok = ok && good
			cs = append(cs, c)
		case utf8.RuneError:
			lx.next()
			lx.errorf(p, "invalid UTF-8 in source")
			ok = false
		default:
			lx.next()
			cs = append(cs, r)
		}
	}
}

// escape lexes an Erlang escape after its backslash: \n \t \r \b \f \v \e \s \d \\ \' \" \NNN
// (octal) \xHH \x{H…} \^c; any other \c means c.
func (lx *lexer) escape(p Pos) (rune, bool) {
	r := lx.next()
	switch r {
	case 'n':
		return '\n', true
	case 't':
		return '\t', true
	case 'r':
		return '\r', true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'v':
		return '\v', true
	case 'e':
		return 27, true
	case 's':
		return ' ', true
	case 'd':
		return 127, true
	case '^':
		c := lx.next()
		if c == -1 || c == '\n' {
			lx.errorf(p, "\\^ needs a character after it")
			return 0, false
		}
		return c & 31, true
	case 'x':
		if lx.peek() == '{' {
			lx.next()
			var v int64
			n := 0
			for digitVal(lx.peek()) < 16 {
				v = v*16 + int64(digitVal(lx.next()))
				n++
				if v > utf8.MaxRune {
					v = utf8.MaxRune + 1
				}
			}
			if lx.peek() != '}' || n == 0 {
				lx.errorf(p, "bad escape: \\x{…} needs hex digits and a closing }")
				return 0, false
			}
			lx.next()
			if v > utf8.MaxRune {
				lx.errorf(p, "bad escape: \\x{…} is beyond the last Unicode code point")
				return 0, false
			}
			return rune(v), true
		}
		if digitVal(lx.peek()) < 16 && digitVal(rune(lx.peekByte(1))) < 16 {
			v := digitVal(lx.next())*16 + digitVal(lx.next())
			return rune(v), true
		}
		lx.errorf(p, "bad escape: \\x needs two hex digits or {…}")
		return 0, false
	case -1, '\n':
		lx.errorf(p, "unterminated escape")
		return 0, false
	}
	if r >= '0' && r <= '7' {
		v := r - '0'
		for i := 0; i < 2 && lx.peek() >= '0' && lx.peek() <= '7'; i++ {
			v = v*8 + lx.next() - '0'
		}
		return v, true
	}
	return r, true
}

// special lexes the dotted numbers of <0.1.2>, #Ref<0.1.2.3> and #Port<0.1> up to the >.
func (lx *lexer) special(kind tokKind, start Pos, off int, n int) {
	nums := make([]uint64, 0, n)
	for {
		dstart := lx.off
		for isDigit(lx.peek()) {
			lx.next()
		}
		v, err := strconv.ParseUint(lx.src[dstart:lx.off], 10, 64)
		if err != nil {
			break
		}
		nums = append(nums, v)
		if lx.peek() != '.' {
			break
		}
		lx.next()
	}
	if lx.peek() != '>' || len(nums) != n {
		lx.errorf(start, "bad %s: expected %d numbers separated by dots, then >", tokNames[kind], n)
		for c := lx.peek(); c != -1 && c != '\n' && c != '>'; c = lx.peek() {
			lx.next()
		}
		if lx.peek() == '>' {
			lx.next()
		}
		return
	}
	lx.next()
	t := lx.emit(kind, start, off, "", nil)
	t.nums = &nums
}
