package asm

import (
	"fmt"
	"strings"
	"testing"
)

// genProgram writes a module of about n lines that looks like real code: functions with a
// frame, tests and labels, literals, local and external calls, tuples, maps and binaries.
func genProgram(n int) string {
	var b strings.Builder
	b.WriteString("% generated for BenchmarkAssemble\nmodule big\nexport f0/2\n")
	lines := 3
	for i := 0; lines < n; i++ {
		next := i + 1
		fmt.Fprintf(&b, `
%% f%d(A, B) -> a function of 26 lines.
function f%d/2
    is_tuple @other, x0
    test_arity @other, x0, 2
    allocate 2
    move x1, y0
    get_tuple_element x0, 0, x2
    is_eq_exact @no, x2, {point, %d}
    put_tuple x3, [x1, ok, "a string", 2.5]
    bif2 none, erlang:'+'/2, x1, %d, x1
    move x3, y1
    call_ext 1, lists:reverse/1
    put_map_assoc none, #{}, x0, [key => y1, count => y0]
    bs_create_bin none, x1, [y0:16/little, <<"hdr">>/binary]
    move y1, x1
    call_last 2, f%d/2, 2
@no:
    move {error, [1, 2, 3]}, x0
    deallocate 2
    return
@other:
    select_val x0, @bad, [1 => @one, two => @two, 3.0 => @one]
@one:
    move x1, x0
    return
@two:
    move <<1, 2, 3, "abc">>, x0
    return
@bad:
    func_clause
`, i, i, i, i, next)
		lines += 28
	}
	fmt.Fprintf(&b, "\nfunction f%d/2\n    return\n", (lines-3)/28)
	return b.String()
}

func TestGenProgramAssembles(t *testing.T) {
	src := genProgram(300)
	if _, err := Assemble("big.bl", []byte(src)); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkAssemble assembles and verifies a 10,000-line module.
func BenchmarkAssemble(b *testing.B) {
	src := []byte(genProgram(10000))
	lines := strings.Count(string(src), "\n")
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Assemble("big.bl", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

// BenchmarkAssembleNoVerify is the assembler's own share: lexing, parsing, tables.
func BenchmarkAssembleNoVerify(b *testing.B) {
	src := genProgram(10000)
	lines := strings.Count(src, "\n")
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, errs := assemble("big.bl", src); errs != nil {
			b.Fatal(errs)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

// BenchmarkDisassemble prints the 10,000-line module back.
func BenchmarkDisassemble(b *testing.B) {
	m, err := Assemble("big.bl", []byte(genProgram(10000)))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Disassemble(m); err != nil {
			b.Fatal(err)
		}
	}
}
