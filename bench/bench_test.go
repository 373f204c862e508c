package bench

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSuiteFiles: every benchmark has its program and its twin, and they name the same module.
func TestSuiteFiles(t *testing.T) {
	for _, b := range Suite {
		bl, err := files.ReadFile(b.Module + ".bl")
		require.NoError(t, err, b.Module)
		assert.Contains(t, string(bl), "\nmodule "+b.Module+"\n", b.Module)
		erl, err := files.ReadFile("erl/" + b.Module + ".erl")
		require.NoError(t, err, b.Module)
		assert.Contains(t, string(erl), "-module("+b.Module+").", b.Module)
		assert.Equal(t, strings.Count(b.Params, "%s"), len(b.Args), b.Module)
		assert.Equal(t, len(b.Args), len(b.Quick), b.Module)
	}
}

// TestQuickSuite is the CI smoke run on beamlite's side: every benchmark runs (or is skipped
// for a missing library function) and prints a check and positive figures. It never looks at
// what the figures are.
func TestQuickSuite(t *testing.T) {
	rep, err := RunSuite(context.Background(), Options{Quick: true, Runs: 1, Schedulers: []int{1, 2}})
	require.NoError(t, err)
	require.Len(t, rep.Cases, 2*len(Suite))
	for _, c := range rep.Cases {
		require.Empty(t, c.Error, c.Label())
		if c.Skipped != "" {
			t.Logf("%s: skipped: %s", c.Label(), c.Skipped)
			continue
		}
		require.Len(t, c.Runs, 1, c.Label())
		assert.NotEmpty(t, c.Runs[0].Check, c.Label())
		require.NotEmpty(t, c.Metrics, c.Label())
		for _, m := range c.Metrics {
			v := c.Values(Beamlite, m.Name)
			require.Len(t, v, 1, c.Label())
			assert.Greater(t, v[0], 0.0, "%s %s", c.Label(), m.Name)
		}
	}
}

// TestChecks pins what each program computes, so that a benchmark that stops doing its work
// (and gets fast) fails.
func TestChecks(t *testing.T) {
	rep, err := RunSuite(context.Background(), Options{Quick: true, Runs: 1, Schedulers: []int{1},
		Filter: regexp.MustCompile(`^(fib|maps|spawn|ring|messages|lists|sort|fairness|gc_load|gen_server_call|cast|supervisor_restart|start_children) `)})
	require.NoError(t, err)
	want := map[string]string{
		"fib fib(18)":                                                              "2584",
		"maps 2000 puts, then gets":                                                "4002000", // the sum of 2K for K in 1..2000
		"spawn 2000 waiting processes":                                             "2000",
		"ring 100 processes × 10 laps":                                             "1000",
		"ring 1000 processes × 2 laps":                                             "2000",
		"messages 10000 × small ({msg, 42})":                                       "10000",
		"lists seq/map/filter/sum of 10000":                                        "33336666", // 2X for X in 1..10000 with 3 | 2X
		"sort lists:sort of 2000 integers":                                         "",         // checked against the BEAM in TestTwinsAgree
		"messages 10000 × tuple10":                                                 "10000",
		"messages 10000 × bin1k (1 KB binary)":                                     "10000",
		"fairness 4 spinning processes, 100 round trips":                           "100",
		"gc_load 50 processes building 10000-element lists, 200 ms of round trips": "50",
		"gen_server_call 1 client × 2000 calls":                                    "2000",
		"gen_server_call 100 clients × 20 calls":                                   "2000",
		"cast 10000 casts, then a call":                                            "10000",
		"supervisor_restart 100 kill-restart cycles, 50 per supervisor":            "100",
		"start_children 1000 children, one start_child each":                       "1000",
	}
	for _, c := range rep.Cases {
		require.Empty(t, c.Error, c.Label())
		w, ok := want[c.Benchmark+" "+c.Params]
		require.True(t, ok, c.Label())
		if c.Skipped != "" || w == "" {
			continue
		}
		assert.Equal(t, w, c.Runs[0].Check, c.Label())
	}
}

