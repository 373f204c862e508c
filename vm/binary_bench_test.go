//go:build unix

package vm

import (
	"syscall"
	"testing"
	"time"

	"github.com/beamlite/beamlite/value"
	"github.com/stretchr/testify/require"
)

// benchBinSrc matches a binary byte by byte in a loop (bs_get_integer, an add, a backward
// jump per byte), and builds one by appending a byte at a time.
const benchBinSrc = `
module bbench
export sum/1, rep/2, build/1

% rep(Bin, K) -> sum(Bin) K times, so that one Apply (and its process start) serves the whole
% benchmark.
function rep/2
    allocate 2
    move x0, y0
    move x1, y1
@loop:
    is_lt @done, 0, y1
    move y0, x0
    call 1, sum/1
    bif2 none, erlang:'-'/2, y1, 1, x1
    move x1, y1
    jump @loop
@done:
    deallocate 2
    return

% sum(Bin) -> sum(Bin, 0). sum(<<B, Rest/binary>>, Acc) -> sum(Rest, Acc + B); sum(<<>>, Acc) -> Acc.
function sum/1
    bs_start_match @bad, x0, x1
    move 0, x2
@loop:
    bs_get_integer @done, x1, 8, 1, [], x3
    bif2 none, erlang:'+'/2, x2, x3, x2
    jump @loop
@done:
    bs_test_tail @bad, x1, 0
    move x2, x0
    return
@bad:
    move bad, x0
    return

% build(N) -> <<0, 1, ..., N-1>> (bytes mod 256), by appending.
function build/1
    move <<>>, x1
    move 0, x2
@loop:
    is_lt @done, x2, x0
    bs_create_bin none, x1, [x1/binary, x2:8]
    bif2 none, erlang:'+'/2, x2, 1, x2
    jump @loop
@done:
    move x1, x0
    return
`

// BenchmarkBinaryMatchBytes matches a 1 KB binary byte by byte, b.N times in one process;
// ns/byte is the figure (one bs_get_integer, one '+' and one backward jump per byte).
func BenchmarkBinaryMatchBytes(b *testing.B) {
	v := newVM(b, Options{})
	loadSrc(b, v, "bbench.bl", benchBinSrc)
	data := make([]byte, 1024)
	want := 0
	for i := range data {
		data[i] = byte(i * 7)
		want += int(data[i])
	}
	bin := value.Binary(data)
	r, err := v.Apply("bbench", "sum", bin)
	require.NoError(b, err)
	require.Equal(b, value.Int(want), r)
	b.ResetTimer()
	cpu0 := cpuTime()
	if _, err := v.Apply("bbench", "rep", bin, value.Int(b.N)); err != nil {
		b.Fatal(err)
	}
	bytes := float64(b.N) * float64(len(data))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/bytes, "ns/byte")
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/bytes, "cpu-ns/byte")
}

// cpuTime is the CPU time the test process has used (user and system, all threads). On a
// loaded machine it measures the work better than the wall clock does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBinaryAppend builds a 1 KB binary by appending one byte at a time: each append
// copies the whole binary (there are no writable binaries yet), so this is quadratic.
func BenchmarkBinaryAppend(b *testing.B) {
	v := newVM(b, Options{})
	loadSrc(b, v, "bbench.bl", benchBinSrc)
	for b.Loop() {
		if _, err := v.Apply("bbench", "build", value.Int(1024)); err != nil {
			b.Fatal(err)
		}
	}
}
