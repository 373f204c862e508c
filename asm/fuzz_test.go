package asm

import (
	"fmt"
	"github.com/beamlite/beamlite/bytecode"
	"github.com/beamlite/beamlite/value"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzLex checks invariant 3 for the lexer: any input gives tokens and errors, never a panic
// or a hang, and every token's position lies inside the input.
func FuzzLex(f *testing.F) {
	for _, s := range []string{
		"", "module m\n", "move x0, {ok, [1|2]} % c\n", `"a\x{41}\101\^a"`, "'q\\'a'",
		"16#ff 2#101 1_000 1.5e-3 $\\n $", "<0.1.2> #Ref<0.1.2.0> #Port<0.1>", "@loop:", "<<\"é\"/utf8>>",
		"{[(<<", ">>)]}", "\xff\xfe", "1.e5", "@", "#Ref<", "'\\x{", "\"\n\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		errs := &errSink{file: "f.bl", src: src}
		toks := lex("f.bl", src, errs)
		if len(toks) == 0 || toks[len(toks)-1].kind != tEOF {
			t.Fatal("token list does not end in EOF")
		}
		for _, tk := range toks {
			if tk.off < 0 || int(tk.end) > len(src) || tk.off > tk.end {
				t.Fatalf("token %v out of range", tk)
			}
		}
		for _, e := range errs.list {
			if e.Pos.Line < 1 || e.Pos.Col < 1 {
				t.Fatalf("error without position: %v", e)
			}
		}
	})
}

// FuzzParse checks invariant 3 for the literal parser, and that whatever it accepts prints
// and parses back to the same term (invariant 1 from the other side).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"{ok, [1, 2.5, <<\"bin\">>, #{k => v}]}", "[1|2]", "\"abc\"", "-16#FF", "<<1:3, 2:16/little-signed>>",
		"fun lists:map/2", "<0.1.2>", "#{#{} => []}", "'Quoted\\n'", "<<1.5:32/float>>", "[a|[b|[]]]",
		"<<\"ab\"/utf16-little>>", "<<-1:72>>", "99999999999999999999999999", "{", "<<1:99999999999>>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		v, err := ParseTerm("f.bl", src)
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("error of type %T", err)
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		text, err := formatTerm(v)
		if err != nil {
			return
		}
		back, err := ParseTerm("f.bl", text)
		if err != nil {
			t.Fatalf("%q printed as %q does not parse: %v", src, text, err)
		}
		if !value.Identical(v, back) {
			t.Fatalf("%q printed as %q parses to a different term", src, text)
		}
	})
}

// FuzzAssemble checks invariant 3 for the whole assembler: any text gives a module or an
// ErrorList whose errors all have positions, never a panic or a hang; what assembles also
// disassembles and assembles back to the same module.
func FuzzAssemble(f *testing.F) {
	for _, s := range seedPrograms(f) {
		f.Add(s)
	}
	for _, s := range []string{
		"", "module m\n", "module m\nfunction f/0\n    return\n", "module m\nfunction f/0\n@a: jump @a\n",
		"module m\nfunction f/0\n    move {ok, [1|2], <<1:3>>, #{a => \"b\"}}, x0\n    return\n",
		"module m\nfunction f/0\n    line 5\n    bs_create_bin none, x0, [x1:16/little-signed, <<\"x\">>/binary]\n",
		"module m\nfunction f/0\n    make_fun f/0, x0, [x0]\n", "function", "module\n", "@", "module m\n@a:\n",
		"module m\nexport f/0, f/0\n", "module m\nfunction f/999\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := Assemble("f.bl", []byte(src))
		if err != nil {
			errs, ok := err.(ErrorList)
			if !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			for _, e := range errs {
				if e.Pos.Line < 1 || e.Pos.Col < 1 {
					t.Fatalf("error without a position: %v", e)
				}
				if strings.Contains(e.Msg, "internal error") {
					t.Fatal(e)
				}
			}
			return
		}
		text, err := Disassemble(m)
		if err != nil {
			t.Fatalf("disassemble an assembled module: %v", err)
		}
		m2, errs := asmNoVerify("f.bl", string(text))
		if errs != nil {
			t.Fatalf("reassemble:\n%s\n%v", text, errs)
		}
		if d := bytecodeDiff(m, m2); d != "" {
			t.Fatalf("asm(disasm(m)) != m: %s\n%s", d, text)
		}
	})
}

// seedPrograms returns the repository's example programs and the examples of
// docs/ASSEMBLY.md, the best starting points for mutation.
func seedPrograms(tb testing.TB) []string {
	var seeds []string
	files, _ := filepath.Glob("../examples/asm/*.bl")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			seeds = append(seeds, string(b))
		}
	}
	if doc, err := os.ReadFile("../docs/ASSEMBLY.md"); err == nil {
		parts := strings.Split(string(doc), "```bl\n")
		for _, p := range parts[1:] {
			if i := strings.Index(p, "```"); i >= 0 {
				seeds = append(seeds, p[:i])
			}
		}
	}
	return seeds
}

// TestNoQuadraticBlowup feeds inputs shaped to make a careless assembler quadratic (many
// repeated exports, undefined names, labels, adjacent strings) and checks that each is
// assembled and disassembled in well under a second per 20,000 items — part of invariant 3.
func TestNoQuadraticBlowup(t *testing.T) {
	const n = 20000
	rep := func(s string) string { return strings.Repeat(s, n) }
	var funcs, calls strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&funcs, "function f%d/0\n    return\n", i)
		fmt.Fprintf(&calls, "    call 0, g%d/0\n", i)
	}
	cases := map[string]string{
		"exports":         "module m\nexport " + strings.TrimSuffix(rep("f/0, "), ", ") + "\nfunction f/0\n    return\n",
		"undefined calls": "module m\n" + funcs.String() + "function h/0\n" + calls.String(),
		"undefined labels": "module m\nfunction f/0\n" + func() string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, "    jump @l%d\n", i)
			}
			return b.String()
		}(),
		"adjacent strings": "module m\nfunction f/0\n    move " + rep(`"ab" `) + ", x0\n    return\n",
		"long jump table": "module m\nfunction f/1\n    select_val x0, none, [" + func() string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, "%d => @l%d, ", i, i%100)
			}
			return strings.TrimSuffix(b.String(), ", ")
		}() + "]\n" + func() string {
			var b strings.Builder
			for i := 0; i < 100; i++ {
				fmt.Fprintf(&b, "@l%d: return\n", i)
			}
			return b.String()
		}(),
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			// With the verifier too: its select_val check is linear since it keys values by
			// their printed form (it compared them pairwise, seconds for 20,000 entries).
			start := time.Now()
			m, errs := asmNoVerify("q.bl", src)
			if errs == nil {
				_, _ = Disassemble(m)
				_ = bytecode.Verify(m)
			}
			if d := time.Since(start); d > 10*time.Second { // generous for -race; quadratic would take minutes
				t.Fatalf("took %v", d)
			}
		})
	}
}