// TestTwinsAgree runs the quick suite on both sides: the twins compile, run, and print the
// same check as the programs.
func TestTwinsAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("starts erl for every benchmark")
	}
	if !HaveErl() {
		t.Skip(InstallHint)
	}
	rep, err := RunSuite(context.Background(), Options{Quick: true, Runs: 1, Schedulers: []int{1}, VsBeam: true})
	require.NoError(t, err)
	for _, c := range rep.Cases {
		require.Empty(t, c.Error, c.Label())
		if c.Skipped != "" {
			continue
		}
		require.Len(t, c.Runs, 2, c.Label())
		assert.Equal(t, c.Runs[0].Check, c.Runs[1].Check, c.Label())
		for _, row := range rep.Rows() {
			_, ok := row.Ratio()
			assert.True(t, ok, row.Case.Label())
		}
	}
}

// A program that fails, prints nothing or prints figures the other side does not is a failed
// case with its reason, and the suite goes on.
func TestFailures(t *testing.T) {
	c := &Case{Benchmark: "x"}
	require.NoError(t, c.add(Beamlite, 0, "check 1\nresult time 2.5 ms\n", 0))
	err := c.add(BEAM, 0, "check 1\nresult hop 3 ns\n", 0)
	require.ErrorContains(t, err, "the other side")
	require.NoError(t, c.add(BEAM, 0, "check 2\nresult time 1.0e1 ms\n", 0))
	assert.Contains(t, c.compareChecks(), `beamlite printed check "1", beam printed "2"`)

	_, _, _, err = ParseOutput("hello\n")
	assert.ErrorContains(t, err, "printed no result line")
	_, _, _, err = ParseOutput("result time fast ms\n")
	assert.ErrorContains(t, err, "bad result line")
}

func TestParseOutput(t *testing.T) {
	figs, metrics, check, err := ParseOutput("noise\ncheck {1,2}\nresult put 421.5 ns/op\nresult rate 5.0e5 msg/s\n")
	require.NoError(t, err)
	assert.Equal(t, "{1,2}", check)
	assert.Equal(t, map[string]float64{"put": 421.5, "rate": 5e5}, figs)
	assert.Equal(t, []Metric{{"put", "ns/op"}, {"rate", "msg/s"}}, metrics)
	assert.True(t, metrics[1].Rate())
	assert.False(t, metrics[0].Rate())
}

func TestRatio(t *testing.T) {
	cost := Row{Metric: Metric{"time", "ms"}, Beamlite: []float64{30, 10, 20}, BEAM: []float64{5, 5}}
	r, ok := cost.Ratio()
	require.True(t, ok)
	assert.InDelta(t, 4.0, r, 1e-9) // medians 20 and 5
	rate := Row{Metric: Metric{"rate", "msg/s"}, Beamlite: []float64{1e6}, BEAM: []float64{3e6}}
	r, ok = rate.Ratio()
	require.True(t, ok)
	assert.InDelta(t, 3.0, r, 1e-9) // a third of the BEAM's rate: three times the cost
	_, ok = Row{Metric: Metric{"time", "ms"}, Beamlite: []float64{1}}.Ratio()
	assert.False(t, ok)
	assert.True(t, math.IsNaN(Median(nil)))
	assert.Equal(t, "4.30M", Num(4.3e6))
	assert.Equal(t, "278k", Num(278123))
	assert.Equal(t, "0.0248", Num(0.02481))
	assert.Equal(t, "0.0031", RatioText(0.003123))
	assert.Equal(t, "12.03", RatioText(12.031))
}

