package vm

import (
	"unicode/utf8"

	"github.com/beamlite/beamlite/vm/term"
)

// error_logger's one-line reports, in Go.
//
// error_logger:write(Header, Format, Args) is the work of every error_logger function
// (vm/stdlib/error_logger.bl): it formats Args by Format as io_lib:format/2 does, makes the
// text one line and writes it, with Header in front unless the text starts with "=" (a report
// that names its own kind), and a newline, to standard_error. A bad format (a bad control
// sequence, an argument of the wrong type or count, a Format that is not chardata, Args not a
// proper list) writes "FORMAT ERROR: ~0p - ~0p" of Format and Args instead, as OTP's logger
// does, and does not raise.
//
// One line, as OTP's logger formatter with single_line => true: ~p and ~P are formatted
// as ~0p and ~0P (no line breaks: the term is laid out on one line), then each newline (\r\n
// or \n) with the blanks that follow it becomes one space, and trailing blanks are dropped.
// Doing it here rather than in .bl (io_lib:format, lists:flatten, a pass over the characters,
// io:put_chars: four walks of a list of characters as long as the report) makes a report cost
// about what formatting it costs.

func init() {
	registerBif("error_logger", "write", 3, bifLoggerWrite)
}

var formatErrorRunes = []rune("FORMAT ERROR: ~0p - ~0p")

func bifLoggerWrite(p *Process, a []term.Term) term.Term {
	h := &p.heap.Heap
	header, ok := runesOf(h, a[0])
	if !ok {
		return p.badarg()
	}
	text, ok := p.loggerFormat(a[1], a[2])
	if !ok {
		text, _ = ioFormat(h, formatErrorRunes, []term.Term{a[1], a[2]})
	}
	line := make([]byte, 0, len(header)+len(text)+1)
	if len(text) == 0 || text[0] != '=' {
		line = appendRunes(line, header)
	}
	line = appendOneLine(line, text)
	line = append(line, '\n')
	p.charge(len(line) / bytesPerRed)
	p.vm.stderr.write(line)
	return term.Ok
}

// loggerFormat is io_lib:format(Format, Args) with singleLineFormat's ~p, or ok false for
// what io_lib:format raises badarg for.
func (p *Process) loggerFormat(format, args term.Term) ([]rune, bool) {
	h := &p.heap.Heap
	f, ok := runesOf(h, format)
	if !ok {
		return nil, false
	}
	as, tail := term.ListToSlice(h, args)
	if !tail.IsNil() {
		return nil, false
	}
	return ioFormat(h, singleLineFormat(f), as)
}

// singleLineFormat returns format with the field width of every ~p and ~P made 0, so that
// ioFormat lays their terms out on one line, as OTP's logger formatter does for single_line
// (it sets width 0 on them too). Other control sequences are left as they are.
func singleLineFormat(f []rune) []rune {
	var out []rune // nil until something changes
	copied := 0    // f[:copied] is in out
	isDigit := func(c rune) bool { return c >= '0' && c <= '9' }
	for i := 0; i < len(f); i++ {
		if f[i] != '~' {
			continue
		}
		// ~ [width] [.precision [.pad]] [modifiers] control
		j := i + 1
		if j < len(f) && f[j] == '-' {
			j++
		}
		if j < len(f) && f[j] == '*' {
			j++
		} else {
			for j < len(f) && isDigit(f[j]) {
				j++
			}
		}
		widthEnd := j
		if j < len(f) && f[j] == '.' {
			j++
			if j < len(f) && f[j] == '*' {
				j++
			} else {
				for j < len(f) && isDigit(f[j]) {
					j++
				}
			}
			if j < len(f) && f[j] == '.' {
				j += 2 // the pad character
			}
		}
		for j < len(f) && (f[j] == 't' || f[j] == 'l') {
			j++
		}
		if j < len(f) && (f[j] == 'p' || f[j] == 'P') {
			if out == nil {
				out = make([]rune, 0, len(f)+8)
			}
			out = append(out, f[copied:i+1]...)
			out = append(out, '0')
			copied = widthEnd
		}
		i = j
	}
	if out == nil {
		return f
	}
	return append(out, f[copied:]...)
}

// appendOneLine appends text to b, UTF-8 encoded, with each newline and the blanks around it
// made one space and the trailing blanks dropped; blanks within a line stay as they are.
func appendOneLine(b []byte, text []rune) []byte {
	pending := -1 // where a run of blanks not yet written starts (-1: none)
	newline := false
	for i, c := range text {
		switch c {
		case ' ', '\t', '\r':
			if pending < 0 {
				pending = i
			}
			continue
		case '\n':
			if pending < 0 {
				pending = i
			}
			newline = true
			continue
		}
		if pending >= 0 {
			if newline {
				b = append(b, ' ')
			} else {
				b = appendRunes(b, text[pending:i])
			}
			pending, newline = -1, false
		}
		b = utf8.AppendRune(b, c)
	}
	return b
}

func appendRunes(b []byte, rs []rune) []byte {
	for _, r := range rs {
		b = utf8.AppendRune(b, r)
	}
	return b
}
