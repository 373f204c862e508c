package bench

import (
	"embed"
	"strings"
)

//go:embed *.bl erl/*.erl
var files embed.FS

// Benchmark is one entry of the suite: a program and its parameters.
type Benchmark struct {
	Name   string   // what the table shows; --filter matches Name and the parameters
	Module string   // the program: Module.bl here, erl/Module.erl its twin
	Args   []string // main/1's arguments for a full run
	Quick  []string // … and for a quick one (CI smoke runs)
	Params string   // the parameters in words, with %s for each argument
	// Requires lists the functions the program needs beyond the BIFs, as "mod:fun/arity";
	// when beamlite lacks one the benchmark is skipped with a note, not failed.
	Requires []string
	// ErlFlags are extra erl flags for the twin (+P for a million processes).
	ErlFlags []string
}

// Label is the benchmark's name and parameters, as the table and --filter see them.
func (b Benchmark) Label(quick bool) string {
	return b.Name + " " + b.ParamText(quick)
}

// ParamText is the parameters in words.
func (b Benchmark) ParamText(quick bool) string {
	args := b.Args
	if quick {
		args = b.Quick
	}
	text := b.Params
	for _, a := range args {
		text = strings.Replace(text, "%s", a, 1)
	}
	return text
}

// Suite is every benchmark, in the order they run.
var Suite = []Benchmark{
	{Name: "fib", Module: "bench_fib", Args: []string{"30"}, Quick: []string{"18"}, Params: "fib(%s)"},
	{Name: "lists", Module: "bench_lists", Args: []string{"1000000"}, Quick: []string{"10000"},
		Params: "seq/map/filter/sum of %s", Requires: []string{"lists:seq/2", "lists:map/2", "lists:filter/2", "lists:sum/1"}},
	{Name: "sort", Module: "bench_sort", Args: []string{"100000"}, Quick: []string{"2000"},
		Params: "lists:sort of %s integers", Requires: []string{"lists:sort/1"}},
	{Name: "maps", Module: "bench_maps", Args: []string{"100000"}, Quick: []string{"2000"},
		Params: "%s puts, then gets"},
	{Name: "spawn", Module: "bench_spawn", Args: []string{"1000000"}, Quick: []string{"2000"},
		Params: "%s waiting processes", Requires: []string{"timer:sleep/1"}, ErlFlags: []string{"+P", "2000000"}},
	{Name: "ring", Module: "bench_ring", Args: []string{"1000", "1000"}, Quick: []string{"100", "10"},
		Params: "%s processes × %s laps"},
	{Name: "ring", Module: "bench_ring", Args: []string{"10000", "100"}, Quick: []string{"1000", "2"},
		Params: "%s processes × %s laps"},
	{Name: "messages", Module: "bench_messages", Args: []string{"1000000", "small"}, Quick: []string{"10000", "small"},
		Params: "%s × %s ({msg, 42})"},
	{Name: "messages", Module: "bench_messages", Args: []string{"1000000", "tuple10"}, Quick: []string{"10000", "tuple10"},
		Params: "%s × %s"},
	{Name: "messages", Module: "bench_messages", Args: []string{"300000", "bin1k"}, Quick: []string{"10000", "bin1k"},
		Params: "%s × %s (1 KB binary)"},
	{Name: "fairness", Module: "bench_fairness", Args: []string{"4", "2000"}, Quick: []string{"4", "100"},
		Params: "%s spinning processes, %s round trips", Requires: []string{"lists:sort/1", "lists:nth/2"}},
	{Name: "gc_load", Module: "bench_gc_load", Args: []string{"1000", "100000", "2000"}, Quick: []string{"50", "10000", "200"},
		Params:   "%s processes building %s-element lists, %s ms of round trips",
		Requires: []string{"lists:sort/1", "lists:nth/2", "timer:sleep/1"}},
	{Name: "gen_server_call", Module: "bench_gen_server_call", Args: []string{"1", "200000"}, Quick: []string{"1", "2000"},
		Params: "%s client × %s calls", Requires: []string{"gen_server:start_link/3", "gen_server:call/2", "gen_server:stop/1"}},
	{Name: "gen_server_call", Module: "bench_gen_server_call", Args: []string{"100", "2000"}, Quick: []string{"100", "20"},
		Params: "%s clients × %s calls", Requires: []string{"gen_server:start_link/3", "gen_server:call/2", "gen_server:stop/1"}},
	{Name: "cast", Module: "bench_cast", Args: []string{"1000000"}, Quick: []string{"10000"},
		Params: "%s casts, then a call", Requires: []string{"gen_server:start_link/3", "gen_server:cast/2", "gen_server:call/3", "gen_server:stop/1"}},
	{Name: "supervisor_restart", Module: "bench_supervisor_restart", Args: []string{"5000", "100"}, Quick: []string{"100", "50"},
		Params: "%s kill-restart cycles, %s per supervisor", Requires: []string{"supervisor:start_link/2", "supervisor:which_children/1", "gen_server:start_link/3", "gen_server:stop/1"}},
	{Name: "start_children", Module: "bench_start_children", Args: []string{"10000"}, Quick: []string{"1000"},
		Params: "%s children, one start_child each", Requires: []string{"supervisor:start_link/2", "supervisor:start_child/2", "supervisor:count_children/1", "gen_server:start_link/3", "gen_server:stop/1"}},
}