func sampleReport() *Report {
	return &Report{Runs: 2, VsBeam: true, Machine: Machine{CPU: "cpu", Cores: 2, Schedulers: []int{1, 2}},
		Cases: []*Case{
			{Benchmark: "fib", Params: "fib(30)", Schedulers: 1, Metrics: []Metric{{"time", "ms"}},
				Runs: []Run{{Side: Beamlite, Figures: map[string]float64{"time": 70}}, {Side: BEAM, Figures: map[string]float64{"time": 10}}}},
			{Benchmark: "ring", Params: "10 × 10", Schedulers: 2, Metrics: []Metric{{"hop", "ns"}},
				Runs: []Run{{Side: Beamlite, Figures: map[string]float64{"hop": 100}}, {Side: BEAM, Figures: map[string]float64{"hop": 400}}}},
			{Benchmark: "sort", Params: "10", Schedulers: 1, Skipped: "no lists:sort/1"},
			{Benchmark: "maps", Params: "10", Schedulers: 1, Error: "boom"},
		}}
}

func TestTable(t *testing.T) {
	var b strings.Builder
	sampleReport().WriteTable(&b)
	out := b.String()
	assert.Contains(t, out, "| fib | fib(30) | 1 | time | 70.0 | 10.0 | 7.00 | ms | 70.0–70.0 | 10.0–10.0 |")
	assert.Contains(t, out, "| ring | 10 × 10 | 2 | hop | 100 | 400 | 0.25 | ns |")
	assert.Contains(t, out, "Skipped: sort 10 (1 sched): no lists:sort/1.")
	assert.Contains(t, out, "FAILED: maps 10 (1 sched): boom")
	assert.Contains(t, out, "Machine: cpu, 2 cores")
}

// The chart is well-formed SVG with a bar and a label for each ratio and the 1.0 line.
func TestSVG(t *testing.T) {
	var b strings.Builder
	sampleReport().WriteSVG(&b)
	var doc struct {
		XMLName xml.Name
		Rects   []struct {
			Fill string `xml:"fill,attr"`
		} `xml:"rect"`
		Texts []string `xml:"text"`
	}
	require.NoError(t, xml.Unmarshal([]byte(b.String()), &doc))
	assert.Equal(t, "svg", doc.XMLName.Local)
	require.Len(t, doc.Rects, 3) // the background and two bars
	assert.Equal(t, "#d9534f", doc.Rects[1].Fill, "fib: beamlite slower")
	assert.Equal(t, "#2e8b57", doc.Rects[2].Fill, "ring: beamlite faster")
	texts := strings.Join(doc.Texts, "\n")
	assert.Contains(t, texts, "fib fib(30) · time · 1 sched")
	assert.Contains(t, texts, "7.00")
	assert.Contains(t, texts, "0.25")
	assert.Contains(t, texts, "1.0 = as fast as the BEAM")
}

func TestJSON(t *testing.T) {
	data, err := json.Marshal(sampleReport())
	require.NoError(t, err)
	var back Report
	require.NoError(t, json.Unmarshal(data, &back))
	require.Len(t, back.Cases, 4)
	assert.Equal(t, []float64{70}, back.Cases[0].Values(Beamlite, "time"))
	assert.Equal(t, "boom", back.Cases[3].Error)
}

// A benchmark whose program raises is a failed case that names the exception, and the
// benchmarks after it still run.
func TestFailingBenchmark(t *testing.T) {
	saved := Suite
	defer func() { Suite = saved }()
	Suite = []Benchmark{
		{Name: "broken", Module: "bench_fib", Args: []string{"x"}, Quick: []string{"not_a_number"}, Params: "%s"},
		saved[0],
	}
	rep, err := RunSuite(context.Background(), Options{Quick: true, Runs: 1, Schedulers: []int{1}})
	require.NoError(t, err)
	require.Len(t, rep.Cases, 2)
	failed := rep.Failed()
	require.Len(t, failed, 1)
	assert.Equal(t, "broken", failed[0].Benchmark)
	assert.Contains(t, failed[0].Error, "badarg")
	assert.Empty(t, rep.Cases[1].Error)
	assert.Len(t, rep.Cases[1].Runs, 1)
}
